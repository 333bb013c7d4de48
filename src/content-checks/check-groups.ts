import { groupsFile } from '../config/content-layout.ts';
import { categorySchema, groupsFileSchema, type GroupsFile } from '../schemas/article.ts';
import { closestName } from './closest-name.ts';
import type { ContentProblem } from './check-content.ts';
import type { ContentSources } from './read-content.ts';
import { issuesToProblems, unknownLocaleProblem } from './schema-problems.ts';

/** The valid groups of each locale that has a `_groups.yaml`, with the problems found in those files. */
export interface GroupsCheck {
	groups: Map<string, GroupsFile>;
	problems: ContentProblem[];
}

/**
 * Checks every locale's `_groups.yaml` and the `group:` of every category: a category names a group of its own
 * locale's file, and a group defined in one locale has a title in every other locale that groups its categories.
 */
export function checkGroups(sources: ContentSources, locales: readonly string[]): GroupsCheck {
	const problems: ContentProblem[] = [];
	const groups = new Map<string, GroupsFile>();
	const files = new Map(sources.groups.map((source) => [source.locale, source]));
	for (const source of sources.groups) {
		if (!locales.includes(source.locale)) {
			problems.push(unknownLocaleProblem(source.file, source.locale, locales));
			continue;
		}
		if (source.readError) {
			problems.push({ file: source.file, ...source.readError });
			continue;
		}
		const result = groupsFileSchema.safeParse(source.data ?? {});
		if (!result.success) {
			problems.push(...issuesToProblems(source.file, source.keyLines, result.error.issues));
			continue;
		}
		groups.set(source.locale, result.data);
	}

	const used = new Map<string, Set<string>>();
	for (const category of sources.categories) {
		if (!locales.includes(category.locale) || category.readError) continue;
		const parsed = categorySchema.safeParse(category.data);
		const group = parsed.success ? parsed.data.group : undefined;
		if (!group) continue;
		used.set(category.locale, (used.get(category.locale) ?? new Set()).add(group));
		if (groups.get(category.locale)?.[group]) continue;
		const line = category.keyLines.get('group');
		const elsewhere = locales.filter((locale) => groups.get(locale)?.[group]);
		const known = Object.keys(groups.get(category.locale) ?? {});
		const guess = closestName(group, known);
		problems.push({
			file: category.file,
			...(line ? { line } : {}),
			field: 'group',
			message:
				elsewhere.length > 0
					? `The group "${group}" has no title in ${category.locale}: ${groupsFile(category.locale)} does not list it.`
					: `Unknown group "${group}": no _groups.yaml lists it.`,
			fix:
				elsewhere.length > 0
					? `Add "${group}:" with its ${category.locale} title to ${groupsFile(category.locale)}, as in ${groupsFile(elsewhere[0] ?? '')}.`
					: guess
						? `Did you mean "${guess}"? Or add "${group}:" with a title to ${groupsFile(category.locale)}.`
						: `Add "${group}:" with a title to ${groupsFile(category.locale)}, or remove the group field.${known.length > 0 ? ` Groups: ${known.sort().join(', ')}.` : ''}`,
		});
	}

	// A group of one locale, missing from another locale that groups its categories, would leave them unsorted there.
	for (const locale of locales) {
		if (!used.has(locale) && !groups.has(locale)) continue;
		const here = groups.get(locale) ?? {};
		for (const [other, defined] of groups) {
			if (other === locale) continue;
			for (const id of Object.keys(defined)) {
				if (here[id] || used.get(locale)?.has(id)) continue;
				const source = files.get(other);
				const line = source?.keyLines.get(id);
				problems.push({
					file: source?.file ?? groupsFile(other),
					...(line ? { line } : {}),
					field: id,
					message: `The group "${id}" has no title in ${locale}.`,
					fix: `Add "${id}:" with its ${locale} title to ${groupsFile(locale)}, or remove it from ${groupsFile(other)}.`,
				});
			}
		}
	}
	return { groups, problems };
}

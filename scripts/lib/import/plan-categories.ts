import { createHash } from 'node:crypto';
import { categoryFile, groupsFile } from '../../../src/config/content-layout.ts';
import type { ContentSources } from '../../../src/content-checks/read-content.ts';
import { slugify } from '../scaffold-article.ts';
import { mapLocale } from './locale-map.ts';
import type { ImportSource, SourceGroup, SourceSection } from './model.ts';
import { oldPathsOf } from './old-paths.ts';
import { collapseSpace, cutAtWord, pickIcon } from './text.ts';

/** A category file to write (new), to change in a few fields (updated) or to leave as the editor has it (kept). */
export interface PlannedCategory {
	locale: string;
	id: string;
	file: string;
	status: 'new' | 'updated' | 'kept';
	title: string;
	/** For a new file, every field; for an updated one, the fields to set. */
	data?: Record<string, unknown>;
}

/** A locale's `_groups.yaml`: each group to add whole or to change in a few fields, by its id. */
export interface PlannedGroups {
	locale: string;
	file: string;
	status: 'new' | 'updated' | 'kept';
	entries: Map<string, Record<string, unknown>>;
}

export interface CategoryPlanInput {
	source: ImportSource;
	locales: readonly string[];
	defaultLocale: string;
	existing: ContentSources;
	/** The category folders the import's articles go to, and the source section each one was made for. */
	folders: string[];
	folderOwners: Map<string, string>;
	folderOrder: Map<string, number>;
	categoryDescription(locale: string, topic: string): string;
}

type Names = Map<string, { title: string; description?: string }>;

/**
 * A short fingerprint of a title and description the importer writes, recorded in `source.written`: while the file
 * still has them, the importer wrote them and may replace them; once an editor changes them, it leaves them alone.
 */
export function writtenFingerprint(title: string, description: string | undefined): string {
	return createHash('sha256').update(`${title}\n${description ?? ''}`).digest('hex').slice(0, 12);
}

/** The names in `locale`, else in the default locale, else the first; `exact` when they are `locale`'s own. */
function namesFor(names: Names, locale: string, locales: readonly string[], defaultLocale: string): { title: string; description?: string } | undefined {
	const entries = [...names];
	const found = entries.find(([code]) => mapLocale(code, locales) === locale) ?? entries.find(([code]) => mapLocale(code, locales) === defaultLocale) ?? entries[0];
	return found?.[1];
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Whether an existing file's title and description are still the ones the importer wrote (its `source.written`). */
function writtenByImport(data: Record<string, unknown> | undefined): boolean {
	const written = recordOf(data?.['source'])?.['written'];
	const title = data?.['title'];
	const description = data?.['description'];
	return typeof written === 'string' && typeof title === 'string' && written === writtenFingerprint(title, typeof description === 'string' ? description : undefined);
}

/** The paths of `wanted` missing from an existing `redirectFrom`, as the whole new list; undefined when none is. */
function mergedRedirects(existing: unknown, wanted: string[]): string[] | undefined {
	const current = Array.isArray(existing) ? existing.filter((path): path is string => typeof path === 'string') : [];
	const known = new Set(current.map((path) => path.toLowerCase()));
	const added = wanted.filter((path) => !known.has(path.toLowerCase()));
	return added.length > 0 ? [...current, ...added] : undefined;
}

/**
 * Plans the category files of the folders an import fills, in every language, and the groups above them: new
 * files whole; in existing ones, the group and old addresses they lack, and the title and description when the
 * importer wrote them and has better ones now (a later import in another language brings their translation).
 * What an editor wrote is never replaced.
 */
export function planCategories(input: CategoryPlanInput): { categories: PlannedCategory[]; groups: PlannedGroups[] } {
	const { source, locales, defaultLocale, existing } = input;
	const sectionOf = (folder: string): SourceSection | undefined => {
		const key = input.folderOwners.get(folder);
		return key === undefined ? undefined : source.sections.get(key);
	};

	// Group ids: the one an earlier import gave the same source group, else a name of its own. A source's root folder
	// has the empty key, which `source.id` cannot hold: it is recorded as "/".
	const sourceId = (key: string) => key || '/';
	const groupIds = new Map<string, string>();
	const takenIds = new Map<string, string | undefined>();
	for (const file of existing.groups) {
		for (const [id, value] of Object.entries(recordOf(file.data) ?? {})) {
			const recorded = recordOf(recordOf(value)?.['source']);
			const key = recorded?.['system'] === source.system && recorded['id'] !== undefined ? String(recorded['id']) : undefined;
			takenIds.set(id, key);
			if (key !== undefined) groupIds.set(key === '/' ? '' : key, id);
		}
	}
	const usedGroups: SourceGroup[] = [];
	for (const folder of input.folders) {
		const key = sectionOf(folder)?.groupKey;
		const group = key === undefined ? undefined : source.groups?.get(key);
		if (group && !usedGroups.includes(group)) usedGroups.push(group);
	}
	usedGroups.sort((a, b) => (a.sort[0] ?? 0) - (b.sort[0] ?? 0) || (a.sort[1] ?? 0) - (b.sort[1] ?? 0));
	for (const group of usedGroups) {
		if (groupIds.has(group.key)) continue;
		const base = group.slug || slugify(namesFor(group.names, defaultLocale, locales, defaultLocale)?.title ?? '') || `group-${slugify(group.key) || 'imported'}`;
		let id = base;
		for (let suffix = 2; takenIds.has(id); suffix += 1) id = `${base}-${suffix}`;
		groupIds.set(group.key, id);
		takenIds.set(id, group.key);
	}

	const groups: PlannedGroups[] = [];
	for (const locale of locales) {
		if (usedGroups.length === 0) break;
		const file = existing.groups.find((candidate) => candidate.locale === locale);
		const current = recordOf(file?.data) ?? {};
		let nextOrder = Math.max(0, ...Object.values(current).map((value) => Number(recordOf(value)?.['order']) || 0));
		const entries = new Map<string, Record<string, unknown>>();
		for (const group of usedGroups) {
			const id = groupIds.get(group.key) ?? group.key;
			const names = namesFor(group.names, locale, locales, defaultLocale);
			const title = cutAtWord(collapseSpace(names?.title ?? id), 60);
			const described = collapseSpace((names?.description ?? '').replace(/<[^>]*>/g, ' '));
			const description = described.length >= 10 ? cutAtWord(described, 200) : undefined;
			const redirectFrom = oldPathsOf(group.oldUrls, locale, locales, defaultLocale);
			const written = { system: source.system, id: sourceId(group.key), written: writtenFingerprint(title, description) };
			const before = recordOf(current[id]);
			if (!before) {
				entries.set(id, { title, ...(description ? { description } : {}), order: (nextOrder += 1), ...(redirectFrom.length > 0 ? { redirectFrom } : {}), source: written });
				continue;
			}
			const changes: Record<string, unknown> = {};
			if (writtenByImport(before) && (before['title'] !== title || before['description'] !== description)) {
				changes['title'] = title;
				if (description) changes['description'] = description;
				changes['source'] = written;
			}
			const merged = mergedRedirects(before['redirectFrom'], redirectFrom);
			if (merged) changes['redirectFrom'] = merged;
			if (Object.keys(changes).length > 0) entries.set(id, changes);
		}
		groups.push({ locale, file: groupsFile(locale), status: !file ? 'new' : entries.size > 0 ? 'updated' : 'kept', entries });
	}

	// Categories: every folder used, in every language, so that each language's category page lists its articles.
	const existingCategories = new Map(existing.categories.map((category) => [`${category.locale}/${category.id}`, category]));
	const categories: PlannedCategory[] = [];
	for (const folder of input.folders) {
		const section = sectionOf(folder);
		const groupKey = section?.groupKey;
		const group = groupKey === undefined ? undefined : groupIds.get(groupKey);
		for (const locale of locales) {
			const file = categoryFile(locale, folder);
			const names = section ? namesFor(section.names, locale, locales, defaultLocale) : undefined;
			const title = cutAtWord(collapseSpace(names?.title ?? folder), 60);
			const described = collapseSpace((names?.description ?? '').replace(/<[^>]*>/g, ' '));
			const description = described.length >= 10 ? cutAtWord(described, 200) : input.categoryDescription(locale, title);
			const redirectFrom = section ? oldPathsOf(section.oldUrls ?? [], locale, locales, defaultLocale) : [];
			const written = section ? { source: { system: source.system, id: sourceId(section.key), written: writtenFingerprint(title, description) } } : {};
			const before = existingCategories.get(`${locale}/${folder}`);
			if (!before) {
				const icon = pickIcon([...(section ? [...section.names.values()].map((name) => name.title) : []), folder]);
				const data = { title, description, icon, order: input.folderOrder.get(folder) ?? 100, ...(group ? { group } : {}), ...(redirectFrom.length > 0 ? { redirectFrom } : {}), ...written };
				categories.push({ locale, id: folder, file, status: 'new', title, data });
				continue;
			}
			const data = recordOf(before.data);
			const changes: Record<string, unknown> = {};
			if (section && writtenByImport(data) && (data?.['title'] !== title || data?.['description'] !== description)) {
				changes['title'] = title;
				changes['description'] = description;
				Object.assign(changes, written);
			}
			if (group && data?.['group'] === undefined) changes['group'] = group;
			const merged = mergedRedirects(data?.['redirectFrom'], redirectFrom);
			if (merged) changes['redirectFrom'] = merged;
			const keptTitle = typeof data?.['title'] === 'string' ? data['title'] : folder;
			const changed = Object.keys(changes).length > 0;
			categories.push({ locale, id: folder, file, status: changed ? 'updated' : 'kept', title: typeof changes['title'] === 'string' ? changes['title'] : keptTitle, ...(changed ? { data: changes } : {}) });
		}
	}
	return { categories, groups };
}

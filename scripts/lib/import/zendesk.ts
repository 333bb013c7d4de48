/**
 * Reads a Zendesk Help Center export: the JSON of the Help Center API as it answers
 *   GET /api/v2/help_center/{locale}/categories.json      { "categories": [...] }
 *   GET /api/v2/help_center/{locale}/sections.json        { "sections": [...] }
 *   GET /api/v2/help_center/{locale}/articles.json        { "articles": [...] }
 *   GET /api/v2/help_center/articles/{id}/translations.json  { "translations": [...] }
 *   GET /api/v2/help_center/articles/{id}/attachments.json   { "article_attachments": [...] }
 *   GET /api/v2/help_center/user_segments.json            { "user_segments": [...] }  (optional: names who may see)
 * saved as one file, or as many files in a folder (any names, any nesting, any pages). Fields as documented at
 * https://developer.zendesk.com/api-reference/help_center/help-center-api/ ; unknown fields are ignored.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { ImportError, type ImportSource, type Skip, type SourceArticle, type SourceAttachment, type SourceGroup, type SourceLinkTarget, type SourceSection } from './model.ts';

const zendeskId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const text = z.string().nullish();
const position = z.number().nullish();

const categorySchema = z.object({ id: zendeskId, name: z.string(), description: text, position, locale: text, source_locale: text, html_url: text });
const sectionSchema = z.object({
	id: zendeskId,
	name: z.string(),
	description: text,
	position,
	category_id: zendeskId.nullish(),
	parent_section_id: zendeskId.nullish(),
	locale: text,
	source_locale: text,
	html_url: text,
});
const articleSchema = z.object({
	id: zendeskId,
	title: z.string(),
	body: text,
	locale: z.string().min(2),
	source_locale: text,
	section_id: zendeskId,
	position,
	promoted: z.boolean().nullish(),
	draft: z.boolean().nullish(),
	label_names: z.array(z.string()).nullish(),
	html_url: text,
	created_at: text,
	updated_at: text,
	edited_at: text,
	// Who may see the article: one segment in older exports, a list in newer ones; none means everyone.
	user_segment_id: zendeskId.nullish(),
	user_segment_ids: z.array(zendeskId).nullish(),
});
const translationSchema = z.object({
	source_id: zendeskId,
	source_type: z.string().transform((type) => type.toLowerCase()),
	locale: z.string().min(2),
	title: z.string(),
	body: text,
	draft: z.boolean().nullish(),
	html_url: text,
	updated_at: text,
});
const attachmentSchema = z.object({
	article_id: zendeskId.nullish(),
	file_name: z.string().min(1),
	content_url: z.string().min(1),
	inline: z.boolean().nullish(),
	locale: text,
});

const userSegmentSchema = z.object({ id: zendeskId, name: text, user_type: text });

/** What a list answer says about its pages: offset pagination (page, count, next_page) or cursor pagination (meta). */
const pageSchema = z.object({
	page: z.number().int().nullish().catch(undefined),
	page_count: z.number().int().nullish().catch(undefined),
	count: z.number().int().nonnegative().nullish().catch(undefined),
	next_page: z.string().nullish().catch(undefined),
	meta: z.object({ has_more: z.boolean().nullish() }).nullish().catch(undefined),
});

/** The list keys of the API's answers, and the single-object keys of its "show" answers. */
const collections = {
	userSegments: ['user_segments', 'user_segment', userSegmentSchema],
	categories: ['categories', 'category', categorySchema],
	sections: ['sections', 'section', sectionSchema],
	articles: ['articles', 'article', articleSchema],
	translations: ['translations', 'translation', translationSchema],
	attachments: ['article_attachments', 'article_attachment', attachmentSchema],
} as const;

type Collections = { [K in keyof typeof collections]: { file: string; item: z.output<(typeof collections)[K][2]> }[] };

async function jsonFiles(path: string): Promise<string[]> {
	const info = await stat(path).catch(() => undefined);
	if (!info) throw new ImportError(`${path} does not exist. Give the Zendesk export: a JSON file or a folder of JSON files.`);
	if (info.isFile()) return [path];
	const found: string[] = [];
	const walk = async (directory: string) => {
		for (const entry of (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
			const child = join(directory, entry.name);
			if (entry.isDirectory()) await walk(child);
			else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push(child);
		}
	};
	await walk(path);
	if (found.length === 0) throw new ImportError(`${path} holds no .json file. Save the Help Center API answers there as .json files.`);
	return found;
}

function issueText(error: z.ZodError): string {
	return error.issues.map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`).join('; ');
}

/** One page of a list answer, as read: enough to tell whether the export holds the whole list. */
interface ListPage {
	file: string;
	listKey: string;
	/** Pages of one list share it: the kind, and the language or parent article of its items. */
	list: string;
	items: number;
	paging: z.output<typeof pageSchema>;
}

/**
 * Lists that the export holds only part of: a page whose list is counted (`count`) but has fewer items in the
 * export, or a cursor page with more to come (`meta.has_more`) whose list has no last page in the export.
 */
function incompleteLists(pages: ListPage[]): string[] {
	const problems: string[] = [];
	for (const members of Map.groupBy(pages, (page) => page.list).values()) {
		const counted = members.filter((page) => typeof page.paging.count === 'number');
		const total = Math.max(0, ...counted.map((page) => page.paging.count ?? 0));
		const present = members.reduce((sum, page) => sum + page.items, 0);
		const lastCursorPage = members.some((page) => page.paging.meta?.has_more === false);
		for (const page of members) {
			const { count, next_page: next, meta, page: number, page_count: pageCount } = page.paging;
			const where = `${page.file} ("${page.listKey}"${number && pageCount ? `, page ${number} of ${pageCount}` : ''})`;
			if (typeof count === 'number' && present < total) {
				problems.push(`${where}: the list has ${total} item(s) and the export holds ${present}${next ? `; the next page is ${next}` : ''}.`);
			} else if (meta?.has_more === true && !lastCursorPage) {
				problems.push(`${where}: meta.has_more is true and the page after it is not in the export.`);
			} else if (next && counted.length === 0) {
				problems.push(`${where}: next_page is ${next} and the export has no count to tell whether that page is in it.`);
			}
		}
	}
	return [...new Set(problems)];
}

async function readCollections(path: string, skipped: Skip[]): Promise<Collections> {
	const read: Collections = { userSegments: [], categories: [], sections: [], articles: [], translations: [], attachments: [] };
	const listPages: ListPage[] = [];
	const root = (await stat(path)).isDirectory() ? path : join(path, '..');
	for (const file of await jsonFiles(path)) {
		const name = relative(root, file).split(sep).join('/');
		let data: unknown;
		try {
			data = JSON.parse(await readFile(file, 'utf8'));
		} catch (error) {
			throw new ImportError(`${name} is not valid JSON: ${(error as Error).message}. Export it again from the Help Center API.`);
		}
		const pages = Array.isArray(data) ? data : [data];
		let recognised = false;
		for (const page of pages) {
			if (!page || typeof page !== 'object') throw new ImportError(`${name} is not a Help Center API answer: expected an object such as { "articles": [...] }.`);
			for (const [kind, [listKey, singleKey, schema]] of Object.entries(collections) as [keyof Collections, (typeof collections)[keyof Collections]][]) {
				const record = page as Record<string, unknown>;
				const list = record[listKey] ?? (record[singleKey] === undefined ? undefined : [record[singleKey]]);
				if (list === undefined) continue;
				if (!Array.isArray(list)) throw new ImportError(`${name}: "${listKey}" must be a list.`);
				recognised = true;
				if (record[listKey] !== undefined) {
					const first = (list[0] ?? {}) as Record<string, unknown>;
					const owner = first['source_id'] ?? first['article_id'] ?? first['locale'] ?? '';
					listPages.push({ file: name, listKey, list: `${kind}\n${String(owner).toLowerCase()}`, items: list.length, paging: pageSchema.catch({}).parse(record) });
				}
				for (const [index, item] of list.entries()) {
					const parsed = schema.safeParse(item);
					if (!parsed.success) {
						const id = (item as { id?: unknown } | null)?.id;
						skipped.push({ item: `${name} ${listKey}[${index}]${id === undefined ? '' : ` (id ${String(id)})`}`, reason: `not a valid Zendesk ${singleKey.replace('_', ' ')}: ${issueText(parsed.error)}` });
						continue;
					}
					// The attachments answer of /articles/{id}/attachments.json may leave the article id to its address.
					const value = parsed.data as Record<string, unknown>;
					if (kind === 'attachments' && !value['article_id']) value['article_id'] = /(\d{3,})/.exec(name)?.[1];
					(read[kind] as { file: string; item: unknown }[]).push({ file: name, item: value });
				}
			}
		}
		if (!recognised) skipped.push({ item: name, reason: 'not a Help Center API answer (no categories, sections, articles, translations or article_attachments): ignored' });
	}
	const incomplete = incompleteLists(listPages);
	if (incomplete.length > 0) {
		throw new ImportError(
			`The export is incomplete, so nothing was imported:\n${incomplete.map((line) => `  ${line}`).join('\n')}\n` +
				'Save every page of each list: ask the Help Center API with cursor pagination (add ?page[size]=100 to the address) and follow links.next while meta.has_more is true, saving each answer as its own .json file in the export folder.',
		);
	}
	return read;
}

function date(value: string | null | undefined): Date | undefined {
	if (!value) return undefined;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function origin(url: string | null | undefined): string | undefined {
	try {
		return url ? new URL(url).origin : undefined;
	} catch {
		return undefined;
	}
}

const articlePath = /^\/hc(?:\/([a-z]{2,3}(?:-[a-z0-9]+)*))?\/articles\/(\d+)/i;
const sectionPath = /^\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/sections\/(\d+)/i;
const homePath = /^\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?(?:\/categories\/\d+[^/]*)?\/?$/i;

export interface ZendeskOptions {
	/** Import articles restricted to a user segment (signed-in users, agents) too; they are skipped otherwise. */
	includeRestricted?: boolean;
}

/** Who a Zendesk user segment lets see an article, in words. */
function audience(segment: z.output<typeof userSegmentSchema> | undefined): string {
	if (segment?.user_type === 'staff') return 'agents and admins';
	if (segment?.user_type === 'signed_in_users') return 'signed-in users';
	return 'some users';
}

/**
 * Reads a Zendesk Help Center export (a JSON file or a folder of them) into the import's neutral model. An export
 * that holds only part of a list (more pages to fetch) is refused, naming the file.
 */
export async function readZendeskExport(path: string, options: ZendeskOptions = {}): Promise<ImportSource> {
	const skipped: Skip[] = [];
	const read = await readCollections(path, skipped);
	if (read.articles.length === 0 && read.translations.length === 0) {
		throw new ImportError(`No article found in ${path}. Include the answers of GET /api/v2/help_center/{locale}/articles.json.`);
	}
	if (read.sections.length === 0) {
		throw new ImportError(`No section found in ${path}: articles are filed by section. Include the answers of GET /api/v2/help_center/{locale}/sections.json.`);
	}

	// Zendesk categories: the groups above our categories (Zendesk sections), with their old addresses per locale.
	const groups = new Map<string, SourceGroup>();
	for (const { item } of read.categories) {
		const group: SourceGroup = groups.get(item.id) ?? { key: item.id, names: new Map(), sort: [item.position ?? 0], oldUrls: [] };
		const locale = (item.locale ?? item.source_locale)?.toLowerCase();
		if (locale) {
			group.names.set(locale, { title: item.name, ...(item.description ? { description: item.description } : {}) });
			group.oldUrls.push(`/hc/${locale}/categories/${item.id}`);
		}
		if (item.html_url) group.oldUrls.push(item.html_url);
		groups.set(item.id, group);
	}
	const categoryPositions = new Map([...groups].map(([id, group]) => [id, group.sort[0] ?? 0]));
	interface Section {
		parent?: string;
		category?: string;
		position: number;
		names: Map<string, { title: string; description?: string }>;
		oldUrls: string[];
	}
	const sections = new Map<string, Section>();
	for (const { item } of read.sections) {
		const section: Section = sections.get(item.id) ?? { position: item.position ?? 0, names: new Map(), oldUrls: [] };
		if (item.parent_section_id) section.parent = item.parent_section_id;
		if (item.category_id) section.category = item.category_id;
		const locale = item.locale ?? item.source_locale;
		if (locale) {
			section.names.set(locale.toLowerCase(), { title: item.name, ...(item.description ? { description: item.description } : {}) });
			section.oldUrls.push(`/hc/${locale.toLowerCase()}/sections/${item.id}`);
		}
		if (item.html_url) section.oldUrls.push(item.html_url);
		sections.set(item.id, section);
	}
	for (const { item } of read.translations) {
		const names = item.source_type === 'section' ? sections.get(item.source_id)?.names : item.source_type === 'category' ? groups.get(item.source_id)?.names : undefined;
		const previous = names?.get(item.locale.toLowerCase());
		names?.set(item.locale.toLowerCase(), { title: item.title, ...(previous?.description ? { description: previous.description } : {}) });
	}
	// Our categories are flat: articles of nested sections go to the top-level section's category.
	const topSection = (id: string): string | undefined => {
		const seen = new Set<string>();
		let current = id;
		while (sections.get(current)?.parent && !seen.has(current)) {
			seen.add(current);
			const parent = sections.get(current)?.parent;
			if (!parent || !sections.has(parent)) break;
			current = parent;
		}
		return sections.has(current) ? current : undefined;
	};
	const sourceSections = new Map<string, SourceSection>();
	for (const [id, section] of sections) {
		if (section.parent && sections.has(section.parent)) continue;
		const groupKey = section.category && groups.has(section.category) ? section.category : undefined;
		sourceSections.set(id, {
			key: id,
			names: section.names,
			sort: [section.category ? (categoryPositions.get(section.category) ?? 0) : 0, section.position],
			...(groupKey ? { groupKey } : {}),
			oldUrls: [],
		});
	}
	// A nested section's old addresses lead to the category of its top-level section, where its articles go.
	for (const [id, section] of sections) {
		const top = topSection(id);
		if (top) sourceSections.get(top)?.oldUrls?.push(...section.oldUrls);
	}

	interface Version {
		title: string;
		body: string | null | undefined;
		draft: boolean;
		htmlUrl?: string;
		updated?: Date;
		file: string;
	}
	const articles = new Map<string, { meta: z.output<typeof articleSchema>; file: string; versions: Map<string, Version> }>();
	for (const { file, item } of read.articles) {
		const article = articles.get(item.id) ?? { meta: item, file, versions: new Map<string, Version>() };
		const updated = date(item.edited_at) ?? date(item.updated_at);
		article.versions.set(item.locale.toLowerCase(), {
			title: item.title,
			body: item.body,
			draft: item.draft ?? false,
			...(item.html_url ? { htmlUrl: item.html_url } : {}),
			...(updated ? { updated } : {}),
			file,
		});
		articles.set(item.id, article);
	}
	for (const { file, item } of read.translations) {
		if (item.source_type !== 'article') continue;
		const article = articles.get(item.source_id);
		if (!article) {
			skipped.push({ item: `${file} translation ${item.locale} of article ${item.source_id}`, reason: 'the article itself is not in the export (its section is unknown): include articles.json' });
			continue;
		}
		const previous = article.versions.get(item.locale.toLowerCase());
		const updated = date(item.updated_at);
		if (previous?.updated && updated && previous.updated > updated) continue;
		const htmlUrl = item.html_url ?? previous?.htmlUrl;
		article.versions.set(item.locale.toLowerCase(), {
			title: item.title,
			body: item.body ?? previous?.body,
			draft: item.draft ?? previous?.draft ?? false,
			...(htmlUrl ? { htmlUrl } : {}),
			...((updated ?? previous?.updated) ? { updated: (updated ?? previous?.updated) as Date } : {}),
			file,
		});
	}
	const attachments = Map.groupBy(read.attachments, ({ item }) => item.article_id ?? '');

	const origins = new Set<string>();
	const result: SourceArticle[] = [];
	const segments = new Map(read.userSegments.map(({ item }) => [item.id, item]));
	for (const [id, { meta, versions }] of articles) {
		const sectionKey = topSection(meta.section_id);
		const anyUrl = [...versions.values()].find((version) => version.htmlUrl)?.htmlUrl;
		const segmentIds = [...(meta.user_segment_id ? [meta.user_segment_id] : []), ...(meta.user_segment_ids ?? [])];
		for (const [locale, version] of versions) {
			const item = `${version.file}, article ${id}: "${version.title}" (${locale})`;
			if (segmentIds.length > 0 && !options.includeRestricted) {
				const named = segmentIds.map((segmentId) => segments.get(segmentId));
				const who = [...new Set(named.map(audience))].join(' or ');
				const names = named.flatMap((segment) => (segment?.name ? [`"${segment.name}"`] : []));
				skipped.push({
					item,
					reason: `restricted to a user segment (${names.length > 0 ? `${names.join(', ')}: ` : ''}only ${who} see it in Zendesk), so it is not published; import it anyway with --include-restricted`,
				});
				continue;
			}
			if (!sectionKey) {
				skipped.push({ item, reason: `its section ${meta.section_id} is not in the export: include sections.json` });
				continue;
			}
			if (!version.body?.trim()) {
				skipped.push({ item, reason: 'it has no text' });
				continue;
			}
			// A translation without its own html_url lives at the same address with its locale.
			const htmlUrl = version.htmlUrl ?? anyUrl?.replace(/\/hc\/[^/]+\/articles\//i, `/hc/${locale}/articles/`);
			const from = origin(htmlUrl);
			if (from) origins.add(from);
			const articleAttachments: SourceAttachment[] = (attachments.get(id) ?? [])
				.filter(({ item: attachment }) => !attachment.locale || attachment.locale.toLowerCase() === locale)
				.map(({ item: attachment }) => ({ url: attachment.content_url, fileName: attachment.file_name, inline: attachment.inline ?? false }));
			result.push({
				system: 'zendesk',
				id,
				group: id,
				sourceLocale: locale,
				title: version.title,
				html: version.body,
				sectionKey,
				position: meta.position ?? 0,
				...(version.updated ? { updated: version.updated } : {}),
				draft: version.draft,
				promoted: meta.promoted ?? false,
				// Labels are written in the article's source language.
				keywords: !meta.source_locale || meta.source_locale.toLowerCase() === locale ? (meta.label_names ?? []) : [],
				// The id-only path first: old addresses are matched by id whatever their slug.
				oldUrls: [`/hc/${locale}/articles/${id}`, ...(htmlUrl ? [htmlUrl] : [])],
				attachments: articleAttachments,
				origin: `${version.file}, article ${id}`,
			});
		}
	}
	for (const { item } of [...read.sections, ...read.categories]) {
		const from = origin(item.html_url);
		if (from) origins.add(from);
	}

	const linkTarget = (url: URL): SourceLinkTarget | undefined => {
		const article = articlePath.exec(url.pathname);
		if (article?.[2]) return { kind: 'article', group: article[2], ...(article[1] ? { sourceLocale: article[1].toLowerCase() } : {}) };
		const section = sectionPath.exec(url.pathname)?.[1];
		if (section) {
			const key = topSection(section);
			return key ? { kind: 'section', key } : undefined;
		}
		return homePath.test(url.pathname) ? { kind: 'home' } : undefined;
	};
	return { system: 'zendesk', articles: result, sections: sourceSections, ...(groups.size > 0 ? { groups } : {}), origins, linkTarget, skipped };
}

/**
 * Front matter of Markdown files: split from the body, parsed as YAML, and read into our fields under the names
 * the common tools use (GitBook, Docusaurus, MkDocs, Jekyll, Hugo, Zendesk sync scripts), plus `--map from=to`.
 */
import { parseDocument } from 'yaml';
import { ImportError } from './model.ts';

/** The fields a front matter entry can fill, and what each means. */
export const markdownFields = {
	title: 'the article title',
	description: 'the description',
	updated: 'the date of the last change',
	keywords: 'search keywords (a list, or separated by ";" or ",")',
	order: 'the position in its category',
	draft: 'true keeps the article unpublished',
	promoted: 'true shows the article on the home page',
	id: 'the id in the old system (digits: a Zendesk article id)',
	slug: 'the article file name',
	permalink: 'the old address of the article, kept as a redirect',
	locale: 'the language of the article',
	translationKey: 'what the translations of one article share',
} as const;

export type MarkdownField = keyof typeof markdownFields;

/** Front matter names read for each field, first present wins; dotted names reach into objects. */
const defaultNames: Record<MarkdownField, string[]> = {
	title: ['title'],
	description: ['description', 'excerpt', 'summary', 'subtitle'],
	updated: ['updated', 'last_update.date', 'lastmod', 'last_modified', 'last_modified_at', 'updated_at', 'modified', 'date'],
	keywords: ['keywords', 'tags', 'label_names'],
	order: ['order', 'sidebar_position', 'position', 'weight', 'nav_order'],
	draft: ['draft', 'unlisted', 'hidden'],
	promoted: ['promoted', 'featured', 'pinned'],
	id: ['id', 'zendesk_id', 'article_id'],
	slug: ['slug'],
	permalink: ['permalink', 'url', 'aliases', 'redirect_from'],
	locale: ['locale', 'lang', 'language'],
	translationKey: ['translationKey', 'translation_key', 'translationkey', 'ref'],
};

/** Names that only steer the old tool's layout: nothing to import, nothing to report. */
const layoutNames = new Set([
	'layout', 'sidebar_label', 'sidebar_class_name', 'sidebar_custom_props', 'hide_title', 'hide_table_of_contents', 'toc',
	'toc_min_heading_level', 'toc_max_heading_level', 'pagination_label', 'pagination_next', 'pagination_prev', 'custom_edit_url',
	'displayed_sidebar', 'parent', 'grand_parent', 'has_children', 'nav_exclude', 'search_exclude', 'comments', 'icon', 'cover',
	'coverY', 'hide', 'template', 'type', 'published', 'categories', 'category', 'author', 'authors', 'image', 'last_update',
]);

export interface FrontMatter {
	data: Record<string, unknown>;
	body: string;
	/** Lines taken by the front matter, to give body lines their place in the file. */
	lines: number;
}

/** Splits `---` YAML front matter from the body; throws an ImportError with the line for broken YAML. */
export function splitFrontMatter(text: string): FrontMatter {
	const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match) return { data: {}, body: text.replace(/^\uFEFF/, ''), lines: 0 };
	const document = parseDocument(match[1] ?? '', { prettyErrors: true });
	const error = document.errors[0];
	if (error) {
		const line = (error.linePos?.[0]?.line ?? 0) + 1;
		throw new ImportError(`line ${line}: the front matter is not valid YAML (${error.message.split('\n')[0]})`);
	}
	const data: unknown = document.toJS();
	return {
		data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
		body: text.slice(match[0].length),
		lines: match[0].split('\n').length - 1,
	};
}

function isField(name: string): name is MarkdownField {
	return Object.hasOwn(markdownFields, name);
}

/** The front matter names to read for each field: `--map from=to` pairs first, then the usual names. */
export function fieldNames(map: string[] = []): Record<MarkdownField, string[]> {
	const names = Object.fromEntries(Object.entries(defaultNames).map(([field, list]) => [field, [...list]])) as Record<MarkdownField, string[]>;
	for (const pair of map) {
		const separator = pair.lastIndexOf('=');
		const from = pair.slice(0, separator).trim();
		const field = pair.slice(separator + 1).trim();
		if (separator <= 0 || !field) throw new ImportError(`--map "${pair}" is not of the form name=field, for example --map "summary=description".`);
		if (!isField(field)) throw new ImportError(`--map "${pair}": "${field}" is not a field. Fields: ${Object.keys(markdownFields).join(', ')}.`);
		names[field].unshift(from);
	}
	return names;
}

function lookup(data: Record<string, unknown>, name: string): unknown {
	if (Object.hasOwn(data, name)) return data[name];
	let value: unknown = data;
	for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
	return value;
}

export interface ArticleFields {
	title?: string;
	description?: string;
	updated?: Date;
	keywords: string[];
	order?: number;
	draft: boolean;
	promoted: boolean;
	id?: string;
	slug?: string;
	permalinks: string[];
	locale?: string;
	translationKey?: string;
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	return undefined;
}

function asDate(value: unknown): Date | undefined {
	const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
	return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Reads our fields from parsed front matter. */
export function readFields(data: Record<string, unknown>, names: Record<MarkdownField, string[]>): ArticleFields {
	const pick = (field: MarkdownField): unknown => {
		for (const name of names[field]) {
			const value = lookup(data, name);
			if (value !== undefined && value !== null && value !== '') return value;
		}
		return undefined;
	};
	const list = (value: unknown): string[] =>
		(Array.isArray(value) ? value.map(asText) : (asText(value)?.split(/[;,]/) ?? [])).map((item) => item?.trim()).filter((item): item is string => !!item);
	const flag = (value: unknown) => value === true || value === 'true' || value === 'yes';
	const order = pick('order');
	// Jekyll: `published: false` is a draft.
	const unpublished = data['published'] === false;
	const title = asText(pick('title'));
	const description = asText(pick('description'));
	const updated = asDate(pick('updated'));
	const id = asText(pick('id'));
	const slug = asText(pick('slug'));
	const locale = asText(pick('locale'));
	const translationKey = asText(pick('translationKey'));
	return {
		...(title ? { title } : {}),
		...(description ? { description } : {}),
		...(updated ? { updated } : {}),
		keywords: list(pick('keywords')),
		...(typeof order === 'number' || (typeof order === 'string' && /^-?\d+(\.\d+)?$/.test(order)) ? { order: Number(order) } : {}),
		draft: flag(pick('draft')) || unpublished,
		promoted: flag(pick('promoted')),
		...(id ? { id } : {}),
		...(slug ? { slug } : {}),
		permalinks: list(pick('permalink')).filter((address) => address.startsWith('/') || /^https?:\/\//.test(address)),
		...(locale ? { locale } : {}),
		...(translationKey ? { translationKey } : {}),
	};
}

/** Front matter names that no field reads and that are not layout-only, to report once each with their count. */
export function unknownNames(data: Record<string, unknown>, names: Record<MarkdownField, string[]>): string[] {
	const known = new Set(Object.values(names).flatMap((list) => list.map((name) => name.split('.')[0] ?? name)));
	return Object.keys(data).filter((name) => !known.has(name) && !layoutNames.has(name));
}

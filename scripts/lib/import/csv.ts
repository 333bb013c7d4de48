/**
 * Reads a CSV of articles, one row per article and language. The default columns are those of Gorgias' help
 * center CSV template and export (article_title, article_body, article_excerpt, article_slug, article_id,
 * category_title, category_slug, category_description), plus optional columns of our own (locale, article_url,
 * updated_at, translation_key, keywords). Any other layout works with `--map column=field`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { slugify } from '../scaffold-article.ts';
import { ImportError, type ImportSource, type Skip, type SourceArticle, type SourceSection } from './model.ts';

/** The fields a CSV column can fill, and what each means. */
export const csvFields = {
	title: 'the article title',
	body: 'the article text, in HTML',
	excerpt: 'a summary, used as the description',
	slug: 'the article file name (its address)',
	id: 'the article id in the old system; rows with the same id are translations of one article',
	category: 'the category title',
	categorySlug: 'the category folder name',
	categoryDescription: 'the category description',
	locale: 'the language of the row (en, fr, en-US…); default: --locale or the site default',
	url: 'the old address of the article, kept as a redirect',
	updated: 'the date of the last change',
	translationKey: 'the file name of the article this row translates',
	keywords: 'search keywords, separated by ";" or ","',
} as const;

export type CsvField = keyof typeof csvFields;

/** Column names tried for each field when no --map is given, first match wins (case does not matter). */
export const defaultColumns: Record<CsvField, string[]> = {
	title: ['article_title', 'title'],
	body: ['article_body', 'body', 'content', 'article_content'],
	excerpt: ['article_excerpt', 'excerpt', 'description'],
	slug: ['article_slug', 'slug'],
	id: ['article_id', 'id'],
	category: ['category_title', 'category', 'category_name'],
	categorySlug: ['category_slug'],
	categoryDescription: ['category_description'],
	locale: ['locale', 'language', 'article_locale'],
	url: ['article_url', 'url', 'relative_url'],
	updated: ['updated_at', 'article_updated_at', 'updated'],
	translationKey: ['translation_key', 'translationkey'],
	keywords: ['keywords', 'tags'],
};

export interface CsvOptions {
	/** `column=field` pairs from --map. */
	map?: string[];
	/** Language of rows without a locale column. */
	locale: string;
	/** Category folder for rows without a category. */
	category?: string;
}

function isField(name: string): name is CsvField {
	return Object.hasOwn(csvFields, name);
}

/** Resolves which column fills which field: --map pairs first, then the default names. */
export function resolveColumns(header: string[], map: string[] = []): Partial<Record<CsvField, string>> {
	const byLowerName = new Map(header.map((column) => [column.toLowerCase(), column]));
	const columns: Partial<Record<CsvField, string>> = {};
	for (const pair of map) {
		const separator = pair.lastIndexOf('=');
		const column = pair.slice(0, separator).trim();
		const field = pair.slice(separator + 1).trim();
		if (separator <= 0 || !field) throw new ImportError(`--map "${pair}" is not of the form column=field, for example --map "Question=title".`);
		if (!isField(field)) throw new ImportError(`--map "${pair}": "${field}" is not a field. Fields: ${Object.keys(csvFields).join(', ')}.`);
		const actual = byLowerName.get(column.toLowerCase());
		if (!actual) throw new ImportError(`--map "${pair}": the CSV has no column "${column}". Its columns: ${header.join(', ')}.`);
		columns[field] = actual;
	}
	for (const [field, names] of Object.entries(defaultColumns) as [CsvField, string[]][]) {
		if (columns[field]) continue;
		const actual = names.map((name) => byLowerName.get(name)).find((name) => name !== undefined);
		if (actual && !Object.values(columns).includes(actual)) columns[field] = actual;
	}
	return columns;
}

function splitList(value: string): string[] {
	return value
		.split(/[;,]/)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** Reads a CSV export of articles into the import's neutral model. */
export async function readCsv(path: string, options: CsvOptions): Promise<ImportSource> {
	const name = basename(path);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new ImportError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
	}
	let rows: string[][];
	try {
		rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
	} catch (error) {
		const detail = error instanceof CsvError ? error.message : (error as Error).message;
		throw new ImportError(`${name} is not a valid CSV file: ${detail}. Check the quotes and the number of columns on that line.`);
	}
	const [header = [], ...records] = rows;
	const trimmedHeader = header.map((column) => column.trim());
	const duplicate = trimmedHeader.find((column, index) => trimmedHeader.findIndex((other) => other.toLowerCase() === column.toLowerCase()) !== index);
	if (duplicate) throw new ImportError(`${name} has two columns named "${duplicate}". Rename one of them.`);
	const columns = resolveColumns(trimmedHeader, options.map);
	const missing = (['title', 'body'] as const).filter((field) => !columns[field]);
	if (!columns.category && !columns.categorySlug && !options.category) missing.push('category' as never);
	if (missing.length > 0) {
		const wanted = missing.map((field) => `${field} (${defaultColumns[field].join(' or ')})`).join(', ');
		throw new ImportError(
			`${name} is missing the column(s) for ${wanted}. Its columns: ${trimmedHeader.join(', ') || 'none'}. ` +
				`Name them so, or map yours: --map "Your column=${missing[0]}"${missing.includes('category' as never) ? ', or put every article in one category with --category <folder>' : ''}.`,
		);
	}
	const index = new Map(trimmedHeader.map((column, position) => [column, position]));
	const cell = (record: string[], field: CsvField): string => {
		const column = columns[field];
		return column === undefined ? '' : (record[index.get(column) ?? -1] ?? '').trim();
	};

	const skipped: Skip[] = [];
	const articles: SourceArticle[] = [];
	const sections = new Map<string, SourceSection>();
	const origins = new Set<string>();
	for (const [position, record] of records.entries()) {
		// Line numbers count the header; quoted line breaks inside a cell make them approximate, so say "row".
		const origin = `${name} row ${position + 2}`;
		const title = cell(record, 'title');
		const html = cell(record, 'body');
		const rawSlug = cell(record, 'slug');
		const item = `${origin}${title ? ` "${title}"` : ''}`;
		if (!title) {
			skipped.push({ item, reason: 'no title' });
			continue;
		}
		if (!html) {
			skipped.push({ item, reason: 'no text' });
			continue;
		}
		const sourceLocale = cell(record, 'locale') || options.locale;
		const categoryTitle = cell(record, 'category');
		const categorySlug = slugify(cell(record, 'categorySlug')) || slugify(categoryTitle) || options.category || '';
		if (!categorySlug) {
			skipped.push({ item, reason: 'no category: fill the category column or give --category <folder>' });
			continue;
		}
		const section = sections.get(categorySlug) ?? { key: categorySlug, slug: categorySlug, names: new Map(), sort: [sections.size] };
		if (categoryTitle && !section.names.has(sourceLocale.toLowerCase())) {
			const description = cell(record, 'categoryDescription');
			section.names.set(sourceLocale.toLowerCase(), { title: categoryTitle, ...(description ? { description } : {}) });
		}
		sections.set(categorySlug, section);

		const id = cell(record, 'id');
		const slug = slugify(rawSlug);
		const translationKey = slugify(cell(record, 'translationKey'));
		const oldUrls: string[] = [];
		const url = cell(record, 'url');
		if (url) {
			oldUrls.push(url);
			try {
				origins.add(new URL(url).origin);
			} catch {
				// A path: nothing to learn about the old site's address.
			}
		} else if (id && rawSlug && cell(record, 'locale')) {
			// Gorgias help centers publish articles at /<locale>/<slug>-<id>.
			oldUrls.push(`/${cell(record, 'locale')}/${rawSlug}-${id}`);
		}
		const updatedText = cell(record, 'updated');
		const updated = updatedText ? new Date(updatedText) : undefined;
		const excerpt = cell(record, 'excerpt');
		articles.push({
			system: 'csv',
			id: id || slug || slugify(title),
			group: id ? `id:${id}` : translationKey ? `key:${translationKey}` : slug ? `key:${slug}` : `row:${position}`,
			sourceLocale,
			title,
			html,
			...(excerpt ? { excerpt } : {}),
			sectionKey: categorySlug,
			position,
			...(updated && !Number.isNaN(updated.getTime()) ? { updated } : {}),
			draft: false,
			promoted: false,
			keywords: splitList(cell(record, 'keywords')),
			oldUrls,
			attachments: [],
			...(slug ? { slug } : {}),
			origin,
		});
	}
	if (records.length === 0) throw new ImportError(`${name} has no rows under its header.`);
	return { system: 'csv', articles, sections, origins, skipped };
}

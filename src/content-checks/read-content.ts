import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { contentFolder, parseContentPath, type ArticlePlace } from '../config/content-layout.ts';
import { adviseOnYamlError, type YamlAdvice } from './yaml-advice.ts';

/** Why a file could not be read: the line of the file (1-based) and how to fix it. */
export type ReadError = YamlAdvice;

/** One article file as written, before validation. */
export interface ArticleSource extends ArticlePlace {
	/** Path relative to the project root, with forward slashes, for messages. */
	file: string;
	extension: 'md' | 'mdx';
	/** Parsed frontmatter, or undefined when it could not be parsed. */
	data: Record<string, unknown> | undefined;
	/** Line of each top-level frontmatter key, 1-based. */
	keyLines: Map<string, number>;
	body: string;
	/** Line of the file on which the body starts, 1-based. */
	bodyLine: number;
	/** Why the file could not be read as an article, if it could not. */
	readError?: ReadError;
}

export interface CategorySource {
	file: string;
	locale: string;
	id: string;
	data: unknown;
	keyLines: Map<string, number>;
	readError?: ReadError;
}

/** A YAML file of the content that is neither an article nor a category: a locale's groups, the redirects. */
export interface YamlSource {
	file: string;
	data: unknown;
	/** Line of each top-level key (a group's id, an old address), 1-based. */
	keyLines: Map<string, number>;
	readError?: ReadError;
}

export interface GroupsSource extends YamlSource {
	locale: string;
}

export interface ContentSources {
	root: string;
	articles: ArticleSource[];
	categories: CategorySource[];
	/** Each locale's `_groups.yaml`, for the locales that have one. */
	groups: GroupsSource[];
	/** content/redirects.yaml, when there is one. */
	redirects?: YamlSource;
	/** Files whose place in the tree is wrong (for example an article outside a category folder). */
	misplaced: string[];
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The text of an article file below its frontmatter block (the whole text when it has none). */
export function bodyOfArticleText(text: string): string {
	const match = frontmatterPattern.exec(text);
	return match ? text.slice(match[0].length) : text;
}

function parseYaml(text: string, linesBefore = 0): { data: unknown; keyLines: Map<string, number>; error?: YamlAdvice } {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, prettyErrors: false });
	const keyLines = new Map<string, number>();
	const [first] = document.errors;
	if (first) return { data: undefined, keyLines, error: adviseOnYamlError(text, first, lineCounter, linesBefore) };
	const contents = document.contents;
	if (contents && 'items' in contents) {
		for (const item of contents.items) {
			if (item && typeof item === 'object' && 'key' in item && item.key && typeof item.key === 'object') {
				const key = item.key as { value?: unknown; range?: [number, number, number] };
				if (typeof key.value === 'string' && key.range) {
					keyLines.set(key.value, lineCounter.linePos(key.range[0]).line);
				}
			}
		}
	}
	return { data: document.toJS(), keyLines };
}

/** Splits an article into frontmatter and body and parses the frontmatter, keeping line numbers. */
export function parseArticleText(text: string): Pick<ArticleSource, 'data' | 'keyLines' | 'body' | 'bodyLine' | 'readError'> {
	const match = frontmatterPattern.exec(text);
	if (!match) {
		return {
			data: undefined,
			keyLines: new Map(),
			body: text,
			bodyLine: 1,
			readError: {
				line: 1,
				message: 'The file does not start with a frontmatter block.',
				fix: 'Start it with a line "---", the fields, then "---".',
			},
		};
	}
	const yamlText = match[1] ?? '';
	// The frontmatter's first line is the file's second: the "---" line comes before it.
	const parsed = parseYaml(yamlText, 1);
	const keyLines = new Map([...parsed.keyLines].map(([key, line]) => [key, line + 1]));
	const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
	const base = { keyLines, body: bodyOfArticleText(text), bodyLine };
	if (parsed.error) return { ...base, data: undefined, readError: parsed.error };
	if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
		return { ...base, data: undefined, readError: { line: 2, message: 'The frontmatter is not a list of fields.', fix: 'Write it as "field: value" lines.' } };
	}
	return { ...base, data: parsed.data as Record<string, unknown> };
}

/** Reads one file of the content tree (`file` relative to `root`, with `/`) into `sources`, which it must not hold yet. */
function addContentFile(sources: ContentSources, file: string): void {
	const place = parseContentPath(file);
	if (!place) return;
	if (place.kind === 'misplaced') {
		sources.misplaced.push(file);
		return;
	}
	const text = readFileSync(join(sources.root, file), 'utf8');
	if (place.kind === 'groups' || place.kind === 'redirects') {
		const parsed = parseYaml(text);
		const source: YamlSource = { file, data: parsed.data, keyLines: parsed.keyLines, ...(parsed.error ? { readError: parsed.error } : {}) };
		if (place.kind === 'groups') sources.groups.push({ ...source, locale: place.locale });
		else sources.redirects = source;
		return;
	}
	if (place.kind === 'category') {
		const parsed = parseYaml(text);
		sources.categories.push({
			file,
			locale: place.locale,
			id: place.category,
			data: parsed.data,
			keyLines: parsed.keyLines,
			...(parsed.error ? { readError: parsed.error } : {}),
		});
		return;
	}
	const { locale, category, slug, extension } = place;
	sources.articles.push({ file, locale, category, slug, extension, ...parseArticleText(text) });
}

/**
 * Reads every article and category file of the project at `root`, in its content folder. The reads are synchronous on
 * purpose: for thousands of small files one `readFileSync` each is several times cheaper than `await
 * readFile` (four thread-pool round trips per file), and nothing else runs while the build waits for the
 * content anyway.
 */
export async function readContent(root: string): Promise<ContentSources> {
	const files = readdirSync(join(root, contentFolder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	const sources: ContentSources = { root, articles: [], categories: [], groups: [], misplaced: [] };
	for (const path of files) addContentFile(sources, relative(root, path).split(sep).join('/'));
	return sources;
}

/**
 * Reads one file of the content tree again after it was saved, added or deleted (`file` relative to the project's
 * folder, with `/`), and answers the sources with it in its place and every other file's entry unchanged, so checks
 * that remember unchanged entries do not repeat their work. The files keep the order `readContent` gives them.
 */
export function rereadContentFile(sources: ContentSources, file: string): ContentSources {
	const next: ContentSources = {
		root: sources.root,
		articles: sources.articles.filter((source) => source.file !== file),
		categories: sources.categories.filter((source) => source.file !== file),
		groups: sources.groups.filter((source) => source.file !== file),
		...(sources.redirects && sources.redirects.file !== file ? { redirects: sources.redirects } : {}),
		misplaced: sources.misplaced.filter((other) => other !== file),
	};
	if (!existsSync(join(sources.root, file))) return next;
	addContentFile(next, file);
	const byPath = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
	next.articles.sort(byPath);
	next.categories.sort(byPath);
	next.groups.sort(byPath);
	next.misplaced.sort();
	return next;
}

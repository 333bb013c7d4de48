import { homeUrl } from '../config/page-urls';
import { locales } from '../config/site';
import { getAgentArticles, type AgentArticle } from './agent-articles';

/**
 * The most bytes one file for agents (`/<locale>/llms-full.txt`, `/articles.json`) may hold before the rest goes to
 * a next part. Cloudflare serves no static file over 25 MiB; 10 MiB leaves room and keeps each download reasonable.
 * `HELP_CENTER_AGENT_FILE_BYTES` lowers it, for the tests to build parts from a small catalogue.
 */
export const agentFileBytes = Number(process.env['HELP_CENTER_AGENT_FILE_BYTES']) || 10 * 1024 * 1024;

const encoder = new TextEncoder();

/** Splits `items`, in order, into parts of at most `limit` bytes each (an item larger than that gets a part alone). */
export function splitBySize<T>(items: T[], size: (item: T) => number, limit = agentFileBytes): T[][] {
	const parts: T[][] = [[]];
	let used = 0;
	for (const item of items) {
		const bytes = size(item);
		const current = parts.at(-1) ?? [];
		if (current.length > 0 && used + bytes > limit) {
			parts.push([item]);
			used = bytes;
		} else {
			current.push(item);
			used += bytes;
		}
	}
	return parts;
}

/** The file name of part `index` (from 0): `llms-full`, then `llms-full-2`, `llms-full-3`… */
const partName = (base: string, index: number) => (index === 0 ? base : `${base}-${index + 1}`);

/** The name of a full text's part `index` (from 0), without `.txt`: `llms-full`, `llms-full-2`… */
export const fullTextName = (index: number) => partName('llms-full', index);

/** The address of part `index` of a locale's full text: `/en/llms-full.txt`, `/en/llms-full-2.txt`… */
export const fullTextUrl = (locale: string, index: number) => `${homeUrl(locale)}/${fullTextName(index)}.txt`;

/** The name of the JSON export's part `index` (from 0), without `.json`: `articles`, `articles-2`… */
export const exportName = (index: number) => partName('articles', index);

/** The address of the JSON export's part `index`: `/articles.json`, `/articles-2.json`… */
export const exportUrl = (index: number) => `/${exportName(index)}.json`;

const byteLength = (text: string) => encoder.encode(text).byteLength;

/** Each locale's full-text parts: the articles written in that locale, in reading order, split by size. */
export async function fullTextParts(): Promise<Map<string, AgentArticle[][]>> {
	const articles = await getAgentArticles();
	return new Map(
		locales.map((locale) => [
			locale,
			splitBySize(
				articles.filter((article) => article.page.locale === locale),
				(article) => byteLength(article.markdown),
			),
		]),
	);
}

/** The parts of the JSON export: every article, split by size (the plain text is about the Markdown's size). */
export async function exportParts(): Promise<AgentArticle[][]> {
	return splitBySize(await getAgentArticles(), (article) => byteLength(article.markdown) + 600);
}

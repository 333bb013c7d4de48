import type { ArticleText, SynonymField } from './synonyms.ts';

/** The part of a page Pagefind indexes: the element marked `data-pagefind-body`, or nothing. */
function bodyOf(html: string): string | undefined {
	const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/);
	if (start < 0) return undefined;
	const end = html.lastIndexOf('</article>');
	// Parts Pagefind skips (contents, contact box, dates) must not bring synonyms either.
	return html.slice(start, end > start ? end : undefined).replace(/<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string) {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
		return entities[name.toLowerCase()] ?? entity;
	});
}

const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/** The language of a built page (`<html lang>`), lowercase, or undefined. */
export function pageLanguage(html: string): string | undefined {
	return /<html\b[^>]*\blang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase();
}

/**
 * The page as Pagefind needs to see it: its `<html lang>` (which index it goes to) and the indexed article, whole.
 * Undefined for pages that are not indexed. The article carries its own filters and metadata, and Pagefind reads
 * nothing outside it, so the result is the same as indexing the whole page, at a fraction of the bytes.
 */
export function indexedPart(html: string): string | undefined {
	const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/);
	if (start < 0) return undefined;
	const closing = html.lastIndexOf('</article>');
	const end = closing > start ? closing + '</article>'.length : html.length;
	const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
	return `<!doctype html>${htmlTag}<head></head><body>${html.slice(start, end)}</body></html>`;
}

/**
 * The text of an indexed article, split into title, headings and keywords, and body; undefined for pages that
 * are not indexed. Works on our own built HTML, whose shape we know, so a full HTML parser is not needed.
 */
export function articleText(html: string): ArticleText | undefined {
	const body = bodyOf(html);
	if (body === undefined) return undefined;
	const title = textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1] ?? '');
	const headings = [...body.matchAll(/<(h[2-6]|dt)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((match) => textOf(match[2] ?? ''));
	const keywords = decode(/\bdata-keywords="([^"]*)"/.exec(body)?.[1] ?? '');
	return { title, terms: [...headings, keywords].join(' . '), body: textOf(body) };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page as Pagefind should see it: the same HTML with the synonyms added as metadata of the article (searched
 * and weighted per field, never shown). The files on disk stay as built.
 */
export function withSynonyms(html: string, synonyms: Record<SynonymField, string[]>): string {
	const fields = Object.entries(synonyms).filter(([, entries]) => entries.length > 0);
	if (fields.length === 0) return html;
	const meta = fields.map(([field]) => `synonyms_${field}[data-synonyms-${field}]`).join(', ');
	const values = fields.map(([field, entries]) => ` data-synonyms-${field}="${escapeAttribute(entries.join(', '))}"`).join('');
	const end = html.lastIndexOf('</article>');
	return `${html.slice(0, end)}<span hidden data-pagefind-meta="${meta}"${values}></span>${html.slice(end)}`;
}

import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { articleText, pageLanguage, withSynonyms } from './indexed-page.ts';
import { articleSynonyms } from './synonyms.ts';
import { buildVocabulary, serializeVocabulary } from './vocabulary.ts';

export interface PageToIndex {
	/** The page's address, for example `/en/shipping/delivery-times-and-costs`. */
	url: string;
	html: string;
}

export interface SearchIndexFile {
	/** Path inside the bundle folder (served at `/pagefind/`). */
	path: string;
	content: Uint8Array;
}

export interface SearchIndex {
	files: SearchIndexFile[];
	/** Indexed articles per language. */
	pages: Record<string, number>;
	/** Vocabulary size per language. */
	words: Record<string, number>;
}

/** Where each locale's vocabulary is published inside the bundle folder. */
export const vocabularyPath = (language: string) => `words.${language}.txt`;

/** Pagefind's Node API answers `{ errors }`; any error stops the build with Pagefind's own message. */
function check<T extends { errors: string[] }>(response: T, step: string): T {
	if (response.errors.length > 0) throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}`);
	return response;
}

/** Pagefind stores JSON gzipped behind a signature; this reads it back. */
function readPagefindJson(content: Uint8Array): unknown {
	const data = gunzipSync(content);
	return JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8'));
}

interface Fragment {
	content?: string;
	meta?: Record<string, string>;
}

/**
 * Indexes the help center's articles with Pagefind (one index per `<html lang>`), with each article's synonyms
 * from the site config, and derives each language's vocabulary from what Pagefind indexed. Returns the bundle's
 * files instead of writing them, so the build writes them to disk and `astro dev` serves them from memory.
 */
export async function buildSearchIndex(pages: Iterable<PageToIndex>, synonyms: Record<string, string[][]>): Promise<SearchIndex> {
	const { index } = check(await pagefind.createIndex({}), 'start');
	if (!index) throw new Error('Pagefind could not start.');
	try {
		const pending: Promise<unknown>[] = [];
		for (const page of pages) {
			const text = articleText(page.html);
			if (!text) continue;
			const language = pageLanguage(page.html) ?? 'unknown';
			const html = withSynonyms(page.html, articleSynonyms(text, synonyms[language] ?? [], language));
			pending.push(index.addHTMLFile({ url: page.url, content: html }).then((response) => check(response, `index ${page.url}`)));
			// Pagefind runs as a separate process; a bounded queue keeps memory flat on large sites.
			if (pending.length >= 64) await Promise.all(pending.splice(0));
		}
		await Promise.all(pending);
		const { files } = check(await index.getFiles(), 'write the index');

		const texts = new Map<string, string[]>();
		for (const file of files) {
			const match = /^fragment\/(.+)_[0-9a-f]+\.pf_fragment$/.exec(file.path);
			if (!match?.[1]) continue;
			const fragment = readPagefindJson(file.content) as Fragment;
			const meta = Object.entries(fragment.meta ?? {})
				.filter(([key]) => key === 'title' || key === 'keywords' || key.startsWith('synonyms_'))
				.map(([, value]) => value);
			texts.set(match[1], [...(texts.get(match[1]) ?? []), [fragment.content ?? '', ...meta].join(' ')]);
		}
		const result: SearchIndex = { files: [...files], pages: {}, words: {} };
		for (const [language, pageTexts] of texts) {
			const words = buildVocabulary(pageTexts);
			result.pages[language] = pageTexts.length;
			result.words[language] = words.length;
			result.files.push({ path: vocabularyPath(language), content: new TextEncoder().encode(serializeVocabulary(words)) });
		}
		return result;
	} finally {
		await pagefind.close();
	}
}

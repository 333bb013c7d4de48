import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { encodePack, fragmentPackFolder, fragmentPackName } from '../../worker/asset-pack.ts';
import { parseFragmentName } from '../bundle-layout.ts';
import { reportIndexPhase } from './index-phases.ts';
import type { SearchIndexSummary } from './index-summary.ts';
import { articleText, indexedPart, pageLanguage, withSynonyms } from './indexed-page.ts';
import { pagefindEntryFile as entryFile, shortenPageNames, type RenamedIndex } from './page-names.ts';
import { readPagefindFile } from './pagefind-file.ts';
import { articleSynonyms } from './synonyms.ts';
import { serializeVocabulary } from '../query/vocabulary.ts';
import { knownWordsNear } from './known-words.ts';
import { VocabularyCounter } from './vocabulary-counter.ts';
import { writeBrotliCopies } from './write-brotli-copies.ts';

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

export interface SearchIndex extends SearchIndexSummary {
	files: SearchIndexFile[];
}

/** Where each locale's vocabulary is published inside the bundle folder. */
export const vocabularyPath = (language: string) => `words.${language}.txt`;

/** Pagefind's Node API answers `{ errors }`; any error stops the build with Pagefind's own message. */
function check<T extends { errors: string[] }>(response: T, step: string): T {
	if (response.errors.length > 0) throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}`);
	return response;
}

interface Fragment {
	content?: string;
	meta?: Record<string, string>;
}

/** The words a fragment makes searchable: its text, title, keywords and synonyms. */
function fragmentText(content: Uint8Array): string {
	const fragment = JSON.parse(readPagefindFile(content).toString('utf8')) as Fragment;
	const meta = Object.entries(fragment.meta ?? {})
		.filter(([key]) => key === 'title' || key === 'keywords' || key.startsWith('synonyms_'))
		.map(([, value]) => value);
	return [fragment.content ?? '', ...meta].join(' ');
}

/** A fragment's new name (src/search/build/page-names.ts); a fragment of no page means Pagefind's output is not understood. */
function renamedFragment(renamed: RenamedIndex, file: string): string {
	const name = renamed.fragmentName(file);
	if (!name) throw new Error(`Unexpected file in Pagefind's fragments: ${file}`);
	return name;
}

/** Each language's vocabulary, counted from the fragments as they go by. */
class Vocabularies {
	readonly #counters = new Map<string, VocabularyCounter>();

	add(fragmentName: string, content: Uint8Array) {
		const language = parseFragmentName(fragmentName)?.language;
		if (language === undefined) return;
		let counter = this.#counters.get(language);
		if (!counter) this.#counters.set(language, (counter = new VocabularyCounter()));
		counter.add(fragmentText(content));
	}

	/** The vocabulary files, and how many pages and words each language has. */
	files(): { files: SearchIndexFile[]; summary: SearchIndexSummary } {
		const summary: SearchIndexSummary = { pages: {}, words: {} };
		const files: SearchIndexFile[] = [];
		for (const [language, counter] of this.#counters) {
			const words = counter.words();
			summary.pages[language] = counter.pages;
			summary.words[language] = words.length;
			files.push({ path: vocabularyPath(language), content: new TextEncoder().encode(serializeVocabulary(words, knownWordsNear(words, language))) });
		}
		return { files, summary };
	}
}

/**
 * Runs Pagefind over the pages, each reduced to its language and indexed article with the article's synonyms from
 * the site config (the rest of a page — styles, header, footer — is never indexed, so sending it would only cost
 * time). Pages are streamed: only a bounded window of them is in flight at once, whatever the size of the site.
 */
async function withPagefindIndex<T>(
	pages: AsyncIterable<PageToIndex> | Iterable<PageToIndex>,
	synonyms: Record<string, string[][]>,
	use: (index: pagefind.PagefindIndex) => Promise<T>,
): Promise<T> {
	const started = performance.now();
	const { index } = check(await pagefind.createIndex({}), 'start');
	if (!index) throw new Error('Pagefind could not start.');
	try {
		const pending: Promise<unknown>[] = [];
		for await (const page of pages) {
			const part = indexedPart(page.html);
			if (!part) continue;
			const text = articleText(page.html);
			const language = pageLanguage(page.html) ?? 'unknown';
			const html = withSynonyms(part, articleSynonyms(text ?? { title: '', terms: '', body: '' }, synonyms[language] ?? [], language));
			pending.push(index.addHTMLFile({ url: page.url, content: html }).then((response) => check(response, `index ${page.url}`)));
			// Pagefind runs as a separate process: keep it busy with one batch while the next one is read.
			if (pending.length >= 128) await Promise.all(pending.splice(0, 64));
		}
		await Promise.all(pending);
		reportIndexPhase('pages added', started);
		return await use(index);
	} finally {
		await pagefind.close();
	}
}

/**
 * Indexes the help center's articles with Pagefind (one index per `<html lang>`) and derives each language's
 * vocabulary from what Pagefind indexed. Returns the bundle's files instead of writing them: `astro dev` serves
 * them from memory, and the build packs the fragments before it writes anything (`writeSearchIndex`).
 */
export async function buildSearchIndex(pages: AsyncIterable<PageToIndex> | Iterable<PageToIndex>, synonyms: Record<string, string[][]>): Promise<SearchIndex> {
	return withPagefindIndex(pages, synonyms, async (index) => {
		const writing = performance.now();
		const written = new Map(check(await index.getFiles(), 'write the index').files.map((file) => [file.path, file.content]));
		const renaming = reportIndexPhase('Pagefind write', writing);
		const renamed = shortenPageNames(new TextDecoder().decode(written.get(entryFile)), (path) => written.get(path) ?? new Uint8Array());
		const files: SearchIndexFile[] = [];
		const vocabularies = new Vocabularies();
		for (const [path, content] of written) {
			if (renamed.replacedMetaFiles.includes(path)) continue;
			if (!path.startsWith('fragment/')) {
				files.push({ path, content: path === entryFile ? new TextEncoder().encode(renamed.entry) : content });
				continue;
			}
			const name = renamedFragment(renamed, path.slice('fragment/'.length));
			vocabularies.add(name, content);
			files.push({ path: `fragment/${name}`, content });
		}
		for (const [path, content] of renamed.metaFiles) files.push({ path, content });
		const extra = vocabularies.files();
		reportIndexPhase('renamed and counted', renaming);
		return { files: [...files, ...extra.files], ...extra.summary };
	});
}

/**
 * Writes the search bundle into `outputDir` for the built site: Pagefind's index, each language's vocabulary, and
 * the per-article fragments under shorter names (src/search/build/page-names.ts) packed into at most 256 packs per
 * language (src/worker/asset-pack.ts), which the Worker opens to answer `/pagefind/fragment/<name>`, and Brotli
 * copies of the files every first search downloads (src/search/bundle-layout.ts). Pagefind hands its files over
 * rather than writing them: one file per article, written only to be read back into packs and deleted, cost about
 * 3 s of a 30 s step at 10,000 articles.
 */
export async function writeSearchIndex(
	pages: AsyncIterable<PageToIndex> | Iterable<PageToIndex>,
	synonyms: Record<string, string[][]>,
	outputDir: string,
): Promise<SearchIndexSummary> {
	const { files, ...summary } = await buildSearchIndex(pages, synonyms);
	const packing = performance.now();
	const packs = new Map<string, Map<string, Uint8Array>>();
	for (const file of files) {
		if (file.path.startsWith('fragment/')) {
			const name = file.path.slice('fragment/'.length);
			const pack = fragmentPackName(name);
			if (!pack) throw new Error(`No pack for the search fragment ${name}`);
			let packed = packs.get(pack);
			if (!packed) packs.set(pack, (packed = new Map()));
			packed.set(name, file.content);
			continue;
		}
		await mkdir(dirname(join(outputDir, file.path)), { recursive: true });
		await writeFile(join(outputDir, file.path), file.content);
	}
	await mkdir(join(outputDir, fragmentPackFolder), { recursive: true });
	for (const [pack, packed] of packs) await writeFile(join(outputDir, fragmentPackFolder, `${pack}.pack`), encodePack(packed));
	await writeBrotliCopies(outputDir);
	reportIndexPhase('packed and written', packing);
	return summary;
}

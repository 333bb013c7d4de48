import * as bundledPagefind from 'virtual:pagefind-web';
import { searchBundlePath as bundlePath } from '../bundle-layout.ts';
import { pagefindOptions, type Pagefind, type PagefindResponse } from '../query/pagefind-api.ts';
import { Vocabulary } from '../query/vocabulary.ts';

/**
 * How many searches are remembered. Typing a space, a stop word or the first letter of a new word searches the same
 * words again, and so does each spelling tried for a misspelt word: on a large site, one search costs tens of
 * milliseconds of WebAssembly, a remembered one nothing.
 */
const rememberedSearches = 32;

let pagefind: Promise<Pagefind> | undefined;
const vocabularies = new Map<string, Promise<Vocabulary | undefined>>();

/** Pagefind with its latest searches remembered, by words and options; a failed search is not remembered. */
function remembering(engine: Pagefind): Pagefind {
	const recent = new Map<string, Promise<PagefindResponse>>();
	return {
		options: (options) => engine.options(options),
		init: () => engine.init(),
		search(term, options) {
			const key = JSON.stringify([term, options ?? {}]);
			let response = recent.get(key);
			// Most recently used last, so the oldest is the first to go.
			if (response) recent.delete(key);
			else response = engine.search(term, options);
			recent.set(key, response);
			response.catch(() => recent.delete(key));
			if (recent.size > rememberedSearches) recent.delete(recent.keys().next().value ?? '');
			return response;
		},
	};
}

/**
 * Pagefind for the page's language (from `<html lang>`), started once, on first use. Its code comes with this
 * script; its index comes from /pagefind/. Runs on the main thread: a search takes milliseconds, and a Web
 * Worker would cost one more download before the first results.
 */
export function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (async () => {
		await bundledPagefind.options({ ...pagefindOptions, basePath: bundlePath, noWorker: true });
		await bundledPagefind.init();
		return remembering(bundledPagefind);
	})();
	pagefind.catch(() => {
		// A failed download (offline, 404) may work on the next try.
		pagefind = undefined;
	});
	return pagefind;
}

/** The words of one language's index, downloaded once, and only when a query looks misspelt. */
export function loadVocabulary(language: string): Promise<Vocabulary | undefined> {
	let vocabulary = vocabularies.get(language);
	if (!vocabulary) {
		vocabulary = fetch(`${bundlePath}words.${language}.txt`)
			.then(async (response) => (response.ok ? Vocabulary.parse(await response.text()) : undefined))
			.catch(() => undefined);
		vocabularies.set(language, vocabulary);
	}
	return vocabulary;
}

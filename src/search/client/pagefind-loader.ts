import { pagefindOptions, type Pagefind } from '../pagefind-api.ts';
import { Vocabulary } from '../vocabulary.ts';

/** Where the build publishes the search bundle (see src/integrations/search-index.ts). */
const bundlePath = '/pagefind/';

let pagefind: Promise<Pagefind> | undefined;
let vocabulary: Promise<Vocabulary | undefined> | undefined;

/**
 * Pagefind for the page's language (from `<html lang>`), loaded once, on first use. Runs on the main thread:
 * a search takes milliseconds, and a Web Worker would cost one more download before the first results.
 */
export function loadPagefind(): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ `${bundlePath}pagefind.js`).then(async (module: Pagefind) => {
		await module.options({ ...pagefindOptions, basePath: bundlePath, noWorker: true });
		await module.init();
		return module;
	});
	pagefind.catch(() => {
		// A failed download (offline, 404) may work on the next focus.
		pagefind = undefined;
	});
	return pagefind;
}

/** The words of the page language's index, downloaded only when a query looks misspelt. */
export function loadVocabulary(language: string): Promise<Vocabulary | undefined> {
	vocabulary ??= fetch(`${bundlePath}words.${language}.txt`)
		.then(async (response) => (response.ok ? Vocabulary.parse(await response.text()) : undefined))
		.catch(() => undefined);
	return vocabulary;
}

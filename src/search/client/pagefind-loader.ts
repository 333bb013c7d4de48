import * as bundledPagefind from 'virtual:pagefind-web';
import { pagefindOptions, type Pagefind } from '../pagefind-api.ts';
import { Vocabulary } from '../vocabulary.ts';

/** Where the build publishes the search index (see src/integrations/search-index.ts). */
const bundlePath = '/pagefind/';

let pagefind: Promise<Pagefind> | undefined;
let vocabulary: Promise<Vocabulary | undefined> | undefined;

/**
 * Pagefind for the page's language (from `<html lang>`), started once, on first use. Its code comes with this
 * script; its index comes from /pagefind/. Runs on the main thread: a search takes milliseconds, and a Web
 * Worker would cost one more download before the first results.
 */
export function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (async () => {
		await bundledPagefind.options({ ...pagefindOptions, basePath: bundlePath, noWorker: true });
		await bundledPagefind.init();
		return bundledPagefind;
	})();
	pagefind.catch(() => {
		// A failed download (offline, 404) may work on the next try.
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

// The search bundle's layout: where it is served from and what its files are called. The build writes the bundle,
// the Worker serves it and the browser reads it, so all three take these facts from here.

/** Where the search bundle (Pagefind's files, the vocabularies, the fragment packs) is served from. */
export const searchBundlePath = '/pagefind/';

/*
 * Search fragments' names, as src/search/build/page-names.ts gives them: `<language>_<tag>-<position>.pf_fragment`,
 * where `tag` is 8 hex digits of Pagefind's hash of the language's index and `position` the page's place in it, in
 * base 36.
 */

/** A page's name in the search bundle (`en_a491c621-7ps`); its fragment is that name plus `.pf_fragment`. */
export const pageName = (language: string, tag: string, position: number) => `${language}_${tag}-${position.toString(36)}`;

/** The language and position of a fragment's file name, or undefined for a name that is not one. */
export function parseFragmentName(file: string): { language: string; position: number } | undefined {
	const match = /^([a-z0-9-]+)_[0-9a-f]{8}-([0-9a-z]{1,6})\.pf_fragment$/.exec(file);
	return match?.[1] && match[2] ? { language: match[1], position: Number.parseInt(match[2], 36) } : undefined;
}

/*
 * Search files that the build also stores compressed with Brotli, as `<file>.br`, for the Worker to send to
 * browsers that accept it. Pagefind gzips its files itself and its browser code unzips them, unless they arrive
 * already decompressed (they start with Pagefind's signature), so a Brotli copy of the decompressed bytes is a
 * drop-in replacement. Measured at 10,000 articles: the metadata and the WebAssembly module, which every first
 * search downloads, shrink by a quarter and by 15%; the index chunks gain under 2% at a Brotli level that keeps the
 * build fast (11% at the slowest level, which would add 35 s to the build), so they are left gzipped.
 */

/** The suffix of a file's Brotli copy. */
export const brotliSuffix = '.br';

/** Whether the build stores a Brotli copy of this file of the search bundle (a path inside it). */
export const hasBrotliCopy = (path: string) => /^(?:pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind|filter\/[\w-]+\.pf_filter)$/.test(path);

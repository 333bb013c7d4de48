/**
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

/** Where the search bundle (Pagefind's files, the vocabularies, the fragment packs) is served from. */
export const searchBundlePath = '/pagefind/';

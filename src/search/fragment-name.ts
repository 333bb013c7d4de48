/**
 * Search fragments' names, as src/search/page-names.ts gives them: `<language>_<tag>-<position>.pf_fragment`, where
 * `tag` is 8 hex digits of Pagefind's hash of the language's index and `position` the page's place in it, in base 36.
 */

/** A page's name in the search bundle (`en_a491c621-7ps`); its fragment is that name plus `.pf_fragment`. */
export const pageName = (language: string, tag: string, position: number) => `${language}_${tag}-${position.toString(36)}`;

/** The language and position of a fragment's file name, or undefined for a name that is not one. */
export function parseFragmentName(file: string): { language: string; position: number } | undefined {
	const match = /^([a-z0-9-]+)_[0-9a-f]{8}-([0-9a-z]{1,6})\.pf_fragment$/.exec(file);
	return match?.[1] && match[2] ? { language: match[1], position: Number.parseInt(match[2], 36) } : undefined;
}

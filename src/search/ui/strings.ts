import type { UiKey } from '../../i18n/translate.ts';

/**
 * The UI strings the search interface words its results with. The search form renders them, in the page's
 * language only, next to itself (ui-strings.astro): the interface's script then carries no dictionary of every
 * language.
 */
export const searchStringKeys = [
	'search.resultsLabel',
	'search.seeAll',
	'search.otherLanguage',
	'search.count',
	'search.countOne',
	'search.corrected',
	'search.partial',
	'search.none',
	'search.unavailable',
] as const satisfies UiKey[];

export type SearchStringKey = (typeof searchStringKeys)[number];
export type Translate = (key: SearchStringKey, values?: Record<string, string | number>) => string;

/**
 * The search strings rendered in `form`, as a `t()` like the server's. Read here rather than with the self-service
 * islands' reader, which the bundler would split into a chunk of its own: one more request before the first results.
 */
export function searchStrings(form: Element): Translate {
	const strings = JSON.parse(form.querySelector('script[data-ui-strings]')?.textContent ?? '{}') as Partial<Record<SearchStringKey, string>>;
	return (key, values = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

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
	'search.selfService',
	'search.selfServiceOffer',
	'selfService.track.title',
	'selfService.return.title',
	'selfService.address.title',
	'selfService.contact.title',
] as const satisfies UiKey[];

/** The strings of a list of suggested articles (suggested-articles.astro), rendered with it. */
export const suggestionStringKeys = ['suggest.count', 'suggest.countOne', 'suggest.helped', 'suggest.thanks'] as const satisfies UiKey[];

/** The strings of an answer card (answer-card.astro), rendered with its place on the page. */
export const answerStringKeys = [
	'answer.label',
	'answer.contactLabel',
	'answer.found',
	'answer.from',
	'answer.updated',
	'answer.question',
	'answer.yes',
	'answer.no',
	'answer.thanks',
	'answer.thanksContact',
	'answer.sorry',
	'answer.writeToUs',
	'answer.sorryContact',
	'answer.stillNeedHelp',
	'answer.contact',
	'answer.contactWrite',
	'answer.none',
	'answer.noShortAnswer',
	'answer.noShortAnswerBelow',
	'answer.selfService.track',
	'answer.selfService.return',
	'answer.selfService.address',
	'answer.selfService.contact',
] as const satisfies UiKey[];

export type SearchStringKey = (typeof searchStringKeys)[number];
export type SuggestionStringKey = (typeof suggestionStringKeys)[number];
export type AnswerStringKey = (typeof answerStringKeys)[number];
export type Translate<Key extends string = SearchStringKey> = (key: Key, values?: Record<string, string | number>) => string;

/**
 * The strings rendered in `container` (a search form, a suggestion list), as a `t()` like the server's. Read here
 * rather than with the self-service islands' reader, which the bundler would split into a chunk of its own: one more
 * request before the first results.
 */
export function searchStrings<Key extends string = SearchStringKey>(container: Element): Translate<Key> {
	// Its own strings: an answer card inside the container brings strings of its own.
	const strings = JSON.parse(container.querySelector(':scope > script[data-ui-strings]')?.textContent ?? '{}') as Partial<Record<Key, string>>;
	return (key, values = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

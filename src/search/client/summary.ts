import { translate } from '../../i18n/translate.ts';
import type { SearchView } from './search-session.ts';

/** What the results say in words: how many, corrected spelling, partial matches; announced and shown. */
export function summarize(view: SearchView | undefined, locale: string, typed: string): string {
	if (!view) return translate(locale, 'search.unavailable');
	const { outcome } = view;
	const count = outcome.results.length;
	if (count === 0) return translate(locale, 'search.none', { query: typed.trim() });
	const parts = [count === 1 ? translate(locale, 'search.countOne') : translate(locale, 'search.count', { count })];
	if (outcome.corrected) parts.push(translate(locale, 'search.corrected', { query: outcome.corrected }));
	if (outcome.partial) parts.push(translate(locale, 'search.partial'));
	return parts.join(' ');
}

export interface OtherLanguage {
	code: string;
	name: string;
}

/** The other languages of the site, from the search form (`data-other-languages="fr:Français"`). */
export function otherLanguages(form: HTMLElement): OtherLanguage[] {
	return (form.dataset['otherLanguages'] ?? '')
		.split('|')
		.filter(Boolean)
		.map((entry) => {
			const [code = '', ...name] = entry.split(':');
			return { code, name: name.join(':') };
		});
}

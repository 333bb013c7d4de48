import type { Translate } from './strings.ts';
import type { SearchView } from './search-session.ts';

/** What the results say in words: how many, corrected spelling, partial matches; announced and shown. */
export function summarize(view: SearchView | undefined, t: Translate, typed: string): string {
	if (!view) return t('search.unavailable');
	const { outcome } = view;
	const count = outcome.results.length;
	if (count === 0) return t('search.none', { query: typed.trim() });
	const parts = [count === 1 ? t('search.countOne') : t('search.count', { count })];
	if (outcome.corrected) parts.push(t('search.corrected', { query: outcome.corrected }));
	if (outcome.partial) parts.push(t('search.partial'));
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

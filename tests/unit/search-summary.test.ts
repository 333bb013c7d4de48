import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/translate';
import type { SearchView } from '../../src/search/ui/search-session';
import { summarize } from '../../src/search/ui/summary';

const view = (count: number, extra: { corrected?: string; partial?: boolean } = {}) =>
	({ query: 'q', outcome: { query: 'q', partial: extra.partial ?? false, results: Array.from({ length: count }), ...(extra.corrected ? { corrected: extra.corrected } : {}) }, results: [] }) as unknown as SearchView;

describe('the search status', () => {
	it('says the count, then the corrected spelling, as sentences of their own', () => {
		expect(summarize(view(3, { corrected: 'refund' }), useTranslations('en'), 'refnud')).toBe('3 articles found. Showing results for “refund”.');
		expect(summarize(view(1, { corrected: 'colis' }), useTranslations('fr'), 'colsi')).toBe('1 article trouvé. Résultats pour « colis ».');
		expect(summarize(view(2, { partial: true }), useTranslations('fr'), 'x')).toBe('2 articles trouvés. Aucun article ne contient tous ces mots ; voici les plus proches.');
	});
});

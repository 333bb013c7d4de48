import { describe, expect, it } from 'vitest';
import { matchLocale } from '../../src/config/match-locale';
import { negotiateLocale } from '../../src/worker/negotiate-locale';

const locales = ['en', 'fr'];

describe('negotiateLocale', () => {
	it('falls back to the default locale without a header', () => {
		expect(negotiateLocale(undefined, locales, 'en')).toBe('en');
		expect(negotiateLocale('', locales, 'en')).toBe('en');
	});

	it('matches a regional variant on its primary language', () => {
		expect(negotiateLocale('fr-BE', locales, 'en')).toBe('fr');
	});

	it('follows quality values rather than order', () => {
		expect(negotiateLocale('en;q=0.4, fr;q=0.8', locales, 'en')).toBe('fr');
	});

	it('skips languages we do not have and ignores q=0', () => {
		expect(negotiateLocale('de-DE, fr;q=0, en;q=0.3', locales, 'fr')).toBe('en');
	});

	it('survives garbage', () => {
		expect(negotiateLocale(';;;,q=abc,*', locales, 'en')).toBe('en');
	});
});

describe('matchLocale', () => {
	it('reads one tag as browsers and apps write it, and refuses a language the help center lacks', () => {
		expect(matchLocale('fr', locales)).toBe('fr');
		expect(matchLocale('FR', locales)).toBe('fr');
		expect(matchLocale('fr_CA', locales)).toBe('fr');
		expect(matchLocale(' en-GB ', locales)).toBe('en');
		expect(matchLocale('de', locales)).toBeUndefined();
		expect(matchLocale('', locales)).toBeUndefined();
	});
});

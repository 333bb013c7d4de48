import { describe, expect, it } from 'vitest';
import { selfServiceActionInAnyLanguage, selfServiceActionOf } from '../../src/answers/order-intents';
import { routerPhrasings } from '../../scripts/lib/router-phrasings';

// Shoppers' phrasings none of them in the question set (tests/fixtures/answers/router-phrasings.json): about their own
// order (the page that acts on it), asking for a person (contact), or about the shop's rules (null: an article answers).
const phrasings = routerPhrasings('router-phrasings.json').map(({ locale, question, action }) => [locale, question, action ?? undefined] as const);

describe('the self-service router, on shoppers’ phrasings beyond the question set', () => {
	it.each(phrasings)('%s: "%s" → %s', (language, question, action) => {
		expect(selfServiceActionOf(question, language)).toBe(action);
	});
});

describe('the self-service router, whatever language the question is in', () => {
	it('routes an order question written in another of the site’s languages, and leaves rule questions to the articles', () => {
		expect(selfServiceActionInAnyLanguage('is my order on its way?', 'fr')).toBe('track');
		expect(selfServiceActionInAnyLanguage('je veux parler à un conseiller', 'en')).toBe('contact');
		expect(selfServiceActionInAnyLanguage('I want to return the linen trousers I bought', 'fr')).toBe('return');
		expect(selfServiceActionInAnyLanguage('how long does delivery take to Spain', 'fr')).toBeUndefined();
		expect(selfServiceActionInAnyLanguage('combien de temps pour un remboursement', 'en')).toBeUndefined();
		expect(selfServiceActionInAnyLanguage("bonjour my order n'est pas arrivée", 'fr')).toBe('track');
		// The page's language alone does not see it.
		expect(selfServiceActionOf('is my order on its way?', 'fr')).toBeUndefined();
	});
});

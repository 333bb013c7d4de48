import { normalizeQuery } from './query-text.ts';

// What a shopper may type that identifies them: e-mail addresses, and long numbers (order, phone, card, postcode
// numbers). Queries are about articles, so dropping these loses nothing we need.
const emailAddress = /[^\s@]+@[^\s@]+/gu;
const longNumber = /\d(?:[\s.\-/]?\d){4,}/gu;

/**
 * The query as we record it: normalised, with e-mail addresses replaced by "@" and numbers of five digits or more
 * by "#", so that no event carries personal data.
 */
export function anonymizeQuery(raw: string): string {
	return normalizeQuery(normalizeQuery(raw).replace(emailAddress, '@').replace(longNumber, '#'));
}

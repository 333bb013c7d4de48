import { normalizeQuery } from './query-text.ts';

// What a shopper may type that identifies them: e-mail addresses, and long numbers (order, phone, card, postcode
// numbers). Queries and comments are about articles, so dropping these loses nothing we need.
const emailAddress = /[^\s@]+@[^\s@]+/gu;
const longNumber = /\d(?:[\s.\-/]?\d){4,}/gu;

/** The text with e-mail addresses replaced by "@" and numbers of five digits or more by "#". */
export function redactPersonalData(text: string): string {
	return text.replace(emailAddress, '@').replace(longNumber, '#');
}

/** The query as we record it: normalised, with no e-mail address or long number (see {@link redactPersonalData}). */
export function anonymizeQuery(raw: string): string {
	return normalizeQuery(redactPersonalData(normalizeQuery(raw)));
}

import { normalizeQuery } from './query-text.ts';

// What a shopper may type that identifies them: e-mail addresses, and long numbers (order, phone, card, postcode
// numbers). Queries and comments are about articles, so dropping these loses nothing we need.
const emailAddress = /[^\s@]+@[^\s@]+/gu;
const longNumber = /\d(?:[\s.\-/]?\d){4,}/gu;
// Phone numbers as people write them: an optional +, seven digits or more with spaces, dots, dashes, slashes or
// brackets between them (+1 (555) 123-4567, +44 (0)20 7946 0958), which `longNumber` would only partly catch.
const phoneNumber = /\+?\(?\d(?:[\s.\-/()]{0,3}\d){6,}/gu;
// Any run of four digits or more, with the # that often comes before it: order numbers (#1001), PINs, years.
const digitRun = /#?\d{4,}/gu;

/** The text with e-mail addresses replaced by "@" and numbers of five digits or more by "#". */
export function redactPersonalData(text: string): string {
	return text.replace(emailAddress, '@').replace(longNumber, '#');
}

/** The query as we record it: normalised, with no e-mail address or long number (see {@link redactPersonalData}). */
export function anonymizeQuery(raw: string): string {
	return normalizeQuery(redactPersonalData(normalizeQuery(raw)));
}

/**
 * Text about to leave for a third party that has no need of any of it (the answer model): what
 * {@link redactPersonalData} removes, and also phone numbers and every run of four digits or more, so order numbers
 * such as #1001 (which search keeps, being short) are gone too. Numbers of one to three digits ("30 days", "size
 * 42", "4.95") stay: questions need them.
 */
export function redactForThirdParty(text: string): string {
	return redactPersonalData(text.replace(phoneNumber, '#')).replace(digitRun, '#');
}

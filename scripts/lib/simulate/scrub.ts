// What identifies a customer in a ticket, after the contract's rules (functions/contract/privacy.ts,
// redactPersonalData: e-mail addresses, numbers of five digits or more), plus phone numbers written in groups
// ("(555) 123-4567", "+33 6 12 34 56 78"), which the contract's long numbers may only partly catch.
const emailAddress = /[^\s@]+@[^\s@]+/gu;
const phoneNumber = /(?:(?:\+|\b00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,}|\(?\b0\d{1,4}\)?[\s.-]?\d(?:[\s.-]?\d){5,}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b|\b\d{3}[.-]\d{3}[.-]\d{4}\b)/gu;
const longNumber = /\d(?:[\s.\-/]?\d){4,}/gu;

/** A long number with every digit turned to 0, except a group that is a year (a year identifies no one). */
const maskDigits = (number: string) => number.replace(/\d+/g, (group) => (/^(?:19|20)\d\d$/.test(group) ? group : '0'.repeat(group.length)));

/**
 * A ticket's text without what identifies the customer, in memory only. E-mail addresses become "@" and phone
 * numbers "#", as the contract's redactPersonalData marks them; other numbers of five digits or more keep their
 * shape with every digit masked ("order #104587" → "order #000000"), so that the engine, which sends a question
 * naming an order to the self-service pages, sees an order number without learning which. Names and street
 * addresses are not detected.
 */
export function scrub(text: string): string {
	return text.replace(emailAddress, '@').replace(phoneNumber, '#').replace(longNumber, maskDigits);
}

/** Postal code formats of the countries most orders ship to; others accept any 2–10 letters, digits, spaces or dashes. */
export const postalCodePatterns: Record<string, RegExp> = {
	FR: /^\d{5}$/,
	DE: /^\d{5}$/,
	ES: /^\d{5}$/,
	IT: /^\d{5}$/,
	BE: /^\d{4}$/,
	CH: /^\d{4}$/,
	AT: /^\d{4}$/,
	LU: /^(L-)?\d{4}$/i,
	NL: /^\d{4} ?[A-Z]{2}$/i,
	PT: /^\d{4}-\d{3}$/,
	IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/i,
	GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
	US: /^\d{5}(-\d{4})?$/,
	CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
	AU: /^\d{4}$/,
	JP: /^\d{3}-?\d{4}$/,
	SE: /^\d{3} ?\d{2}$/,
	DK: /^\d{4}$/,
	NO: /^\d{4}$/,
	PL: /^\d{2}-\d{3}$/,
};

const fallback = /^[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]$/;

/** Whether `postalCode` has the format used in `countryCode` (ISO 3166-1 alpha-2). */
export function isValidPostalCode(countryCode: string, postalCode: string): boolean {
	return (postalCodePatterns[countryCode] ?? fallback).test(postalCode.trim());
}

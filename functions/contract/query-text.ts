// The canonical form of a shopper's query: search runs on it and recorded events carry it, so the site and the API
// both take it from here.

/** The longest query we search for or record; longer input is cut at a word boundary. */
export const maxQueryLength = 100;

// Control, format (bidi overrides, zero-width) and private-use characters never belong in a query.
const invisible = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/** Text Unicode-normalised (NFKC), without invisible characters, with single spaces, trimmed; case and length kept. */
export function cleanText(raw: string): string {
	return raw.normalize('NFKC').replace(/\s+/gu, ' ').replace(invisible, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * The canonical form of a shopper's query: Unicode-normalised, lowercase, without invisible characters, single
 * spaces, at most {@link maxQueryLength} characters. Used for searching and for the events we record.
 */
export function normalizeQuery(raw: string): string {
	const cleaned = cleanText(raw).toLowerCase();
	if (cleaned.length <= maxQueryLength) return cleaned;
	const cut = cleaned.slice(0, maxQueryLength);
	const lastSpace = cut.lastIndexOf(' ');
	return (lastSpace > maxQueryLength / 2 ? cut.slice(0, lastSpace) : cut).trim();
}

const controlChars = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;
const controlCharsButNewlinesAndTabs = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** One line of text for subjects and names: control characters (CR, LF, NUL …) become a single space. */
export function singleLine(value: string, maxLength = 255): string {
	return value
		.replace(controlChars, ' ')
		.replace(/\s{2,}/g, ' ')
		.trim()
		.slice(0, maxLength);
}

/** A multi-line body: keeps line breaks and tabs, drops other control characters, normalises CRLF. */
export function plainText(value: string): string {
	return value.replace(/\r\n?/g, '\n').replace(controlCharsButNewlinesAndTabs, '');
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/** Plain text as HTML: escaped, blank lines separate paragraphs, single line breaks become `<br>`. */
export function textToHtml(value: string): string {
	return plainText(value)
		.split(/\n{2,}/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph.length > 0)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('');
}

/** Our ticket references travel in URLs and headers (Idempotency-Key): only a safe alphabet is allowed. */
export const referencePattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * HTML built by a tagged template that escapes every value it is given, unless the value is already `Html` (the
 * result of another `html` template). Queries and comments are shopper input: the report must never render
 * markup from them, so escaping is what happens when nobody thinks about it.
 */

/** Markup that is safe to put in a page as it is. */
export class Html {
	readonly markup: string;
	constructor(markup: string) {
		this.markup = markup;
	}
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe in element content and in quoted attribute values, in HTML and inline SVG. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

function render(value: Value): string {
	if (value instanceof Html) return value.markup;
	if (Array.isArray(value)) return value.map(render).join('');
	if (value === null || value === undefined || value === false) return '';
	return escapeHtml(String(value));
}

/** A template whose values are escaped (arrays are joined; null, undefined and false write nothing). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
	return new Html(strings.reduce((markup, part, index) => markup + render(values[index - 1] ?? null) + part));
}

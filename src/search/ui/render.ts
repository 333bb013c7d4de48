/**
 * Builds the DOM of search results without ever parsing text as HTML: titles, queries and categories become text
 * nodes, and Pagefind's excerpts (escaped text with `<mark>` around matches) are split on their `<mark>` tags and
 * un-escaped into text, so whatever an article or a query contains, nothing but text and `<mark>` reaches the page.
 */

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);

/** The excerpt as text with highlighted matches. */
export function excerptFragment(excerpt: string): DocumentFragment {
	const fragment = document.createDocumentFragment();
	excerpt.split(/(<mark>[^<]*<\/mark>)/).forEach((part) => {
		const marked = /^<mark>([^<]*)<\/mark>$/.exec(part);
		if (marked) {
			const mark = document.createElement('mark');
			mark.textContent = unescape(marked[1] ?? '');
			fragment.appendChild(mark);
		} else if (part) {
			fragment.appendChild(document.createTextNode(unescape(part.replace(/<[^>]*>/g, ''))));
		}
	});
	return fragment;
}

/** `document.createElement` with a class and text, the only way these modules create elements. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Only addresses inside the help center are followed: a result can never send the shopper elsewhere. */
export function safeUrl(url: string): string {
	const parsed = new URL(url, location.origin);
	return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '/';
}

/**
 * Appends children (nodes or text) and returns the parent. (The Workers types this project also compiles with
 * redefine `Element.append` for HTMLRewriter, so the DOM's own is out of reach of the type checker.)
 */
export function add<T extends Node>(parent: T, ...children: (Node | string)[]): T {
	for (const child of children) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
	return parent;
}

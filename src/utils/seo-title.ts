/** Title lengths: what the schema accepts, what search engines show, and below what an editor is warned. */
export const titleLimits = { min: 2, short: 10, seo: 65, max: 150 } as const;

/** Cuts `text` to at most `max` characters at a word boundary, without dangling punctuation. */
export function cutAtWord(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max + 1);
	const boundary = cut.lastIndexOf(' ');
	const kept = boundary > max / 2 ? cut.slice(0, boundary) : text.slice(0, max);
	return kept.replace(/[\s,;:–—-]+$/u, '');
}

/** A title search engines show in full, cut at a word from a longer one; the title itself when it fits. */
export function seoTitleFor(title: string): string {
	return cutAtWord(title.replace(/[\s\u00a0]+/g, ' ').trim(), titleLimits.seo);
}

/** One article in the build's article index (`/<locale>/article-index.json`). */
export interface IndexedArticle {
	title: string;
	url: string;
	description: string;
	/** The article's keywords and its category's title, space-separated. */
	keywords: string;
}

// Words too common to tell articles apart, in the languages of the demo; short words are dropped anyway.
const stopWords = new Set(
	'the and for with you your yours not are was were did does have has can how what when where why who which this that from about into will would could should there their they them its our les des une pour avec vous votre vos mon mes est pas que qui quoi comment dans sur par ses son aux cette ces ont elle ils nous'.split(
		' ',
	),
);

/** Lower-case words without accents, for matching "Remboursé" with "rembourse". */
export function words(text: string): string[] {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length >= 3 && !stopWords.has(word));
}

function commonPrefix(a: string, b: string): number {
	let length = 0;
	while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
	return length;
}

/**
 * How well a query word matches an article word: exactly (1); as another form of the same word, sharing its
 * first five letters or the whole shorter word ("refund" / "refunds", "retour" / "retourner") (0.8); or, for
 * the word still being typed, as its beginning ("refu" / "refund") (0.6).
 */
function wordMatch(query: string, word: string, typing: boolean): number {
	if (query === word) return 1;
	if (query.length >= 4 && word.length >= 4 && commonPrefix(query, word) >= Math.min(5, query.length, word.length)) return 0.8;
	if (typing && word.startsWith(query)) return 0.6;
	return 0;
}

const weights = { title: 3, keywords: 2, description: 1 } as const;

/** The articles that best match `text`, best first: each query word counts its best match, titles most. */
export function rankArticles(articles: IndexedArticle[], text: string, limit = 5): IndexedArticle[] {
	const query = [...new Set(words(text))];
	if (query.length === 0) return [];
	// The last word may be half-typed, unless the text ends with a space or punctuation.
	const typingLast = /[\p{L}\p{N}]$/u.test(text);
	const scored = articles.map((article, index) => {
		const fields = Object.entries(weights).map(([field, weight]) => ({ weight, words: words(article[field as keyof typeof weights]) }));
		let score = 0;
		query.forEach((queryWord, position) => {
			const typing = typingLast && position === query.length - 1;
			let best = 0;
			for (const field of fields) for (const word of field.words) best = Math.max(best, field.weight * wordMatch(queryWord, word, typing));
			score += best;
		});
		return { article, index, score };
	});
	return scored
		.filter((entry) => entry.score > 0)
		.sort((a, b) => b.score - a.score || a.index - b.index)
		.slice(0, limit)
		.map((entry) => entry.article);
}

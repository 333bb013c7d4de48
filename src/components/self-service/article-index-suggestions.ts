import { rankArticles, type IndexedArticle } from './rank-articles';
import type { SuggestArticles } from './suggestions';

const indexes = new Map<string, Promise<IndexedArticle[]>>();

/** Fetches a locale's article index once, on first use; a failed fetch is retried next time. */
function articleIndex(locale: string): Promise<IndexedArticle[]> {
	let index = indexes.get(locale);
	if (!index) {
		index = fetch(`/${encodeURIComponent(locale)}/article-index.json`)
			.then((response) => (response.ok ? (response.json() as Promise<IndexedArticle[]>) : Promise.reject(new Error(String(response.status)))))
			.catch(() => {
				indexes.delete(locale);
				return [];
			});
		indexes.set(locale, index);
	}
	return index;
}

/** Suggestions from the build's article index: titles, descriptions, keywords and category names. */
export const suggestFromArticleIndex: SuggestArticles = async (text, locale) =>
	rankArticles(await articleIndex(locale), text, 5).map(({ title, url, description }) => ({ title, url, excerpt: description }));

/**
 * Suggested articles for the contact form: as the shopper types a subject, up to five help-center articles
 * that may answer it, so some never need to write (deflection).
 *
 * The contact form depends only on this contract. The implementation below ranks a small list of every
 * article's title, description and keywords that the build writes to `/<locale>/article-index.json`; the
 * site search can take over by exporting its own `suggestArticles` here with the same type.
 */

/** One suggested article. `url` is a path of the help center; `excerpt` a plain-text summary, if any. */
export interface SuggestedArticle {
	title: string;
	url: string;
	excerpt?: string;
}

/**
 * Finds up to five articles for `text` in `locale`, best first. Resolves to `[]` when nothing matches or the
 * source cannot be reached: suggestions are a help, never a reason for the form to fail.
 */
export type SuggestArticles = (text: string, locale: string) => Promise<SuggestedArticle[]>;

export { suggestFromArticleIndex as suggestArticles } from './article-index-suggestions';

import { articleUrl } from '../config/page-urls';
import type { ArticleSource } from '../content-checks/read-content';
import { articleFrontmatterSchema } from '../schemas/article';
import { redirectKey, type RedirectMap } from '../worker/redirects';

/** An old address and the page that replaces it. */
export interface Redirect {
	from: string;
	to: string;
}

/** The `redirectFrom` addresses of every published article, pointing to the article. Drafts redirect nowhere. */
export function articleRedirects(articles: ArticleSource[]): Redirect[] {
	return articles.flatMap((source) => {
		const result = articleFrontmatterSchema.safeParse(source.data);
		if (!result.success || result.data.draft) return [];
		const to = articleUrl(source.locale, source.category, source.slug);
		return result.data.redirectFrom.map((from) => ({ from, to }));
	});
}

/**
 * The lookup table the Worker answers old addresses from. Other sources of redirects (for example a list of
 * addresses from a previous help desk) add their entries to the same list.
 */
export function buildRedirectMap(redirects: Redirect[]): RedirectMap {
	return Object.fromEntries(redirects.map((redirect) => [redirectKey(redirect.from), redirect.to]));
}

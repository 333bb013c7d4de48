import { z } from 'zod';
import { groupAnchor } from '../config/content-layout';
import { articleUrl, categoryUrl, homeUrl } from '../config/page-urls';
import type { ContentSources } from '../content-checks/read-content';
import { articleFrontmatterSchema, categorySchema, groupsFileSchema } from '../schemas/article';
import { redirectsFileSchema } from '../schemas/redirects';
import { redirectKey, type RedirectMap } from '../worker/redirects';

/** An old address and the page that replaces it. */
export interface Redirect {
	from: string;
	to: string;
}

/**
 * The fields of an article's frontmatter a redirect depends on; the others (a description whose length counts the
 * policies it quotes, src/policies/) are the content check's.
 */
const redirectFields = z.object({ draft: articleFrontmatterSchema.shape.draft, redirectFrom: articleFrontmatterSchema.shape.redirectFrom });

/** The `redirectFrom` addresses of every published article, pointing to the article. Drafts redirect nowhere. */
export function articleRedirects(articles: ContentSources['articles']): Redirect[] {
	return articles.flatMap((source) => {
		const result = redirectFields.safeParse(source.data);
		if (!result.success || result.data.draft) return [];
		const to = articleUrl(source.locale, source.category, source.slug);
		return result.data.redirectFrom.map((from) => ({ from, to }));
	});
}

/** The `redirectFrom` addresses of every category (old Zendesk sections), pointing to the category's page. */
export function categoryRedirects(categories: ContentSources['categories']): Redirect[] {
	return categories.flatMap((source) => {
		const result = categorySchema.safeParse(source.data);
		if (!result.success) return [];
		const to = categoryUrl(source.locale, source.id);
		return result.data.redirectFrom.map((from) => ({ from, to }));
	});
}

/** The `redirectFrom` addresses of every group (old Zendesk categories), pointing to its heading on the home page. */
export function groupRedirects(groups: ContentSources['groups']): Redirect[] {
	return groups.flatMap((source) => {
		const result = groupsFileSchema.safeParse(source.data ?? {});
		if (!result.success) return [];
		return Object.entries(result.data).flatMap(([id, group]) => group.redirectFrom.map((from) => ({ from, to: `${homeUrl(source.locale)}#${groupAnchor(id)}` })));
	});
}

/** The editors' list of old addresses, content/redirects.yaml. */
export function fileRedirects(redirects: ContentSources['redirects']): Redirect[] {
	const result = redirectsFileSchema.safeParse(redirects?.data ?? {});
	return result.success ? Object.entries(result.data).map(([from, to]) => ({ from, to })) : [];
}

/** Every old address the content declares: articles', categories' and groups' `redirectFrom`, and the redirects file. */
export function contentRedirects(sources: Pick<ContentSources, 'articles' | 'categories' | 'groups' | 'redirects'>): Redirect[] {
	return [...fileRedirects(sources.redirects), ...groupRedirects(sources.groups), ...categoryRedirects(sources.categories), ...articleRedirects(sources.articles)];
}

/**
 * The lookup table the Worker answers old addresses from. Other sources of redirects (for example a list of
 * addresses from a previous help desk) add their entries to the same list; a later entry wins over an earlier
 * one, but the content checks refuse an address claimed twice.
 */
export function buildRedirectMap(redirects: Redirect[]): RedirectMap {
	return Object.fromEntries(redirects.map((redirect) => [redirectKey(redirect.from), redirect.to]));
}

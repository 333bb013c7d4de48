import { relatedArticles, type ArticlePage, type HelpCenter } from './help-center';

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const localeShells = new WeakMap<HelpCenter, Map<string, string>>();

/** What every page of a locale shows around its content (the footer's topics). */
function localeShell(locale: string, helpCenter: HelpCenter): string {
	let shells = localeShells.get(helpCenter);
	if (!shells) localeShells.set(helpCenter, (shells = new Map()));
	let shell = shells.get(locale);
	if (shell === undefined) {
		const topics = helpCenter.categories.filter((category) => category.locale === locale).map((category) => [category.url, category.data]);
		shell = JSON.stringify(topics);
		shells.set(locale, shell);
	}
	return shell;
}

/**
 * A digest of all the data an article page shows: its entry (frontmatter and text), where it sits (category,
 * translations, fallback), the related articles it links to and the footer's topics. Astro's incremental build
 * renders the page again only when this changes, or when the site's code does (src/integrations/code-digest.ts).
 */
export function articlePageCacheKey(article: ArticlePage, helpCenter: HelpCenter): Promise<string> {
	const { entry } = article;
	const category = helpCenter.categories.find((candidate) => candidate.locale === article.locale && candidate.id === article.category);
	const related = relatedArticles(article, helpCenter).map((other) => [other.url, other.entry.data.title, other.isFallback, other.contentLocale]);
	return sha256(
		JSON.stringify([
			import.meta.env.HELP_CENTER_CODE_DIGEST,
			entry.id,
			entry.data,
			// The digest of the article's file: its text, which the data store does not keep (src/content.config.ts).
			entry.digest,
			article.locale,
			article.contentLocale,
			article.isFallback,
			article.url,
			article.translations,
			category ? [category.url, category.data.title] : null,
			related,
			localeShell(article.locale, helpCenter),
		]),
	);
}

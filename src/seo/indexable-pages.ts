import { homeUrl, selfServicePages, selfServiceUrl } from '../config/page-urls';
import type { HelpCenter } from '../utils/help-center';
import { hreflangLinks } from './head-tags';
import { latest, type SitemapUrl } from './sitemap-xml';
import { absoluteUrl } from './urls';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The pages of one locale that search engines should index, with their alternates and last change: the home
 * page, the categories, the articles written in that locale and the self-service pages. Fallback pages (another locale's article shown
 * while the translation is missing) point to their original instead, and drafts are never built.
 */
export function indexablePages(helpCenter: HelpCenter, locale: string, locales: string[], defaultLocale: string): SitemapUrl[] {
	const categories = helpCenter.categories.filter((category) => category.locale === locale);
	const categoryUrls = categories.map((category) => ({
		loc: absoluteUrl(category.url),
		lastmod: latest(category.articles.map((article) => day(article.entry.data.updated))),
		alternates: hreflangLinks(category.translations, defaultLocale),
	}));
	const articleUrls = categories
		.flatMap((category) => category.articles)
		.filter((article) => !article.isFallback)
		.map((article) => ({
			loc: absoluteUrl(article.url),
			lastmod: day(article.entry.data.updated),
			alternates: hreflangLinks(article.translations, defaultLocale),
		}));
	const home = {
		loc: absoluteUrl(homeUrl(locale)),
		lastmod: latest(categoryUrls.map((category) => category.lastmod)),
		alternates: hreflangLinks(
			locales.map((code) => ({ locale: code, url: homeUrl(code) })),
			defaultLocale,
		),
	};
	const selfService = selfServicePages.map((page) => ({
		loc: absoluteUrl(selfServiceUrl(locale, page)),
		lastmod: home.lastmod,
		alternates: hreflangLinks(
			locales.map((code) => ({ locale: code, url: selfServiceUrl(code, page) })),
			defaultLocale,
		),
	}));
	return [home, ...categoryUrls, ...articleUrls, ...selfService];
}

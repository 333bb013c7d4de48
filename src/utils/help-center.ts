import { getCollection, type CollectionEntry } from 'astro:content';
import { articleLocales, groupAnchor, parseContentPath } from '../config/content-layout';
import { articleUrl, categoryUrl, homeUrl } from '../config/page-urls';
import { defaultLocale, locales } from '../config/site';
import type { Category, Group } from '../schemas/article';

export interface ArticlePage {
	/** The locale of the page (its URL prefix). */
	locale: string;
	/** The language the text is written in: differs from `locale` when the translation is missing. */
	contentLocale: string;
	isFallback: boolean;
	category: string;
	slug: string;
	/** Shared by every translation of the article. */
	key: string;
	url: string;
	entry: CollectionEntry<'articles'>;
	/** The same article in every locale, this page included; `isFallback` where that locale shows another's text. */
	translations: { locale: string; url: string; isFallback: boolean }[];
}

export interface CategoryPage {
	locale: string;
	id: string;
	url: string;
	data: Category;
	articles: ArticlePage[];
	/** The same category in every locale that has it, this page included. */
	translations: { locale: string; url: string }[];
	/** The group it is shown under on the home page, if its `_category.yaml` names one. */
	group?: GroupPage;
}

/** A group of categories: a heading of its locale's home page, which `url` leads to. */
export interface GroupPage {
	locale: string;
	id: string;
	/** The id of its heading on the home page. */
	anchor: string;
	url: string;
	data: Group;
	categories: CategoryPage[];
}

export interface HelpCenter {
	articles: ArticlePage[];
	categories: CategoryPage[];
	/** By locale, in their order; empty where the locale has no `_groups.yaml`. */
	groups: GroupPage[];
}

async function loadHelpCenter(): Promise<HelpCenter> {
	// Drafts show in `npm run dev` so editors can preview them; they are never built.
	const entries = await getCollection('articles', (entry) => import.meta.env.DEV || !entry.data.draft);
	const categoryEntries = await getCollection('categories');

	const written = entries.flatMap((entry) => {
		const place = parseContentPath(entry.filePath ?? '');
		if (place?.kind !== 'article') return [];
		return [{ entry, locale: place.locale, category: place.category, slug: place.slug, key: entry.data.translationKey ?? place.slug }];
	});
	const translated = new Set(written.map((article) => `${article.locale}:${article.key}`));

	const shown = written.flatMap((article) =>
		articleLocales(article.locale, (locale) => translated.has(`${locale}:${article.key}`), locales, defaultLocale).map(
			({ locale, isFallback }): ArticlePage => ({
				locale,
				contentLocale: article.locale,
				isFallback,
				category: article.category,
				slug: article.slug,
				key: article.key,
				url: articleUrl(locale, article.category, article.slug),
				entry: article.entry,
				translations: [],
			}),
		),
	);
	// By locale, and within a locale in the order of the files.
	const byLocale = Map.groupBy(shown, (page) => page.locale);
	const pages = locales.flatMap((locale) => byLocale.get(locale) ?? []);
	const pagesByKey = Map.groupBy(pages, (page) => page.key);
	for (const page of pages) {
		const family = pagesByKey.get(page.key) ?? [];
		page.translations = locales
			.map((locale) => family.find((other) => other.locale === locale))
			.filter((other): other is ArticlePage => other !== undefined)
			.map((other) => ({ locale: other.locale, url: other.url, isFallback: other.isFallback }));
	}

	const categories: CategoryPage[] = categoryEntries.flatMap((entry) => {
		const place = parseContentPath(entry.filePath ?? '');
		if (place?.kind !== 'category' || !locales.includes(place.locale)) return [];
		const { locale, category: id } = place;
		return [{ locale, id, url: categoryUrl(locale, id), data: entry.data, articles: [], translations: [] }];
	});
	for (const category of categories) {
		category.translations = categories
			.filter((other) => other.id === category.id)
			.sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale))
			.map((other) => ({ locale: other.locale, url: other.url }));
		category.articles = pages
			.filter((page) => page.locale === category.locale && page.category === category.id)
			.sort((a, b) => a.entry.data.order - b.entry.data.order || a.entry.data.title.localeCompare(b.entry.data.title));
	}
	categories.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));

	const groups: GroupPage[] = (await getCollection('groups')).flatMap((entry) => {
		const place = parseContentPath(entry.filePath ?? '');
		if (place?.kind !== 'groups' || !locales.includes(place.locale)) return [];
		const { locale } = place;
		return Object.entries(entry.data).map(([id, data]): GroupPage => ({ locale, id, anchor: groupAnchor(id), url: `${homeUrl(locale)}#${groupAnchor(id)}`, data, categories: [] }));
	});
	groups.sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale) || a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
	const groupByLocaleId = new Map(groups.map((group) => [`${group.locale}/${group.id}`, group]));
	for (const category of categories) {
		const group = category.data.group ? groupByLocaleId.get(`${category.locale}/${category.data.group}`) : undefined;
		if (!group) continue;
		category.group = group;
		group.categories.push(category);
	}
	return { articles: pages, categories, groups };
}

let cached: Promise<HelpCenter> | undefined;

/**
 * Every page of the help center, with translations and fallbacks resolved; loaded once per build. In `astro dev`
 * it is loaded afresh for each page, so an article an editor adds or changes shows at once.
 */
export function getHelpCenter(): Promise<HelpCenter> {
	if (import.meta.env.DEV) return loadHelpCenter();
	cached ??= loadHelpCenter();
	return cached;
}

/** The categories of one locale, in their order. */
export async function getLocaleCategories(locale: string): Promise<CategoryPage[]> {
	const { categories } = await getHelpCenter();
	return categories.filter((category) => category.locale === locale);
}

/** The groups of one locale that hold a category, in their order; empty when the locale has none. */
export async function getLocaleGroups(locale: string): Promise<GroupPage[]> {
	const { groups } = await getHelpCenter();
	return groups.filter((group) => group.locale === locale && group.categories.length > 0);
}

/** The articles of one locale, in category order then article order. */
export async function getLocaleArticles(locale: string): Promise<ArticlePage[]> {
	return (await getLocaleCategories(locale)).flatMap((category) => category.articles);
}

/** Finds the page of an article in `locale` by its translation key. */
export async function findArticle(locale: string, key: string): Promise<ArticlePage | undefined> {
	const { articles } = await getHelpCenter();
	return articles.find((page) => page.locale === locale && page.key === key);
}

const articlesByLocaleKey = new WeakMap<HelpCenter, Map<string, ArticlePage>>();

/** The pages an article lists as related, in its own locale, in the order its frontmatter gives. */
export function relatedArticles(article: ArticlePage, helpCenter: HelpCenter): ArticlePage[] {
	let index = articlesByLocaleKey.get(helpCenter);
	if (!index) {
		index = new Map(helpCenter.articles.map((page) => [`${page.locale}:${page.key}`, page]));
		articlesByLocaleKey.set(helpCenter, index);
	}
	return article.entry.data.related.map((key) => index.get(`${article.locale}:${key}`)).filter((other): other is ArticlePage => other !== undefined);
}

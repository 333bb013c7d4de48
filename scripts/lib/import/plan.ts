import { articleFile } from '../../../src/config/content-layout.ts';
import { articleUrl } from '../../../src/config/page-urls.ts';
import type { ArticleSource, ContentSources } from '../../../src/content-checks/read-content.ts';
import { slugify } from '../scaffold-article.ts';
import { mapLocale, normalizeLocale } from './locale-map.ts';
import type { ImportSource, Skip, SourceArticle, SourceSection } from './model.ts';
import { seoTitleFor, titleLimits } from '../../../src/utils/seo-title.ts';
import { planCategories, type PlannedCategory, type PlannedGroups } from './plan-categories.ts';
import { collapseSpace } from './text.ts';

/** A source article with its place in the help center decided. */
export interface PlannedArticle {
	source: SourceArticle;
	locale: string;
	category: string;
	slug: string;
	/** Path relative to the project root. */
	file: string;
	url: string;
	/** The title as the source writes it (white space collapsed): never cut or padded. */
	title: string;
	/** The title search engines show, cut at a word, when `title` is longer than they show. */
	seoTitle?: string;
	/** The existing file this article updates, found by its `source` field. */
	existing?: ArticleSource;
	translationKey?: string;
	order?: number;
}

export type { PlannedCategory, PlannedGroups } from './plan-categories.ts';

export interface Plan {
	articles: PlannedArticle[];
	categories: PlannedCategory[];
	/** Each locale's `_groups.yaml`, when the source has groups above its sections. */
	groups: PlannedGroups[];
	/** Category folder of each source section. */
	sectionFolders: Map<string, string>;
	skipped: Skip[];
	seoTitlesWritten: { file: string; title: string; seoTitle: string }[];
	duplicateTitles: { file: string; title: string; slug: string; reason: string }[];
}

export interface PlanOptions {
	locales: readonly string[];
	defaultLocale: string;
	existing: ContentSources;
	/** Fallback description of a new category ("Help articles about {topic}."), per locale. */
	categoryDescription(locale: string, topic: string): string;
}

/** The key an existing or planned article is matched by on a later run. */
export function sourceKey(system: string, id: string, locale: string): string {
	return `${system}:${id}:${locale}`;
}

function existingSource(article: ArticleSource): { system: string; id: string } | undefined {
	const source = article.data?.['source'];
	if (!source || typeof source !== 'object') return undefined;
	const { system, id } = source as { system?: unknown; id?: unknown };
	return typeof system === 'string' && (typeof id === 'string' || typeof id === 'number') ? { system, id: String(id) } : undefined;
}

/** Index of existing articles by the `source` their frontmatter records. */
export function indexBySource(existing: ContentSources): Map<string, ArticleSource> {
	const index = new Map<string, ArticleSource>();
	for (const article of existing.articles) {
		const source = existingSource(article);
		if (source) index.set(sourceKey(source.system, source.id, article.locale), article);
	}
	return index;
}

function compareSort(a: number[], b: number[]): number {
	for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
		const difference = (a[index] ?? 0) - (b[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}

function numberField(data: Record<string, unknown> | undefined, key: string): number | undefined {
	const value = data?.[key];
	return typeof value === 'number' ? value : undefined;
}

/**
 * Decides where every source article goes: its language, its category folder (one per source section), its
 * file name (unique per language; the same as before when the article was imported already), its translation
 * key and its position, and which category files to create.
 */
export function planImport(source: ImportSource, options: PlanOptions): Plan {
	const { locales, defaultLocale, existing } = options;
	const skipped: Skip[] = [...source.skipped];
	const bySource = indexBySource(existing);
	const label = (article: SourceArticle) => `${article.origin}: "${article.title}" (${article.sourceLocale})`;

	// Languages: map each source locale to one of ours; keep one article per group and language.
	const candidates: (SourceArticle & { locale: string })[] = [];
	for (const article of source.articles) {
		const locale = mapLocale(article.sourceLocale, locales);
		if (!locale) {
			skipped.push({ item: label(article), reason: `"${article.sourceLocale}" is not one of the site's languages (${locales.join(', ')}); add it to locales in content/site.yaml to import it` });
			continue;
		}
		candidates.push({ ...article, locale });
	}
	const kept: (SourceArticle & { locale: string })[] = [];
	for (const versions of Map.groupBy(candidates, (article) => `${article.group}\n${article.locale}`).values()) {
		const exactFirst = versions.toSorted((a, b) => Number(normalizeLocale(a.sourceLocale) !== a.locale) - Number(normalizeLocale(b.sourceLocale) !== b.locale));
		const [first, ...others] = exactFirst;
		if (!first) continue;
		kept.push(first);
		for (const other of others) skipped.push({ item: label(other), reason: `"${first.sourceLocale}" was imported for "${first.locale}" already` });
	}

	const sections = source.sections;
	const sectionOf = (article: SourceArticle): SourceSection | undefined => sections.get(article.sectionKey);
	const sectionTitle = (section: SourceSection | undefined, locale: string): string | undefined => {
		if (!section) return undefined;
		const entries = [...section.names];
		const forLocale = entries.find(([sourceLocale]) => mapLocale(sourceLocale, locales) === locale) ?? entries.find(([sourceLocale]) => mapLocale(sourceLocale, locales) === defaultLocale) ?? entries[0];
		return forLocale ? collapseSpace(forLocale[1].title) : undefined;
	};
	const sortKey = (article: SourceArticle) => sectionOf(article)?.sort ?? [];
	kept.sort(
		(a, b) =>
			compareSort(sortKey(a), sortKey(b)) ||
			a.sectionKey.localeCompare(b.sectionKey) ||
			a.position - b.position ||
			a.title.localeCompare(b.title) ||
			a.group.localeCompare(b.group),
	);

	// Category folders: where earlier imports put the section's articles, or a new folder named after the section.
	// A later import in another language finds the folder through the original's file, or the category's source.
	const sectionFolders = new Map<string, string>();
	for (const article of kept) {
		const match = bySource.get(sourceKey(article.system, article.id, article.locale)) ?? bySource.get(sourceKey(article.system, article.id, defaultLocale));
		if (match && !sectionFolders.has(article.sectionKey)) sectionFolders.set(article.sectionKey, match.category);
	}
	for (const category of existing.categories) {
		const recorded = (category.data as { source?: { system?: unknown; id?: unknown } } | undefined)?.source;
		const key = recorded?.system === source.system && recorded.id !== undefined ? String(recorded.id) : undefined;
		if (key !== undefined && sections.has(key) && !sectionFolders.has(key)) sectionFolders.set(key, category.id);
	}
	const folderOwners = new Map([...sectionFolders].map(([key, folder]) => [folder, key]));
	for (const article of kept) {
		if (sectionFolders.has(article.sectionKey)) continue;
		const section = sectionOf(article);
		const base = section?.slug || slugify(sectionTitle(section, defaultLocale) ?? '') || `section-${slugify(article.sectionKey) || 'imported'}`;
		let folder = base;
		for (let suffix = 2; folderOwners.has(folder) && folderOwners.get(folder) !== article.sectionKey; suffix += 1) folder = `${base}-${suffix}`;
		sectionFolders.set(article.sectionKey, folder);
		folderOwners.set(folder, article.sectionKey);
	}

	// Translations live in the category of their default-language version.
	const groups = Map.groupBy(kept, (article) => article.group);
	const folderFor = (article: SourceArticle & { locale: string }): string => {
		const original = groups.get(article.group)?.find((member) => member.locale === defaultLocale);
		return sectionFolders.get((original ?? article).sectionKey) ?? article.sectionKey;
	};


	const usedSlugs = new Map<string, Map<string, string>>(locales.map((locale) => [locale, new Map()]));
	for (const article of existing.articles) usedSlugs.get(article.locale)?.set(article.slug, article.file);
	const plannedSlugs = new Map<string, PlannedArticle>();
	const planned: PlannedArticle[] = [];
	const seoTitlesWritten: Plan['seoTitlesWritten'] = [];
	const duplicateTitles: Plan['duplicateTitles'] = [];
	// Default-language articles first, so that translations can take their file name as translation key.
	const ordered = [...kept.filter((article) => article.locale === defaultLocale), ...kept.filter((article) => article.locale !== defaultLocale)];
	for (const article of ordered) {
		const existingFile = bySource.get(sourceKey(article.system, article.id, article.locale));
		const category = existingFile?.category ?? folderFor(article);
		const title = collapseSpace(article.title);
		// An editor's own seoTitle of an earlier import stays; the importer writes one only for a title too long to show.
		const seoTitle = title.length > titleLimits.seo ? seoTitleFor(title) : undefined;
		let slug = existingFile?.slug;
		const taken = usedSlugs.get(article.locale) ?? new Map<string, string>();
		if (!slug) {
			const base = article.slug || slugify(seoTitle ?? title) || `article-${slugify(article.id) || 'imported'}`;
			slug = base;
			for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
			if (slug !== base) {
				const holder = plannedSlugs.get(`${article.locale}/${base}`);
				const reason = holder ? `same title as ${holder.file}` : `the name "${base}" is taken by ${taken.get(base) ?? 'another article'}`;
				duplicateTitles.push({ file: articleFile({ locale: article.locale, category, slug }), title, slug, reason });
			}
		}
		const file = existingFile?.file ?? articleFile({ locale: article.locale, category, slug });
		taken.set(slug, file);
		if (seoTitle) seoTitlesWritten.push({ file, title, seoTitle });
		const plan: PlannedArticle = {
			source: article,
			locale: article.locale,
			category,
			slug,
			file,
			url: articleUrl(article.locale, category, slug),
			title,
			...(seoTitle ? { seoTitle } : {}),
			...(existingFile ? { existing: existingFile } : {}),
		};
		plannedSlugs.set(`${article.locale}/${slug}`, plan);
		planned.push(plan);
	}

	// Translation keys: the file name (or the key) of the group's published default-language article.
	for (const members of Map.groupBy(planned, (article) => article.source.group).values()) {
		const original = members.find((member) => member.locale === defaultLocale);
		const originalFile = original?.existing ?? bySource.get(sourceKey(members[0]?.source.system ?? '', members[0]?.source.id ?? '', defaultLocale));
		const writtenKey = originalFile?.data?.['translationKey'];
		const key = typeof writtenKey === 'string' ? writtenKey : (original?.slug ?? originalFile?.slug);
		const published = original ? !original.source.draft : originalFile?.data?.['draft'] !== true;
		if (!key || !published || members.length + (original ? 0 : 1) < 2) continue;
		for (const member of members) member.translationKey = key;
	}

	// Positions: earlier articles keep theirs; new ones go after what the category holds, in source order.
	const maxOrder = new Map<string, number>();
	for (const article of existing.articles) {
		const key = `${article.locale}/${article.category}`;
		maxOrder.set(key, Math.max(maxOrder.get(key) ?? 0, numberField(article.data, 'order') ?? 100));
	}
	for (const article of planned) {
		if (article.existing) {
			const order = numberField(article.existing.data, 'order');
			if (order !== undefined) article.order = order;
			continue;
		}
		const key = `${article.locale}/${article.category}`;
		const order = (maxOrder.get(key) ?? 0) + 1;
		maxOrder.set(key, order);
		article.order = order;
	}

	const usedFolders = [...new Set(planned.map((article) => article.category))];
	let nextOrder = Math.max(0, ...existing.categories.map((category) => numberField(category.data as Record<string, unknown>, 'order') ?? 0));
	const folderOrder = new Map<string, number>();
	for (const folder of usedFolders) {
		const known = existing.categories.find((category) => category.id === folder);
		const order = numberField(known?.data as Record<string, unknown> | undefined, 'order');
		folderOrder.set(folder, order ?? (nextOrder += 1));
	}
	const { categories, groups: plannedGroups } = planCategories({
		source,
		locales,
		defaultLocale,
		existing,
		folders: usedFolders,
		folderOwners,
		folderOrder,
		categoryDescription: options.categoryDescription,
	});
	return { articles: planned, categories, groups: plannedGroups, sectionFolders, skipped, seoTitlesWritten, duplicateTitles };
}

// How editors' files make the site: an article is content/<locale>/<category>/<slug>.mdx (or .md), its category's
// settings content/<locale>/<category>/_category.yaml; the folders, not the frontmatter, decide where a page lives.
// Optional: the groups above categories, per locale, in content/<locale>/_groups.yaml, and old addresses that lead
// elsewhere in content/redirects.yaml.
// Astro's loaders, the pages, the content checks and the importer all read the tree through this module.

/** The folder of editors' files, relative to the project's folder. */
export const contentFolder = 'content';

const categoryFileName = '_category.yaml';
const groupsFileName = '_groups.yaml';
const redirectsFileName = 'redirects.yaml';

/**
 * Astro's glob pattern for articles, relative to the content folder; a name starting with `_` is not an article.
 * `[^_]`, not `[!_]`: the glob loader finds files with one library and follows `astro dev`'s file events with another
 * (picomatch), which reads `[!_]` the other way round, so no edit, new article or deletion reached the dev server.
 */
export const articleFilePattern = '*/*/[^_]*.{md,mdx}';

/** Astro's glob pattern for categories' settings, relative to the content folder. */
export const categoryFilePattern = `*/*/${categoryFileName}`;

/** Astro's glob pattern for each locale's groups of categories, relative to the content folder. */
export const groupsFilePattern = `*/${groupsFileName}`;

/** Where an article sits in the tree: its language, its category folder and its file name without extension. */
export interface ArticlePlace {
	locale: string;
	category: string;
	slug: string;
}

/** What a file under content/ is; `misplaced` for an article or category file outside a <locale>/<category>/ folder. */
export type ContentFile =
	| ({ kind: 'article'; extension: 'md' | 'mdx' } & ArticlePlace)
	| { kind: 'category'; locale: string; category: string }
	| { kind: 'groups'; locale: string }
	| { kind: 'redirects' }
	| { kind: 'misplaced' };

/**
 * Reads a file's place from its path relative to the project's folder, with `/` (`content/en/shipping/customs.md`).
 * Undefined for anything but articles, categories' settings, groups and redirects: site.yaml, notes, other files.
 */
export function parseContentPath(file: string): ContentFile | undefined {
	const [folder, ...parts] = file.split('/');
	const name = parts.at(-1) ?? '';
	if (folder === contentFolder && parts.length === 1 && name === redirectsFileName) return { kind: 'redirects' };
	if (folder === contentFolder && parts.length === 2 && name === groupsFileName) return { kind: 'groups', locale: parts[0] ?? '' };
	const extension = name.endsWith('.mdx') ? 'mdx' : name.endsWith('.md') ? 'md' : undefined;
	if (folder !== contentFolder || parts.length < 2 || (!extension && name !== categoryFileName)) return undefined;
	if (parts.length !== 3) return { kind: 'misplaced' };
	const [locale = '', category = ''] = parts;
	if (!extension) return { kind: 'category', locale, category };
	return { kind: 'article', locale, category, slug: name.slice(0, -extension.length - 1), extension };
}

/** A category's folder, relative to the project's folder: `content/en/shipping`. */
export function categoryFolder(locale: string, category: string): string {
	return `${contentFolder}/${locale}/${category}`;
}

/** A category's settings file, relative to the project's folder: `content/en/shipping/_category.yaml`. */
export function categoryFile(locale: string, category: string): string {
	return `${categoryFolder(locale, category)}/${categoryFileName}`;
}

/** A locale's groups of categories, relative to the project's folder: `content/en/_groups.yaml`. */
export function groupsFile(locale: string): string {
	return `${contentFolder}/${locale}/${groupsFileName}`;
}

/** The editors' list of old addresses and where they lead now: `content/redirects.yaml`. */
export const redirectsFile = `${contentFolder}/${redirectsFileName}`;

/** The anchor of a group's heading on its locale's home page: `/en#orders-delivery` leads to it. */
export function groupAnchor(groupId: string): string {
	return groupId;
}

/** An article's file, relative to the project's folder: `content/en/shipping/customs.mdx`. */
export function articleFile(place: ArticlePlace, extension: 'md' | 'mdx' = 'mdx'): string {
	return `${categoryFolder(place.locale, place.category)}/${place.slug}.${extension}`;
}

/** One locale's page of an article; `isFallback` when that locale has no translation and shows the original. */
export interface ArticleLocale {
	locale: string;
	isFallback: boolean;
}

/**
 * The locales that show an article written in `writtenIn`, in the order of `locales`: its own and, for an article of
 * the default locale, every other locale without a translation of it (`isTranslated`), whose readers then get the
 * original at an address of their own locale instead of no page at all.
 */
export function articleLocales(
	writtenIn: string,
	isTranslated: (locale: string) => boolean,
	locales: readonly string[],
	defaultLocale: string,
): ArticleLocale[] {
	if (writtenIn !== defaultLocale) return [{ locale: writtenIn, isFallback: false }];
	return locales
		.filter((locale) => locale === writtenIn || !isTranslated(locale))
		.map((locale) => ({ locale, isFallback: locale !== writtenIn }));
}

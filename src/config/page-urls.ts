import { translate } from '../i18n/translate.ts';

// Every page lives under its locale: /<locale>, /<locale>/<category>, /<locale>/<category>/<slug>. The pages, the
// Worker, the content checks, the importer and the tests build these addresses here, so they cannot drift apart.

/** The home page of a locale, for example `/fr`. */
export function homeUrl(locale: string): string {
	return `/${locale}`;
}

/** The locale an address is under, its first segment (`/fr/suivi` → `fr`); callers check that it is a site locale. */
export function localeOfUrl(path: string): string {
	return path.split('/')[1] ?? '';
}

/** A category page, for example `/en/shipping`. */
export function categoryUrl(locale: string, category: string): string {
	return `${homeUrl(locale)}/${category}`;
}

/** An article page, for example `/en/shipping/customs`; a fallback page keeps the original's category and slug. */
export function articleUrl(locale: string, category: string, slug: string): string {
	return `${categoryUrl(locale, category)}/${slug}`;
}

/** The search page of a locale, for example `/en/search`; its form sends the query as `?q=`. */
export function searchUrl(locale: string): string {
	return `${homeUrl(locale)}/search`;
}

/** The page shown for an unknown address under a locale, for example `/fr/404`. */
export function notFoundUrl(locale: string): string {
	return `${homeUrl(locale)}/404`;
}

/** The Markdown twin of an article page, for AI agents: the same address with `.md`. */
export function markdownUrl(articlePageUrl: string): string {
	return `${articlePageUrl}.md`;
}

/** The article page whose Markdown twin `path` is (`/en/shipping/customs.md` → `/en/shipping/customs`), if it is one. */
export function articleUrlOfMarkdown(path: string): string | undefined {
	return /^(\/[^/]+\/[^/]+\/[^/]+)\.md$/.exec(path)?.[1];
}

/** The self-service pages, each at /<locale>/<slug>; slugs are UI strings, so each language names its own. */
export const selfServicePages = ['track', 'return', 'address', 'contact'] as const;
export type SelfServicePage = (typeof selfServicePages)[number];

/** The last segment of a self-service page's address in `locale`, for example `suivi`. */
export function selfServiceSlug(locale: string, page: SelfServicePage): string {
	return translate(locale, `selfService.slug.${page}`);
}

/** The address of a self-service page in `locale`, for example `/fr/suivi`. */
export function selfServiceUrl(locale: string, page: SelfServicePage): string {
	return `${homeUrl(locale)}/${selfServiceSlug(locale, page)}`;
}

/** Every self-service address in the given locales (articles may link to them). */
export function selfServiceUrls(localeCodes: readonly string[]): string[] {
	return localeCodes.flatMap((locale) => selfServicePages.map((page) => selfServiceUrl(locale, page)));
}

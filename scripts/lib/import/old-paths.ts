import { mapLocale } from './locale-map.ts';

/** The origin relative addresses of the old help center are read against: it is nobody's. */
export const unknownOrigin = 'https://import.invalid';

/** Reads an address of the old help center, relative to `base`; undefined when it is not one. */
export function toUrl(address: string, base: string): URL | undefined {
	try {
		return new URL(address.startsWith('//') ? `https:${address}` : address, base);
	} catch {
		return undefined;
	}
}

/** The path part of an old address, as `redirectFrom` wants it: "/hc/en-us/articles/123-Title". */
export function oldPath(address: string): string | undefined {
	const url = toUrl(address, `${unknownOrigin}/`);
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	const path = url.pathname.replace(/\/+$/, '') || '/';
	return /^\/[^\s?#]*$/.test(path) && path !== '/' ? path : undefined;
}

/**
 * The site locale an old address belongs to: the one its locale segment (`/hc/fr/…`, `/fr-FR/…`) maps to, the
 * default one when it has no locale segment, and none when its locale is not one of the site's.
 */
export function oldPathLocale(path: string, locales: readonly string[], defaultLocale: string): string | undefined {
	const match = /^\/(hc\/)?([^/]+)\//i.exec(path);
	const segment = match?.[2] ?? '';
	if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{2,4})?$/i.test(segment)) return defaultLocale;
	const locale = mapLocale(segment, locales);
	if (locale) return locale;
	// Zendesk's /hc/<locale>/ always names a locale; elsewhere a short first folder may be a word ("faq").
	return match?.[1] || /[-_]/.test(segment) ? undefined : defaultLocale;
}

/** The old paths of `addresses` that belong to `locale`, without repeats. */
export function oldPathsOf(addresses: readonly string[], locale: string, locales: readonly string[], defaultLocale: string): string[] {
	const paths = addresses.map(oldPath).filter((path): path is string => path !== undefined && oldPathLocale(path, locales, defaultLocale) === locale);
	return [...new Set(paths)];
}

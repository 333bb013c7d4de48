import { site } from '../config/site';

/** The public address of a site path (`/en/shipping` → `https://help.example.com/en/shipping`). */
export function absoluteUrl(path: string): string {
	return new URL(path, site.siteUrl).href;
}

/**
 * The site path of the page being rendered. With `build.format: 'file'` Astro reports `/en/shipping.html` while
 * prerendering; the address readers and crawlers use has no extension.
 */
export function pagePath(pathname: string): string {
	return pathname.replace(/\.html$/, '').replace(/(.)\/$/, '$1');
}

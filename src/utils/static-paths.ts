import { locales } from '../config/site';

/** `getStaticPaths` for pages that exist once per locale. */
export function localePaths() {
	return locales.map((locale) => ({ params: { locale } }));
}

import { translate } from '../i18n/translate.ts';

/** The self-service pages, each at /<locale>/<slug>; slugs are UI strings, so each language names its own. */
export const selfServicePages = ['track', 'return', 'address', 'contact'] as const;
export type SelfServicePage = (typeof selfServicePages)[number];

/** The address of a self-service page in `locale`, for example `/fr/suivi`. */
export function selfServiceUrl(locale: string, page: SelfServicePage): string {
	return `/${locale}/${translate(locale, `selfService.slug.${page}`)}`;
}

/** Every self-service address in the given locales (articles may link to them). */
export function selfServiceUrls(localeCodes: string[]): string[] {
	return localeCodes.flatMap((locale) => selfServicePages.map((page) => selfServiceUrl(locale, page)));
}

import { headTags, sitePathOf, type BuiltSite } from './site';

// What search engines accept: an ISO 639 language, then optionally a script and an ISO 3166 region (`pt-BR`).
const isLanguageTag = (tag: string) => /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/i.test(tag);

/**
 * Checks the `hreflang` alternates of every page the way search engines read them: valid language codes, absolute
 * addresses of built pages in the announced language, the page itself and `x-default` in the set, only on
 * indexable pages, and every pair reciprocal (each alternate lists this page back, with the same set).
 */
export function checkHreflang(site: BuiltSite): string[] {
	const problems: string[] = [];
	for (const path of site.pages.keys()) {
		const head = headTags(site.document(path));
		if (head.hreflang.length === 0) continue;
		const at = (message: string) => problems.push(`${path}: ${message}`);
		if (head.noindex) at('has hreflang alternates but is noindex');
		if (!head.canonical || sitePathOf(head.canonical, site) !== path) at('has hreflang alternates but its canonical is another page');
		const byLanguage = new Map<string, string>();
		for (const { hreflang, href } of head.hreflang) {
			if (hreflang !== 'x-default' && !isLanguageTag(hreflang)) at(`"${hreflang}" is not a language code`);
			if (byLanguage.has(hreflang)) at(`lists hreflang="${hreflang}" twice`);
			if (!/^https?:\/\//.test(href)) at(`hreflang="${hreflang}" has a relative address (${href})`);
			byLanguage.set(hreflang, href);
		}
		if (!byLanguage.has('x-default')) at('has no x-default alternate');
		const ownHref = byLanguage.get(head.lang ?? '');
		if (!ownHref || sitePathOf(ownHref, site) !== path) at(`does not list itself as hreflang="${head.lang}"`);
		for (const [hreflang, href] of byLanguage) {
			const target = sitePathOf(href, site);
			if (!target || !site.pages.has(target)) {
				at(`hreflang="${hreflang}" points to ${href}, which is not a page of the site`);
				continue;
			}
			if (hreflang === 'x-default' || target === path) continue;
			const other = headTags(site.document(target));
			if (other.lang !== hreflang) at(`hreflang="${hreflang}" points to ${target}, whose language is "${other.lang}"`);
			const back = other.hreflang.find((link) => link.hreflang === head.lang);
			if (!back || sitePathOf(back.href, site) !== path) {
				at(`${target} does not link back with hreflang="${head.lang}" (not reciprocal)`);
				continue;
			}
			const set = (links: { hreflang: string; href: string }[]) => links.map((link) => `${link.hreflang} ${link.href}`).sort().join(', ');
			if (set(other.hreflang) !== set(head.hreflang)) at(`${target} lists other alternates: ${set(other.hreflang)}`);
		}
	}
	return problems;
}

import { headTags, isIndexable, sitePathOf, type BuiltSite } from './site';

const requiredSocial = ['og:type', 'og:title', 'og:description', 'og:site_name', 'og:locale', 'og:image', 'twitter:card'];

/**
 * Checks what every page tells crawlers and social networks in its `<html>` and `<head>`: `lang` and `dir`, a
 * title and a description (unique among indexable pages), a canonical address or `noindex`, Open Graph and
 * X/Twitter card tags with an absolute image address.
 */
export function checkHeadTags(site: BuiltSite): string[] {
	const problems: string[] = [];
	const titles = new Map<string, string>();
	const descriptions = new Map<string, string>();
	for (const path of site.pages.keys()) {
		const head = headTags(site.document(path));
		const at = (message: string) => problems.push(`${path}: ${message}`);
		if (!head.lang) at('<html> has no lang');
		if (head.dir !== 'ltr' && head.dir !== 'rtl') at(`<html> has no valid dir (${head.dir})`);
		if (!head.title) at('has no <title>');
		if (!head.description?.trim()) at('has no meta description');
		if (!head.noindex && !head.canonical) at('has neither a canonical address nor noindex');
		if (head.canonical && !/^https?:\/\//.test(head.canonical)) at(`canonical is not absolute (${head.canonical})`);
		if (head.canonical && !sitePathOf(head.canonical, site)) at(`canonical points to another site (${head.canonical})`);
		for (const name of requiredSocial) if (!head.social.get(name)) at(`has no ${name}`);
		const image = head.social.get('og:image');
		if (image && !/^https?:\/\//.test(image)) at(`og:image is not absolute (${image})`);
		if (!isIndexable(path, site)) continue;
		if (head.social.get('og:url') !== head.canonical) at(`og:url (${head.social.get('og:url')}) is not the canonical address`);
		const sameTitle = titles.get(head.title);
		if (sameTitle) at(`has the same title as ${sameTitle}: "${head.title}"`);
		titles.set(head.title, path);
		const sameDescription = descriptions.get(head.description ?? '');
		if (sameDescription) at(`has the same description as ${sameDescription}`);
		descriptions.set(head.description ?? '', path);
	}
	return problems;
}

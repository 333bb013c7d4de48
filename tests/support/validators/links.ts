import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { internalUrl, type BuiltSite } from './site';

const linkAttributes: [selector: string, attribute: string][] = [
	['a[href]', 'href'],
	['link[href]', 'href'],
	['img[src]', 'src'],
	['script[src]', 'src'],
	['meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]', 'content'],
];


/**
 * Every link of the site that points into it and finds nothing: in the HTML pages (links, images, scripts, canonical,
 * `hreflang` and social-card addresses), with `#anchors` checked against the target page's ids, and in the
 * Markdown and text files for agents (Markdown links to the site).
 */
export function findBrokenLinks(site: BuiltSite): string[] {
	const broken: string[] = [];
	const check = (from: string, target: string) => {
		const url = internalUrl(target, site, from);
		if (!url) return;
		const file = site.resolve(url.pathname);
		if (!file) {
			broken.push(`${from} → ${target}`);
			return;
		}
		if (url.hash && file.endsWith('.html')) {
			const id = decodeURIComponent(url.hash.slice(1));
			if (!parseHTML(readFileSync(file, 'utf8')).document.getElementById(id)) broken.push(`${from} → ${target} (no #${id})`);
		}
	};
	for (const path of site.pages.keys()) {
		const document = site.document(path);
		for (const [selector, attribute] of linkAttributes) {
			for (const element of document.querySelectorAll(selector)) check(path, element.getAttribute(attribute) ?? '');
		}
	}
	for (const [from, text] of site.textFiles()) {
		for (const match of text.matchAll(/\]\((<?)([^)\s>]+)\1?\)/g)) check(from, match[2] ?? '');
	}
	return broken;
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { readSiteConfig } from '../../../src/config/read-site-config';
import { markdownPackFolder, openPack } from '../../../src/worker/asset-pack';
import { builtPages, clientDir, resolveBuiltPath } from '../built-site';

/** A built help center on disk, as the validators read it: its pages and the address it is published at. */
export interface BuiltSite {
	dir: string;
	/** The public address, `siteUrl` of content/site.yaml: absolute links to it are internal links. */
	siteUrl: string;
	/** Site path (`/en/shipping`) → HTML file. */
	pages: Map<string, string>;
	document(path: string): Document;
	/** The built file that answers a site path, as the assets binding would find it. */
	resolve(path: string): string | undefined;
	/** The text of a file of the site (`robots.txt`, `en/shipping/customs.md`), or undefined when it does not exist. */
	text(file: string): string | undefined;
	/** Every Markdown and text file the site serves, packed twins included: site path (`/llms.txt`) → text. */
	textFiles(): Map<string, string>;
}

/** The Markdown twins the build packed, by the site path the Worker serves them at (`/en/shipping/customs.md`). */
function packedTwins(dir: string): Map<string, string> {
	const folder = join(dir, markdownPackFolder);
	const twins = new Map<string, string>();
	if (!existsSync(folder)) return twins;
	const decoder = new TextDecoder();
	for (const name of readdirSync(folder)) {
		const pack = openPack(new Uint8Array(readFileSync(join(folder, name))));
		for (const article of pack.names()) twins.set(`${article}.md`, decoder.decode(pack.get(article)));
	}
	return twins;
}

function looseTextFiles(dir: string, root = dir): [string, string][] {
	return readdirSync(dir).flatMap((name): [string, string][] => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return looseTextFiles(path, root);
		return /\.(md|txt)$/.test(name) ? [[`/${relative(root, path).split(sep).join('/')}`, readFileSync(path, 'utf8')]] : [];
	});
}

const projectSiteUrl = () => readSiteConfig(new URL('../../../', import.meta.url)).siteUrl;

/** Opens a built site: dist/client and the configured siteUrl by default, or a fixture folder. */
export function openSite(dir = clientDir, siteUrl = projectSiteUrl()): BuiltSite {
	const pages = builtPages(dir);
	const documents = new Map<string, Document>();
	let twins: Map<string, string> | undefined;
	const twin = (sitePath: string) => (twins ??= packedTwins(dir)).get(sitePath);
	return {
		dir,
		siteUrl,
		pages,
		document(path) {
			let document = documents.get(path);
			if (!document) {
				const file = pages.get(path);
				if (!file) throw new Error(`${path} is not a page of the site`);
				document = parseHTML(readFileSync(file, 'utf8')).document;
				documents.set(path, document);
			}
			return document;
		},
		// A packed twin has no file of its own: its address inside the folder stands for it.
		resolve: (path) => resolveBuiltPath(path, dir) ?? (twin(decodeURI(path)) === undefined ? undefined : join(dir, path)),
		text(file) {
			const path = join(dir, file);
			return existsSync(path) ? readFileSync(path, 'utf8') : twin(`/${file.replace(/^\//, '')}`);
		},
		textFiles: () => new Map([...looseTextFiles(dir), ...(twins ??= packedTwins(dir))]),
	};
}

/**
 * An address as seen from a page of the site (`fromPath`), when it points into the site: relative addresses and
 * absolute ones on `siteUrl`. Other sites, `mailto:`, `tel:` and the like give undefined.
 */
export function internalUrl(url: string, site: BuiltSite, fromPath = '/'): URL | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) return undefined;
	const resolved = new URL(url, new URL(fromPath, site.siteUrl));
	return resolved.origin === new URL(site.siteUrl).origin ? resolved : undefined;
}

/** The site path of an address on the site (`https://help.example/en` → `/en`), or undefined for other sites. */
export function sitePathOf(url: string, site: BuiltSite): string | undefined {
	return internalUrl(url, site)?.pathname;
}

export interface HeadTags {
	lang: string | null;
	dir: string | null;
	title: string;
	description: string | undefined;
	canonical: string | undefined;
	noindex: boolean;
	hreflang: { hreflang: string; href: string }[];
	/** `og:*`, `article:*` and `twitter:*` values by name. */
	social: Map<string, string>;
}

/** What a page's `<html>` and `<head>` tell crawlers. */
export function headTags(document: Document): HeadTags {
	const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;
	const social = new Map<string, string>();
	for (const element of document.querySelectorAll('meta[property], meta[name^="twitter:"]')) {
		const name = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
		social.set(name, element.getAttribute('content') ?? '');
	}
	return {
		lang: document.documentElement.getAttribute('lang'),
		dir: document.documentElement.getAttribute('dir'),
		title: document.querySelector('title')?.textContent?.trim() ?? '',
		description: meta('meta[name="description"]'),
		canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
		noindex: /noindex/i.test(meta('meta[name="robots"]') ?? ''),
		hreflang: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => ({
			hreflang: link.getAttribute('hreflang') ?? '',
			href: link.getAttribute('href') ?? '',
		})),
		social,
	};
}

/** Whether search engines should index the page: no `noindex`, and its canonical address is its own. */
export function isIndexable(path: string, site: BuiltSite): boolean {
	const head = headTags(site.document(path));
	return !head.noindex && head.canonical !== undefined && sitePathOf(head.canonical, site) === path;
}

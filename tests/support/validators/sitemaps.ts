import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMParser } from 'linkedom';
import { headTags, isIndexable, sitePathOf, type BuiltSite } from './site';

const sitemapXsd = join(dirname(createRequire(import.meta.url).resolve('sitemap/package.json')), 'schema/sitemap.xsd');
const ownXsd = (name: string) => fileURLToPath(new URL(`../xsd/${name}`, import.meta.url));

/** xmllint takes one schema: this one brings the sitemaps.org schema and ours for `xhtml:link` together. */
function urlsetSchema(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'sitemap-xsd-')), 'urlset-with-alternates.xsd');
	writeFileSync(
		file,
		`<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${pathToFileURL(sitemapXsd).href}"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="${pathToFileURL(ownXsd('xhtml-link.xsd')).href}"/>
</xsd:schema>
`,
	);
	return file;
}

function xmllint(schema: string, file: string): string[] {
	const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
	if (result.error) throw result.error;
	if (result.status === 0) return [];
	return result.stderr
		.split('\n')
		.filter((line) => line.trim() && !line.endsWith('fails to validate'))
		.map((line) => line.replace(`${file}:`, 'line '));
}

export interface Sitemap {
	/** Site path of the sitemap file. */
	path: string;
	urls: { loc: string; lastmod: string | undefined; alternates: { hreflang: string; href: string }[] }[];
}

const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

/** The sitemaps the site announces: robots.txt → sitemap index → one sitemap per locale. */
export function readSitemaps(site: BuiltSite): { index: string | undefined; sitemaps: Sitemap[]; problems: string[] } {
	const problems: string[] = [];
	const robots = site.text('robots.txt');
	const announced = robots ? /^Sitemap:\s*(\S+)\s*$/im.exec(robots)?.[1] : undefined;
	if (!robots) problems.push('robots.txt is missing');
	else if (!announced) problems.push('robots.txt does not announce a sitemap');
	const index = announced ? sitePathOf(announced, site) : undefined;
	if (announced && !index) problems.push(`robots.txt announces a sitemap on another site: ${announced}`);
	const indexText = index ? site.text(index) : undefined;
	if (index && indexText === undefined) problems.push(`robots.txt announces ${index}, which does not exist`);
	const sitemaps: Sitemap[] = [];
	for (const element of indexText ? parseXml(indexText).querySelectorAll('sitemap > loc') : []) {
		const loc = element.textContent?.trim() ?? '';
		const path = sitePathOf(loc, site);
		const text = path ? site.text(path) : undefined;
		if (!path || text === undefined) {
			problems.push(`the sitemap index lists ${loc}, which is not a file of the site`);
			continue;
		}
		const urls = [...parseXml(text).querySelectorAll('url')].map((url) => ({
			loc: url.querySelector('loc')?.textContent?.trim() ?? '',
			lastmod: url.querySelector('lastmod')?.textContent?.trim(),
			alternates: [...url.getElementsByTagName('xhtml:link')].map((link) => ({
				hreflang: link.getAttribute('hreflang') ?? '',
				href: link.getAttribute('href') ?? '',
			})),
		}));
		sitemaps.push({ path, urls });
	}
	return { index, sitemaps, problems };
}

/**
 * Validates the sitemap index against the sitemaps.org index schema and each sitemap against the sitemaps.org
 * schema shipped in the `sitemap` package plus our schema for `xhtml:link`, with xmllint.
 */
export function validateSitemapXml(site: BuiltSite): string[] {
	const { index, sitemaps, problems } = readSitemaps(site);
	if (index) problems.push(...xmllint(ownXsd('siteindex.xsd'), join(site.dir, index)).map((line) => `${index}: ${line}`));
	const schema = urlsetSchema();
	for (const sitemap of sitemaps) {
		problems.push(...xmllint(schema, join(site.dir, sitemap.path)).map((line) => `${sitemap.path}: ${line}`));
	}
	return problems;
}

/**
 * Checks that the sitemaps list exactly the indexable pages: each once, with its last change, each a built page
 * that is not `noindex` and whose canonical address is itself, with the same alternates as its `hreflang`
 * links; and that no indexable page is missing.
 */
export function checkSitemapCoverage(site: BuiltSite): string[] {
	const { sitemaps, problems } = readSitemaps(site);
	const listed = new Map<string, string>();
	for (const sitemap of sitemaps) {
		for (const url of sitemap.urls) {
			const at = (message: string) => problems.push(`${sitemap.path}: ${url.loc} ${message}`);
			const path = sitePathOf(url.loc, site);
			if (!path || !site.pages.has(path)) {
				at('is not a page of the site');
				continue;
			}
			if (listed.has(path)) at(`is listed again (also in ${listed.get(path)})`);
			listed.set(path, sitemap.path);
			if (!url.lastmod) at('has no lastmod');
			const head = headTags(site.document(path));
			if (head.noindex) at('is noindex');
			else if (!isIndexable(path, site)) at(`has another canonical address (${head.canonical})`);
			const set = (links: { hreflang: string; href: string }[]) => links.map((link) => `${link.hreflang} ${link.href}`).sort().join(', ');
			if (set(url.alternates) !== set(head.hreflang)) at(`lists alternates (${set(url.alternates)}) unlike the page's hreflang (${set(head.hreflang)})`);
		}
	}
	for (const path of site.pages.keys()) {
		if (!listed.has(path) && isIndexable(path, site)) problems.push(`${path} is indexable but in no sitemap`);
	}
	return problems;
}

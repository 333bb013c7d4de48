import type { HreflangLink } from './head-tags';

export interface SitemapUrl {
	/** Absolute address of the page. */
	loc: string;
	/** `YYYY-MM-DD` of the last change. */
	lastmod?: string | undefined;
	/** The page in every language, itself and `x-default` included, as in its `hreflang` links. */
	alternates: HreflangLink[];
}

export interface SitemapReference {
	loc: string;
	lastmod?: string | undefined;
}

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

const lastmodElement = (lastmod: string | undefined) => (lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : '');

/** A sitemap (sitemaps.org 0.9) whose URLs list their language alternates as `xhtml:link`, as Google reads them. */
export function urlsetXml(urls: SitemapUrl[]): string {
	const body = urls
		.map((url) => {
			const links = url.alternates.map(
				(link) => `<xhtml:link rel="alternate" hreflang="${escapeXml(link.hreflang)}" href="${escapeXml(link.href)}"/>`,
			);
			return `<url><loc>${escapeXml(url.loc)}</loc>${lastmodElement(url.lastmod)}${links.join('')}</url>`;
		})
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body}
</urlset>
`;
}

/** A sitemap index pointing to one sitemap per locale. */
export function sitemapIndexXml(sitemaps: SitemapReference[]): string {
	const body = sitemaps
		.map((sitemap) => `<sitemap><loc>${escapeXml(sitemap.loc)}</loc>${lastmodElement(sitemap.lastmod)}</sitemap>`)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</sitemapindex>
`;
}

/** The latest of some `YYYY-MM-DD` dates. */
export function latest(dates: (string | undefined)[]): string | undefined {
	return dates.filter((date): date is string => date !== undefined).sort().at(-1);
}

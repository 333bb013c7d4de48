import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openSite, type BuiltSite } from './site';

export const fixtureSiteUrl = 'https://help.test';

/** Writes files (path relative to the site root → content) into a throwaway folder and opens it as a built site. */
export function fixtureSite(files: Record<string, string>): BuiltSite {
	const dir = mkdtempSync(join(tmpdir(), 'help-center-fixture-'));
	for (const [path, content] of Object.entries(files)) {
		const file = join(dir, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, content);
	}
	return openSite(dir, fixtureSiteUrl);
}

export interface FixturePage {
	lang?: string;
	path: string;
	title?: string;
	description?: string | undefined;
	/** Defaults to the page's own address; `null` for none. */
	canonical?: string | null;
	noindex?: boolean;
	hreflang?: Record<string, string>;
	jsonLd?: string[];
	head?: string;
	body?: string;
}

/** A small, valid page with complete head tags, to break one thing at a time. */
export function fixturePage(page: FixturePage): string {
	const lang = page.lang ?? 'en';
	const url = `${fixtureSiteUrl}${page.path}`;
	const title = page.title ?? `Page ${page.path}`;
	const canonical = page.canonical === undefined ? url : page.canonical;
	const description = 'description' in page ? page.description : `About ${page.path}`;
	return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<title>${title}</title>
${description === undefined ? '' : `<meta name="description" content="${description}">`}
${page.noindex ? '<meta name="robots" content="noindex">' : ''}
${canonical ? `<link rel="canonical" href="${canonical}">` : ''}
${Object.entries(page.hreflang ?? {})
	.map(([hreflang, href]) => `<link rel="alternate" hreflang="${hreflang}" href="${href}">`)
	.join('\n')}
<meta property="og:type" content="website">
<meta property="og:site_name" content="Fixture Help Center">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description ?? ''}">
<meta property="og:url" content="${canonical ?? url}">
<meta property="og:locale" content="en_US">
<meta property="og:image" content="${fixtureSiteUrl}/card.png">
<meta name="twitter:card" content="summary_large_image">
${(page.jsonLd ?? []).map((json) => `<script type="application/ld+json">${json}</script>`).join('\n')}
${page.head ?? ''}
</head>
<body>
<main>
${page.body ?? `<h1>${title}</h1>`}
</main>
</body>
</html>
`;
}

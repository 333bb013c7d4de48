import { describe, expect, it } from 'vitest';
import { checkAgentOutputs, type WrittenArticle } from '../support/validators/agent-outputs';
import { fixturePage, fixtureSite, fixtureSiteUrl } from '../support/validators/fixture-site';
import { checkHeadTags } from '../support/validators/head-tags';
import { checkHreflang } from '../support/validators/hreflang';
import { validateHtml } from '../support/validators/html-validity';
import { findBrokenLinks } from '../support/validators/links';
import { checkSitemapCoverage, validateSitemapXml } from '../support/validators/sitemaps';
import { checkJsonLd } from '../support/validators/structured-data';

// Each validator the built site passes is run here on a small site with one kind of mistake in it, to prove it
// would catch that mistake. A clean twin of each fixture passes, so the failures come from the mistakes alone.

const url = (path: string) => `${fixtureSiteUrl}${path}`;
const png = 'not really a png, only needs to exist';

describe('the Nu HTML Checker', () => {
	it('reports invalid HTML, and passes the valid page', () => {
		const site = fixtureSite({
			'en/valid.html': fixturePage({ path: '/en/valid' }),
			'en/broken.html': fixturePage({ path: '/en/broken', body: '<h1>Broken</h1><ul><p>Not a list item</p></ul><img src="/a.png">' }),
		});
		const messages = validateHtml(site.dir);
		expect(messages.some((message) => message.startsWith('/en/broken.html:') && /Element “p” not allowed as child of element “ul”/.test(message))).toBe(true);
		expect(messages.some((message) => message.startsWith('/en/broken.html:') && /alt/.test(message))).toBe(true);
		expect(messages.filter((message) => message.startsWith('/en/valid.html'))).toEqual([]);
	});
});

describe('the link checker', () => {
	it('reports links, anchors, canonical and hreflang addresses and Markdown links that lead nowhere', () => {
		const site = fixtureSite({
			'card.png': png,
			'en.html': fixturePage({
				path: '/en',
				hreflang: { en: url('/en'), fr: url('/fr-gone'), 'x-default': url('/en') },
				body: '<h1 id="top">Home</h1><a href="/en/guide#steps">ok</a><a href="/en/missing">missing</a><a href="/en/guide#nope">bad anchor</a><a href="https://elsewhere.test/x">other site</a><a href="mailto:a@b.test">mail</a>',
			}),
			'en/guide.html': fixturePage({ path: '/en/guide', body: '<h1 id="steps">Guide</h1><a href="#top">own anchor missing</a>' }),
			'en/guide.md': '# Guide\n\nSee [home](https://help.test/en) and [a gone page](https://help.test/en/gone).\n',
		});
		expect(findBrokenLinks(site).sort()).toEqual(
			[
				'/en → /en/missing',
				'/en → /en/guide#nope (no #nope)',
				`/en → ${url('/fr-gone')}`,
				'/en/guide → #top (no #top)',
				'/en/guide.md → https://help.test/en/gone',
			].sort(),
		);
	});
});

describe('the head-tag check', () => {
	it('reports a missing description, a duplicate title, a relative canonical, missing card tags and no lang', () => {
		const site = fixtureSite({
			'en/a.html': fixturePage({ path: '/en/a', title: 'Same title' }),
			'en/b.html': fixturePage({ path: '/en/b', title: 'Same title' }),
			'en/c.html': fixturePage({ path: '/en/c', description: undefined }),
			'en/d.html': fixturePage({ path: '/en/d', canonical: '/en/d' }),
			'en/e.html': fixturePage({ path: '/en/e' }).replace(/<meta name="twitter:card"[^>]*>/, '').replace(' lang="en"', ''),
			'en/f.html': fixturePage({ path: '/en/f', canonical: null }),
			'en/404.html': fixturePage({ path: '/en/404', title: 'Same title', canonical: null, noindex: true }),
		});
		const problems = checkHeadTags(site);
		expect(problems).toContain('/en/b: has the same title as /en/a: "Same title"');
		expect(problems).toContain('/en/c: has no meta description');
		expect(problems).toContain('/en/d: canonical is not absolute (/en/d)');
		expect(problems).toContain('/en/e: has no twitter:card');
		expect(problems).toContain('/en/e: <html> has no lang');
		expect(problems).toContain('/en/f: has neither a canonical address nor noindex');
		expect(problems.filter((problem) => problem.startsWith('/en/a:') || problem.startsWith('/en/404:'))).toEqual([]);
	});
});

describe('the hreflang check', () => {
	const pair = { en: url('/en/page'), fr: url('/fr/page'), 'x-default': url('/en/page') };

	it('passes a reciprocal pair', () => {
		const site = fixtureSite({
			'en/page.html': fixturePage({ path: '/en/page', hreflang: pair }),
			'fr/page.html': fixturePage({ path: '/fr/page', lang: 'fr', hreflang: pair }),
		});
		expect(checkHreflang(site)).toEqual([]);
	});

	it('reports a missing link back, a wrong language, a bad code, a missing x-default and alternates on a noindex page', () => {
		const site = fixtureSite({
			'en/page.html': fixturePage({ path: '/en/page', hreflang: pair }),
			'fr/page.html': fixturePage({ path: '/fr/page', lang: 'fr', hreflang: { fr: url('/fr/page'), 'x-default': url('/en/page') } }),
			'en/other.html': fixturePage({ path: '/en/other', hreflang: { en: url('/en/other'), de: url('/fr/page'), english: url('/en/other') } }),
			'en/hidden.html': fixturePage({ path: '/en/hidden', noindex: true, canonical: null, hreflang: { en: url('/en/hidden'), 'x-default': url('/en/hidden') } }),
		});
		const problems = checkHreflang(site);
		expect(problems).toContain('/en/page: /fr/page does not link back with hreflang="en" (not reciprocal)');
		expect(problems).toContain('/en/other: hreflang="de" points to /fr/page, whose language is "fr"');
		expect(problems).toContain('/en/other: "english" is not a language code');
		expect(problems).toContain('/en/other: has no x-default alternate');
		expect(problems).toContain('/en/hidden: has hreflang alternates but is noindex');
	});
});

describe('the JSON-LD check', () => {
	const graph = (...nodes: object[]) => JSON.stringify({ '@context': 'https://schema.org', '@graph': nodes });
	const organization = { '@type': 'Organization', '@id': url('/#org'), name: 'Shop', url: 'https://shop.test', logo: url('/logo.svg') };
	const article = {
		'@type': 'Article',
		headline: 'Returns',
		inLanguage: 'en',
		datePublished: '2026-10-12',
		dateModified: '2026-10-12',
		image: url('/card.png'),
		author: { '@id': url('/#org') },
		publisher: { '@id': url('/#org') },
	};
	const breadcrumbs = {
		'@type': 'BreadcrumbList',
		itemListElement: [
			{ '@type': 'ListItem', position: 1, name: 'Help', item: url('/en') },
			{ '@type': 'ListItem', position: 2, name: 'Returns', item: url('/en/returns') },
		],
	};
	const body = '<nav class="breadcrumbs"><ol><li><a href="/en">Help</a></li><li><a href="/en/returns">Returns</a></li></ol></nav><h1>Returns</h1><dl><dt>Can I return shoes?</dt><dd>Yes, within 30 days.</dd></dl>';
	const faq = (question: string) => ({
		'@type': 'FAQPage',
		mainEntity: [{ '@type': 'Question', name: question, acceptedAnswer: { '@type': 'Answer', text: 'Yes, within 30 days.' } }],
	});
	const documentWith = (...jsonLd: string[]) => fixtureSite({ 'en/returns.html': fixturePage({ path: '/en/returns', body, jsonLd }) }).document('/en/returns');

	it('passes complete nodes that match the page', () => {
		expect(checkJsonLd(documentWith(graph(breadcrumbs, article, faq('Can I return shoes?'), organization)))).toEqual([]);
	});

	it('reports broken JSON, missing required properties, dangling references and claims the page does not show', () => {
		const { headline: _headline, dateModified: _dateModified, ...withoutHeadline } = article;
		const problems = checkJsonLd(
			documentWith(
				'{"@context": "https://schema.org", "@type": "Article",}',
				graph(
					{ ...withoutHeadline, author: { '@id': url('/#nobody') } },
					{ ...breadcrumbs, itemListElement: [{ ...breadcrumbs.itemListElement[0], position: 2 }] },
					faq('Can I return socks?'),
					{ '@type': 'Recipe', name: 'Soup' },
				),
			),
		);
		expect(problems.some((problem) => problem.startsWith('JSON-LD is not valid JSON'))).toBe(true);
		expect(problems).toContain('Article has no headline of at most 110 characters');
		expect(problems).toContain('Article dateModified is not an ISO 8601 date');
		expect(problems).toContain(`Article author refers to ${url('/#nobody')}, which is not on the page`);
		expect(problems).toContain('breadcrumb 1 has position 2');
		expect(problems).toContain('BreadcrumbList (Help) differs from the breadcrumbs shown (Help › Returns)');
		expect(problems).toContain('FAQ question "Can I return socks?" is not shown on the page');
		expect(problems).toContain('JSON-LD type "Recipe" has no checks: add them to tests/support/validators/structured-data.ts');
	});

	it('reports a search action whose template lacks its parameter', () => {
		const webSite = {
			'@type': 'WebSite',
			name: 'Help',
			url: url('/en'),
			potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: url('/en/search?q=') }, 'query-input': 'required name=q' },
		};
		expect(checkJsonLd(documentWith(graph(webSite)))).toEqual(['SearchAction urlTemplate does not contain {q}']);
	});
});

describe('the sitemap checks', () => {
	const page = (path: string, extra: object = {}) => fixturePage({ path, hreflang: { en: url(path), 'x-default': url(path) }, ...extra });
	const urlEntry = (path: string, lastmod = '2026-10-12', links = [`<xhtml:link rel="alternate" hreflang="en" href="${url(path)}"/>`, `<xhtml:link rel="alternate" hreflang="x-default" href="${url(path)}"/>`]) =>
		`<url><loc>${url(path)}</loc><lastmod>${lastmod}</lastmod>${links.join('')}</url>`;
	const urlset = (...entries: string[]) =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
	const index = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
	const robots = `User-agent: *\nAllow: /\n\nSitemap: ${url('/sitemap.xml')}\n`;
	const goodFiles = {
		'robots.txt': robots,
		'sitemap.xml': index(`<sitemap><loc>${url('/sitemap-en.xml')}</loc><lastmod>2026-10-12</lastmod></sitemap>`),
		'sitemap-en.xml': urlset(urlEntry('/en'), urlEntry('/en/a')),
		'en.html': page('/en'),
		'en/a.html': page('/en/a'),
		'en/search.html': fixturePage({ path: '/en/search', noindex: true, canonical: null }),
	};

	it('passes valid sitemaps that list exactly the indexable pages', () => {
		const site = fixtureSite(goodFiles);
		expect(validateSitemapXml(site)).toEqual([]);
		expect(checkSitemapCoverage(site)).toEqual([]);
	});

	it('rejects, against the schemas, a bad lastmod, an xhtml:link without href and an index entry that is not a sitemap', () => {
		const site = fixtureSite({
			...goodFiles,
			'sitemap.xml': index(`<sitemap><loc>${url('/sitemap-en.xml')}</loc><lastmod>yesterday</lastmod></sitemap>`),
			'sitemap-en.xml': urlset(urlEntry('/en', 'last week'), urlEntry('/en/a', '2026-10-12', ['<xhtml:link rel="alternate" hreflang="en"/>'])),
		});
		const problems = validateSitemapXml(site).join('\n');
		expect(problems).toMatch(/sitemap\.xml: .*lastmod.*'yesterday' is not a valid value/);
		expect(problems).toMatch(/sitemap-en\.xml: .*lastmod.*'last week' is not a valid value/);
		expect(problems).toMatch(/sitemap-en\.xml: .*\{http:\/\/www\.w3\.org\/1999\/xhtml\}link.*The attribute 'href' is required/);
		const badIndex = fixtureSite({ ...goodFiles, 'sitemap.xml': index(`<url><loc>${url('/sitemap-en.xml')}</loc></url>`) });
		expect(validateSitemapXml(badIndex).join('\n')).toMatch(/sitemap\.xml: .*Element '\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}url': This element is not expected/);
	});

	it('reports a noindex page, a page that does not exist, a forgotten page, a missing lastmod and unlike alternates', () => {
		const site = fixtureSite({
			...goodFiles,
			'en/b.html': page('/en/b'),
			'sitemap-en.xml': urlset(
				urlEntry('/en').replace(/<lastmod>[^<]*<\/lastmod>/, ''),
				urlEntry('/en/search'),
				urlEntry('/en/draft'),
				urlEntry('/en/a', '2026-10-12', [`<xhtml:link rel="alternate" hreflang="en" href="${url('/en/a')}"/>`]),
			),
		});
		const problems = checkSitemapCoverage(site);
		expect(problems).toContain(`/sitemap-en.xml: ${url('/en')} has no lastmod`);
		expect(problems).toContain(`/sitemap-en.xml: ${url('/en/search')} is noindex`);
		expect(problems).toContain(`/sitemap-en.xml: ${url('/en/draft')} is not a page of the site`);
		expect(problems.some((problem) => problem.startsWith(`/sitemap-en.xml: ${url('/en/a')} lists alternates`))).toBe(true);
		expect(problems).toContain('/en/b is indexable but in no sitemap');
	});

	it('reports a robots.txt that announces no sitemap', () => {
		const site = fixtureSite({ ...goodFiles, 'robots.txt': 'User-agent: *\nAllow: /\n' });
		expect(checkSitemapCoverage(site)).toContain('robots.txt does not announce a sitemap');
	});
});

describe('the check of the outputs for AI agents', () => {
	const articles: WrittenArticle[] = [
		{ file: 'content/en/a/one.mdx', locale: 'en', path: '/en/a/one', title: 'One', draft: false },
		{ file: 'content/en/a/two.mdx', locale: 'en', path: '/en/a/two', title: 'Two', draft: false },
		{ file: 'content/fr/a/un.mdx', locale: 'fr', path: '/fr/a/un', title: 'Un', draft: false },
		{ file: 'content/en/a/secret.mdx', locale: 'en', path: '/en/a/secret', title: 'Secret', draft: true },
	];
	const twin = (article: WrittenArticle) => `# ${article.title}\n\n> About.\n\nSource: ${url(article.path)}\n\nText.\n`;
	const exported = (article: WrittenArticle) => ({
		id: `${article.locale}:${article.path.split('/').at(-1)}`,
		locale: article.locale,
		translationKey: article.path.split('/').at(-1),
		title: article.title,
		description: 'About.',
		category: 'a',
		categoryTitle: 'A',
		url: url(article.path),
		markdownUrl: url(`${article.path}.md`),
		updated: '2026-10-12',
		keywords: [],
		text: 'Text.',
	});
	const [one, two, un, secret] = articles as [WrittenArticle, WrittenArticle, WrittenArticle, WrittenArticle];
	const catalog = (locale: string, ...listed: WrittenArticle[]) =>
		JSON.stringify({
			version: 1,
			locale,
			categories: [{ id: 'a', title: 'A', description: 'About A.', url: `/${locale}/a`, articles: listed.map((article) => ({ title: article.title, url: article.path, description: 'About.', updated: '2026-10-12' })) }],
		});
	const llms = (...listed: WrittenArticle[]) => `# Help\n\n> Answers.\n\n## A\n\n${listed.map((article) => `- [${article.title}](${url(article.path)}.md)`).join('\n')}\n`;
	const good = {
		'llms.txt': llms(one, two, un),
		'en/llms-full.txt': `# Help\n\n---\n\n${twin(one)}\n---\n\n${twin(two)}`,
		'fr/llms-full.txt': `# Aide\n\n---\n\n${twin(un)}`,
		'articles.json': JSON.stringify({ site: { name: 'Help', url: url('/') }, articles: [one, two, un].map(exported) }),
		'en/a/one.md': twin(one),
		'en/a/two.md': twin(two),
		'fr/a/un.md': twin(un),
		'agents/en.json': catalog('en', one, two),
		'agents/fr.json': catalog('fr', un),
	};

	it('passes outputs that hold each published article once', () => {
		expect(checkAgentOutputs(fixtureSite(good), articles, ['en', 'fr'])).toEqual([]);
	});

	it('reports a missing article, a repeated one, a draft, a twin with MDX or frontmatter, a JSON export off its schema and a catalogue listing the wrong articles', () => {
		const site = fixtureSite({
			...good,
			'llms.txt': llms(one, one, un, secret),
			'en/llms-full.txt': `# Help\n\n---\n\n${twin(one)}\n---\n\n${twin(secret)}`,
			'articles.json': JSON.stringify({ site: { name: 'Help', url: url('/') }, articles: [one, un].map(exported).map((entry, index) => (index === 1 ? { ...entry, updated: 'soon' } : entry)) }),
			'en/a/two.md': `---\ntitle: Two\n---\n${twin(two)}`,
			'fr/a/un.md': `${twin(un)}\n<Callout type="tip">Astuce</Callout>\n`,
			'en/a/secret.md': twin(secret),
			'agents/en.json': catalog('en', one, secret),
			'agents/fr.json': catalog('fr', un, one),
		});
		const problems = checkAgentOutputs(site, articles, ['en', 'fr']);
		expect(problems).toContain('content/en/a/one.mdx: should appear once but appears 2 time(s) in /llms.txt');
		expect(problems).toContain('content/en/a/two.mdx: should appear once but appears 0 time(s) in /llms.txt');
		expect(problems).toContain('content/en/a/secret.mdx: draft appears 1 time(s) in /llms.txt');
		expect(problems).toContain('content/en/a/two.mdx: appears 0 time(s) in /en/llms-full.txt, expected 1');
		expect(problems).toContain('content/en/a/secret.mdx: draft appears 1 time(s) in /en/llms-full.txt, expected 0');
		expect(problems).toContain('content/en/a/secret.mdx: draft has a Markdown twin at /en/a/secret.md');
		expect(problems).toContain('content/en/a/two.mdx: /en/a/two.md starts with frontmatter');
		expect(problems).toContain('content/fr/a/un.mdx: /fr/a/un.md still holds MDX: <Callout');
		expect(problems.some((problem) => problem.startsWith('/articles.json does not match its schema'))).toBe(true);
		expect(problems).toContain('content/en/a/two.mdx: appears 0 time(s) in /agents/en.json, expected 1');
		expect(problems).toContain('content/en/a/secret.mdx: draft appears 1 time(s) in /agents/en.json, expected 0');
		expect(problems).toContain('content/en/a/one.mdx: appears 1 time(s) in /agents/fr.json, expected 0');
	});

	it('reports a missing catalogue for the MCP endpoint', () => {
		const { 'agents/fr.json': _missing, ...withoutFrench } = good;
		expect(checkAgentOutputs(fixtureSite(withoutFrench), articles, ['en', 'fr'])).toContain('/agents/fr.json is missing');
	});
});

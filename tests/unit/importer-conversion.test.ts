import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runImport } from '../../scripts/lib/import/run-import';
import { readZendeskExport } from '../../scripts/lib/import/zendesk';
import { makeContentFixture } from '../support/content-fixture';
import { resolveColumns } from '../../scripts/lib/import/csv';
import { htmlToMdx, type ConvertContext } from '../../scripts/lib/import/html-to-mdx';
import { mapLocale } from '../../scripts/lib/import/locale-map';
import { readMarkdownFolder } from '../../scripts/lib/import/markdown-folder';
import { markdownToHtml } from '../../scripts/lib/import/markdown-to-html';
import { fixturesDir } from '../support/import-project';
import { altFromFileName, describe as describeArticle, pickIcon } from '../../scripts/lib/import/text';
import { seoTitleFor } from '../../src/utils/seo-title';
import { toVideoEmbed } from '../../src/utils/video-embed';

const context: ConvertContext = {
	image: (src) => (src.includes('missing') ? null : { url: `/images/articles/test/${src.split('/').pop()}` }),
	link: (href) => (href.startsWith('/hc/') ? '/en/shipping/delivery-times' : undefined),
	videoTitle: 'Delivery times',
};

describe('htmlToMdx', () => {
	it('keeps tables, lists, code and emphasis as Markdown', () => {
		const { mdx } = htmlToMdx(
			'<p>Intro with <strong>bold</strong> and <em>italics</em>.</p><table><thead><tr><th>Carrier</th><th>Days</th></tr></thead><tbody><tr><td>DHL</td><td>1 | 2</td></tr></tbody></table>' +
				'<ol><li>First</li><li>Second<ul><li>Nested</li></ul></li></ol><pre><code class="language-json">{"a": 1}</code></pre>',
			context,
		);
		expect(mdx).toContain('Intro with **bold** and *italics*.');
		expect(mdx).toMatch(/^\| Carrier \| Days +\|$/m);
		expect(mdx).toContain('| DHL     | 1 \\| 2 |');
		expect(mdx).toMatch(/^1\. First\n2\. Second\n {3}- Nested$/m);
		expect(mdx).toContain('```json\n{"a": 1}\n```');
	});

	it('shifts headings so that the page title stays the only h1, keeping their levels apart', () => {
		const { mdx } = htmlToMdx('<h1>Returning</h1><p>Text.</p><h2>Label</h2><p>Text.</p><h1>Exchanging</h1>', context);
		expect(mdx).toBe('## Returning\n\nText.\n\n### Label\n\nText.\n\n## Exchanging\n');
		expect(htmlToMdx('<h4>Deep</h4><p>Text.</p><h5>Deeper</h5>', context).mdx).toBe('## Deep\n\nText.\n\n### Deeper\n');
	});

	it('escapes what MDX would read as code: braces, angle brackets, import and export at the start of a line', () => {
		const { mdx } = htmlToMdx('<p>Free over {80 €} and under <20 € it costs more.</p><p>import duties apply; export too.</p><p><code>{x}</code></p>', context);
		expect(mdx).toContain('Free over \\{80 €\\} and under \\<20 € it costs more.');
		expect(mdx).toContain('&#x69;mport duties apply; export too.');
		expect(mdx).toContain('`{x}`');
	});

	it('drops scripts, event handlers and javascript: links, and counts them', () => {
		const { mdx, notes } = htmlToMdx(
			'<p onclick="track()">Rates</p><script>alert(1)</script><div onmouseover="x()"><a href="javascript:void(0)">Open</a></div><style>p{}</style>',
			context,
		);
		expect(mdx).toBe('Rates\n\nOpen\n');
		expect(notes).toMatchObject({ scripts: 1, handlers: ['onclick', 'onmouseover'], scriptLinks: 1 });
	});

	it('turns YouTube and Vimeo frames into <Video /> blocks and other frames into links', () => {
		const { mdx, notes } = htmlToMdx(
			'<p>Watch: <iframe src="//www.youtube.com/embed/dQw4w9WgXcQ?start=30"></iframe> then read on.</p>' +
				'<div><iframe src="https://player.vimeo.com/video/76979871" title="Packing &quot;your&quot; parcel"></iframe></div>' +
				'<iframe src="https://maps.example.com/embed?q=1" title="Map"></iframe>',
			context,
		);
		expect(mdx).toBe(
			'Watch:\n\n<Video src="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=30s" title="Delivery times" />\n\nthen read on.\n\n' +
				'<Video src="https://vimeo.com/76979871" title="Packing &quot;your&quot; parcel" />\n\n[Map](https://maps.example.com/embed?q=1)\n',
		);
		expect(notes.embedsReplaced).toEqual(['https://maps.example.com/embed?q=1']);
	});

	it('resolves images and links, gives alt text to images without, and removes images it could not get', () => {
		const { mdx, notes } = htmlToMdx(
			'<p><img src="https://old.example/a/label.png" alt="A label"> <img src="https://old.example/a/shipping-rates_2024.png"> <img src="https://old.example/missing.png" alt="Gone"></p>' +
				'<p><a href="/hc/en-us/articles/1">Delivery</a> and <a href="https://example.com/page">elsewhere</a></p>',
			context,
		);
		expect(mdx).toContain('![A label](/images/articles/test/label.png) ![Shipping rates 2024](/images/articles/test/shipping-rates_2024.png)');
		expect(mdx).not.toContain('missing');
		expect(mdx).toContain('[Delivery](/en/shipping/delivery-times) and [elsewhere](https://example.com/page)');
		expect(notes.altGenerated).toEqual([{ src: 'https://old.example/a/shipping-rates_2024.png', alt: 'Shipping rates 2024' }]);
	});

	it('keeps links to headings that exist after conversion and unlinks the others', () => {
		const { mdx, notes } = htmlToMdx('<h2>Track it online</h2><p><a href="#track-it-online">up</a> <a href="#old-anchor">gone</a></p>', context);
		expect(mdx).toContain('[up](#track-it-online) gone');
		expect(notes.anchorsRemoved).toEqual(['#old-anchor']);
	});

	it('lists attachments at the end and returns the paragraphs for the description', () => {
		const result = htmlToMdx('<p>First paragraph.</p><h2>Heading</h2><p>Second one.</p>', {
			...context,
			attachments: { heading: 'Attachments', links: [{ text: 'form.pdf', url: '/images/articles/test/form.pdf' }] },
		});
		expect(result.mdx).toMatch(/## Attachments\n\n- \[form\.pdf\]\(\/images\/articles\/test\/form\.pdf\)\n$/);
		expect(result.paragraphs).toEqual(['First paragraph.', 'Second one.']);
	});
});

describe('toVideoEmbed', () => {
	it('recognises YouTube and Vimeo addresses and returns privacy-friendly embeds', () => {
		for (const address of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ', '//www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']) {
			expect(toVideoEmbed(address)).toEqual({
				provider: 'YouTube',
				embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
				watchUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			});
		}
		expect(toVideoEmbed('https://vimeo.com/76979871')?.embedUrl).toBe('https://player.vimeo.com/video/76979871?dnt=1');
		expect(toVideoEmbed('https://player.vimeo.com/video/76979871?h=abc1234def')?.watchUrl).toBe('https://vimeo.com/76979871/abc1234def');
		expect(toVideoEmbed('https://example.com/video.mp4')).toBeUndefined();
		expect(toVideoEmbed('javascript:alert(1)')).toBeUndefined();
	});
});

describe('text helpers', () => {
	it('writes a search engine title cut at a word boundary', () => {
		const title = seoTitleFor('How do I change the size or colour of an item after my order has already been placed online?');
		expect(title).toBe('How do I change the size or colour of an item after my order has');
		expect(title.length).toBeLessThanOrEqual(65);
	});

	it('writes descriptions of 50 to 160 characters from the excerpt or the first sentences', () => {
		expect(describeArticle(undefined, ['Short.', 'A second sentence makes it long enough for a description.'])).toBe('Short. A second sentence makes it long enough for a description.');
		const long = describeArticle('word '.repeat(60), []);
		expect(long?.length).toBeLessThanOrEqual(160);
		expect(long).toMatch(/word…$/);
		expect(describeArticle(undefined, ['Too short.'])).toBeUndefined();
	});

	it('picks icons by keyword, in English and French, and makes alt text from file names', () => {
		expect(pickIcon(['Returns & exchanges'])).toBe('return');
		expect(pickIcon(['Suivi de commande'])).toBe('truck');
		expect(pickIcon(['Gifts'])).toBe('help');
		expect(altFromFileName('shipping-rates_2024.png')).toBe('Shipping rates 2024');
	});

	it('maps source locales to the site languages', () => {
		expect(mapLocale('en-us', ['en', 'fr'])).toBe('en');
		expect(mapLocale('fr_FR', ['en', 'fr'])).toBe('fr');
		expect(mapLocale('de', ['en', 'fr'])).toBeUndefined();
	});
});

describe('CSV columns', () => {
	it('uses the Gorgias template names by default and --map pairs first', () => {
		expect(resolveColumns(['article_title', 'article_body', 'category_title', 'Locale'])).toMatchObject({ title: 'article_title', body: 'article_body', category: 'category_title', locale: 'Locale' });
		expect(resolveColumns(['Question', 'Answer', 'title'], ['Question=title', 'answer=body'])).toMatchObject({ title: 'Question', body: 'Answer' });
		expect(() => resolveColumns(['Question'], ['Question=titel'])).toThrow(/"titel" is not a field/);
		expect(() => resolveColumns(['Question'], ['Answer=body'])).toThrow(/no column "Answer"/);
	});
});

describe('Markdown folders', () => {
	const fixture = (name: string) => join(fixturesDir, 'markdown-import', name);

	it('turns tool syntax into the HTML the converter knows: callouts, tabs, embeds, heading ids', () => {
		const { html, heading, unknownTags, unknownComponents } = markdownToHtml(
			'# Page title\n\n> [!CAUTION]\n> Hot.\n\n{% hint style="success" %}\nDone.\n{% endhint %}\n\n!!! info "Heads up"\n    Indented.\n\n=== "One"\n    First.\n=== "Two"\n    Second.\n\n' +
				'{% embed url="https://vimeo.com/1" %}\n\n## Custom {#my-id}\n\nText {: .lead}\n\n{% include note.html %}\n\n```\n:::note\n```\n\n<Tabs>\n<TabItem label="A">\n\nIn A\n\n</TabItem>\n</Tabs>\n\n<Badge>kept</Badge>\n',
			{ mdx: true },
		);
		expect(heading).toBe('Page title');
		expect(html).not.toContain('<h1');
		expect(html).toContain('<aside data-callout="warning">\n<p>Hot.</p>');
		expect(html).toContain('<aside data-callout="tip">\n<p>Done.</p>');
		expect(html).toContain('<aside data-callout="note">\n<p><strong>Heads up</strong></p>\n<p>Indented.</p>');
		expect(html).toContain('<div data-tabs="">\n<div data-tab-title="One">\n<p>First.</p>\n</div>\n<div data-tab-title="Two">\n<p>Second.</p>\n</div>\n</div>');
		expect(html).toContain('<iframe src="https://vimeo.com/1"></iframe>');
		expect(html).toContain('<h2 id="my-id">Custom</h2>');
		expect(html).toContain('<p>Text</p>');
		expect(html).toContain('<code>:::note\n</code>');
		expect(html).toContain('<div data-tab-title="A">\n<p>In A</p>');
		expect(html).toContain('kept');
		expect(unknownTags).toEqual(['include']);
		expect(unknownComponents).toEqual(['badge']);
	});

	it('reads a bilingual GitBook with its SUMMARY order and titles, images and links to the files they name', async () => {
		const source = await readMarkdownFolder(fixture('gitbook'), { locale: 'en' });
		expect(source.articles.map((article) => `${article.sourceLocale} ${article.group} ${article.position} ${article.title}`)).toEqual([
			'en README 0 Welcome to the garden guide',
			'en planting/sowing 1 Sowing tomato seeds indoors',
			'en planting/watering 2 Watering young seedlings',
			'fr README 0 Bienvenue dans le guide du jardin',
			'fr planting/sowing 1 Semer des tomates à l\'intérieur',
			'fr planting/watering 2 Arroser les jeunes plants',
		]);
		expect(source.sections.get('planting')?.names.get('fr')?.title).toBe('Plantation');
		const sowing = source.articles[1];
		expect(sowing?.html).toContain('<img src="/en/.gitbook/assets/seed-tray.png"');
		expect(sowing?.html).toContain('<a href="/en/planting/watering.md#how-often">');
		expect(source.articles[2]?.excerpt).toBe('How much and how often to water seedlings so that their roots grow strong.');
		expect(source.linkTarget?.(new URL('https://import.invalid/en/planting/watering.md#how-often'))).toEqual({ kind: 'article', group: 'planting/watering', sourceLocale: 'en' });
		expect(source.skipped).toEqual([{ item: 'front matter field "mood" (1 file)', reason: expect.stringContaining('--map "mood=<field>"') }]);
	});

	it('reads Docusaurus categories, positions, routes and static images', async () => {
		const source = await readMarkdownFolder(fixture('docusaurus'), { locale: 'en' });
		expect(source.sections.get('rides')).toMatchObject({ sort: [2], names: new Map([['en', { title: 'Rides and payments', description: 'Everything about starting, pausing and paying for rides.' }]]) });
		expect(source.articles.map((article) => `${article.sectionKey}:${article.position} ${article.title}`)).toEqual([
			':1 Getting started with the bike rental app',
			'rides:1 Unlocking a bike with your phone',
			'rides:2 Paying for a ride after returning the bike',
		]);
		expect(source.articles[1]?.html).toContain('<img src="/static/img/handlebar.png"');
		expect(source.linkTarget?.(new URL('https://import.invalid/docs/rides/unlock-a-bike#top'))).toEqual({ kind: 'article', group: 'rides/01-unlock', sourceLocale: 'en' });
		expect(source.linkTarget?.(new URL('https://import.invalid/docs/intro.md'))).toEqual({ kind: 'article', group: 'intro', sourceLocale: 'en' });
	});

	it('reads a Zendesk-synced tree as groups of sections with the old addresses of its ids, and skips broken files', async () => {
		const source = await readMarkdownFolder(fixture('zendesk-sync'), { locale: 'en' });
		expect([...(source.groups?.keys() ?? [])]).toEqual(['Account Help', 'Orders']);
		expect(source.sections.get('Account Help/')).toMatchObject({ groupKey: 'Account Help', names: new Map([['en', { title: 'Account Help' }]]) });
		expect(source.sections.get('Orders/Returns')?.groupKey).toBe('Orders');
		expect(source.articles.find((article) => article.id === '4410001000004')?.oldUrls).toEqual(['/hc/en-us/articles/4410001000004', '/hc/articles/4410001000004']);
		expect(source.origins).toEqual(new Set(['https://help.example.com']));
		expect(source.linkTarget?.(new URL('https://help.example.com/hc/en-us/articles/4410001000002-Two-step-sign-in'))).toEqual({ kind: 'article', group: '4410001000002' });
		expect(source.skipped).toContainEqual({ item: 'Orders/Returns/Broken.md, line 2', reason: expect.stringContaining('not valid YAML') });
		expect(source.skipped).toContainEqual({ item: 'front matter field "reviewer" (1 file)', reason: expect.any(String) });
	});
});

describe('groups, old category addresses and later-language titles', () => {
	const body = '<p>Our team packs every order within one working day and hands it to the carrier the same evening.</p>';
	/** A tiny Zendesk export in the given locales: one category (group) holding one section with one article. */
	function exportIn(locales: { zendesk: string; category: string; section: string; article: string }[], html = body): string {
		const folder = mkdtempSync(join(tmpdir(), 'zendesk-groups-'));
		for (const { zendesk, category, section, article } of locales) {
			const write = (name: string, data: unknown) => writeFileSync(join(folder, `${name}-${zendesk}.json`), JSON.stringify(data));
			write('categories', { categories: [{ id: 9001, name: category, description: `${category}: everything about it.`, position: 0, locale: zendesk, html_url: `https://acme.zendesk.com/hc/${zendesk}/categories/9001-${category.replace(/\W+/g, '-')}` }] });
			write('sections', { sections: [{ id: 8001, name: section, category_id: 9001, position: 0, locale: zendesk, html_url: `https://acme.zendesk.com/hc/${zendesk}/sections/8001-${section.replace(/\W+/g, '-')}` }] });
			write('articles', { articles: [{ id: 7001, title: article, body: html, locale: zendesk, source_locale: 'en-us', section_id: 8001, position: 0, html_url: `https://acme.zendesk.com/hc/${zendesk}/articles/7001-x` }] });
		}
		return folder;
	}
	const english = { zendesk: 'en-us', category: 'Orders and delivery', section: 'Packing', article: 'How we pack your order' };
	const french = { zendesk: 'fr', category: 'Commandes et livraison', section: 'Emballage', article: 'Comment nous emballons votre commande' };
	const importInto = async (root: string, folder: string, media: Partial<Parameters<typeof runImport>[0]> = {}) => runImport({ root, source: await readZendeskExport(folder), timeoutMs: 1000, ...media });
	const yamlAt = (root: string, file: string) => parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

	it('writes Zendesk categories as groups, with their title per language and old addresses, and files each category under its group', async () => {
		const { root } = makeContentFixture();
		const report = await importInto(root, exportIn([english, french]));
		expect(report.groups).toEqual([
			{ file: 'content/en/_groups.yaml', status: 'new' },
			{ file: 'content/fr/_groups.yaml', status: 'new' },
		]);
		expect(yamlAt(root, 'content/en/_groups.yaml')).toEqual({
			'orders-and-delivery': expect.objectContaining({ title: 'Orders and delivery', order: 1, redirectFrom: ['/hc/en-us/categories/9001', '/hc/en-us/categories/9001-Orders-and-delivery'] }),
		});
		expect(yamlAt(root, 'content/fr/_groups.yaml')['orders-and-delivery']).toMatchObject({ title: 'Commandes et livraison', redirectFrom: ['/hc/fr/categories/9001', '/hc/fr/categories/9001-Commandes-et-livraison'] });
		expect(yamlAt(root, 'content/en/packing/_category.yaml')).toMatchObject({ title: 'Packing', group: 'orders-and-delivery', redirectFrom: ['/hc/en-us/sections/8001', '/hc/en-us/sections/8001-Packing'] });
		expect(yamlAt(root, 'content/fr/packing/_category.yaml')).toMatchObject({ title: 'Emballage', group: 'orders-and-delivery', redirectFrom: ['/hc/fr/sections/8001', '/hc/fr/sections/8001-Emballage'] });
	});

	it('gives categories and groups their title in a language imported later, but keeps a title an editor changed', async () => {
		const { root } = makeContentFixture();
		await importInto(root, exportIn([english]));
		expect(yamlAt(root, 'content/fr/packing/_category.yaml')['title']).toBe('Packing');
		expect(yamlAt(root, 'content/fr/_groups.yaml')['orders-and-delivery']).toMatchObject({ title: 'Orders and delivery' });
		// An editor renames the English category by hand; the French one is still as the import wrote it.
		const englishFile = join(root, 'content/en/packing/_category.yaml');
		writeFileSync(englishFile, readFileSync(englishFile, 'utf8').replace('title: Packing', '# Our name for it\ntitle: How we pack'));

		const report = await importInto(root, exportIn([french]));
		expect(report.categories).toContainEqual({ file: 'content/fr/packing/_category.yaml', status: 'updated' });
		expect(yamlAt(root, 'content/fr/packing/_category.yaml')).toMatchObject({ title: 'Emballage', group: 'orders-and-delivery' });
		expect(yamlAt(root, 'content/fr/_groups.yaml')['orders-and-delivery']).toMatchObject({ title: 'Commandes et livraison' });
		expect(readFileSync(englishFile, 'utf8')).toContain('# Our name for it\ntitle: How we pack');
		expect(report.articles.map((article) => article.file)).toEqual(['content/fr/packing/comment-nous-emballons-votre-commande.mdx']);
	});

	it('takes each language’s images from its own media folder, and the others from the shared one', async () => {
		const { root } = makeContentFixture();
		const folders = ['en', 'fr', 'all'].map((name) => {
			const folder = mkdtempSync(join(tmpdir(), `media-${name}-`));
			writeFileSync(join(folder, 'box.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><desc>${name}</desc></svg>`);
			return folder;
		});
		const html = `${body}<p><img src="box.svg" alt="The box"></p>`;
		const report = await importInto(root, exportIn([english, french], html), { mediaDirs: new Map([['fr', folders[1] ?? '']]), mediaDir: folders[2] ?? '' });
		expect(report.mediaNotFound, JSON.stringify(report.mediaNotFound)).toEqual([]);
		expect(readFileSync(join(root, 'public/images/articles/how-we-pack-your-order/box.svg'), 'utf8')).toContain('<desc>all</desc>');
		expect(readFileSync(join(root, 'public/images/articles/comment-nous-emballons-votre-commande/box.svg'), 'utf8')).toContain('<desc>fr</desc>');
	});
});

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
import { altFromFileName, describe as describeArticle, fitTitle, pickIcon } from '../../scripts/lib/import/text';
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
	it('shortens titles at a word boundary', () => {
		const title = fitTitle('How do I change the size or colour of an item after my order has already been placed online?');
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

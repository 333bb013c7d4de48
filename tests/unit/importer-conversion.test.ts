import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { languageFoldersFromBranches } from '../../scripts/lib/import/markdown-branches';
import { readMarkdownFolder } from '../../scripts/lib/import/markdown-folder';
import { markdownToHtml } from '../../scripts/lib/import/markdown-to-html';
import { fixturesDir } from '../support/import-project';
import { altFromFileName, describe as describeArticle, pickIcon } from '../../scripts/lib/import/text';
import { seoTitleFor } from '../../src/utils/seo-title';
import { findMdxProblems } from '../../src/content-checks/mdx-problems';
import { toVideoEmbed } from '../../src/utils/video-embed';

/** One small body for each shape the conversion has to handle, written for these tests. */
const fixtures = {
	comments: '<p>Before<!-- internal: check prices --> after.</p><!-- hidden block --><ul><li>One<!-- x --></li></ul>',
	braces:
		'<h2>Sizes &lt;S&gt; and {M}</h2><p>Pay &lt;5 € or {10 €}. See <a href="https://example.com">the &lt;b&gt; tag {docs}</a>.</p>' +
		'<p><img src="https://old.example/a.png" alt="Size &lt;M&gt; {chart}"></p>' +
		'<table><tr><th>Code</th><th>Meaning</th></tr><tr><td><code>a|b</code></td><td>x &lt; y {z}</td></tr></table>' +
		'<ol><li>Run:<pre><code>if (a &lt; b) { go(); }\n  &lt;tag/&gt;\n</code></pre></li><li>Then <code>{x}</code></li></ol>' +
		'<blockquote><pre><code>const o = {a: 1};</code></pre></blockquote>',
	anchors:
		'<p><a href="#ser_open">Opening</a>, <a href="#fees">fees</a>, <a href="#returns">returns</a>, <a href="#track-it-(online)">tracking</a>, <a href="#nowhere">lost</a>, <a href="#pack">packing</a>.</p>' +
		'<h2 id="ser_open">Open the port</h2><p>Text.</p><h2 id="returns">Returns</h2><p><a name="fees"></a>Fees apply.</p>' +
		'<h3><a id="h_01ABC"></a>Track it (online)</h3><p id="shared">Linked from another article.</p><p><a id="unused"></a>Nobody links here.</p><ul><li id="pack">Pack it well.</li></ul>',
	footnotes:
		'<p>Delivery takes two days<sup><a href="#user-content-fn-days" id="user-content-fnref-days" data-footnote-ref aria-describedby="footnote-label">1</a></sup> in town.</p>' +
		'<p>Word says<a href="#_ftn1" name="_ftnref1"><span>[1]</span></a> so.</p>' +
		'<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-days"><p>Working days only. <a href="#user-content-fnref-days" data-footnote-backref class="data-footnote-backref">↩</a></p></li></ol></section>' +
		'<div><hr><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Except on Sundays.</p></div></div>',
	callouts:
		'<aside data-callout="warning"><p>Unplug first:</p><ul><li>Cable</li><li>Power</li></ul><pre><code>reset --all</code></pre><p><img src="https://old.example/plug.png" alt="A plug"></p></aside>' +
		'<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title">Tip</p><p>Keep the box.</p></div>' +
		'<div class="theme-admonition theme-admonition-info admonition_x alert alert--info"><div class="admonitionHeading_y">info</div><div class="admonitionContent_z"><p>Labels print in black.</p></div></div>' +
		'<div class="callout callout--danger"><p>Never ship batteries by air.</p></div>' +
		'<blockquote><p><strong>Note:</strong> Returns are free.</p><p>Second paragraph.</p></blockquote>' +
		'<blockquote><p>Remarque : les retours sont gratuits.</p></blockquote>' +
		'<blockquote><p>Error: the quoted message stays a quote.</p></blockquote>',
	tabs:
		'<h2>Install</h2><div data-tabs><div data-tab-title="Windows"><p>Run the installer.</p></div><div data-tab-title="macOS"><ol><li>Open the disk image.</li></ol></div></div>' +
		'<div class="tabs-container"><ul role="tablist"><li role="tab">Card</li><li role="tab">Transfer</li></ul><div role="tabpanel"><p>Pay by card.</p></div><div role="tabpanel"><p>Pay by transfer.</p></div></div>' +
		'<div class="tabbed-set"><input id="t1" type="radio"><label for="t1">Parcel</label><input id="t2" type="radio"><label for="t2">Letter</label><div class="tabbed-content"><div class="tabbed-block"><p>Up to 30 kg.</p></div><div class="tabbed-block"><p>Up to 2 kg.</p></div></div></div>',
	embeds:
		'<figure><img src="https://old.example/box.png" alt="A box"><figcaption>The box, closed.</figcaption></figure>' +
		'<video controls src="https://old.example/media/unboxing.mp4"></video><audio controls><source src="https://old.example/media/greeting.mp3"></audio>' +
		'<video src="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></video><iframe src="https://docs.example.com/embed/form" title="Return form"></iframe>' +
		'<figure><iframe src="https://boards.example.com/embed/42"></iframe><figcaption>Sizing board</figcaption></figure>',
	tables:
		'<table><tr><td><h3>Shipping</h3><ul><li>Fast</li><li>Cheap</li></ul></td><td><p>First.</p><p>Second.</p><img src="https://old.example/truck.png" alt="A truck"></td></tr></table>' +
		'<table><thead><tr><th>Zone</th><th>Price</th></tr></thead><tbody><tr><td>EU | UK</td><td>5 €<br>10 € express</td></tr><tr><td><p>World</p></td><td><p>15 €</p></td></tr></tbody></table>',
	emptyLinks: '<div class="card"><a href="https://example.com/sizes"></a><img src="https://old.example/s.png" alt="Sizes"> <span>Size guide</span></div><p>Hidden <a href="https://example.com/x"></a>link.</p>',
};

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

	it('drops HTML comments, which MDX cannot read', () => {
		const { mdx } = htmlToMdx(fixtures.comments, context);
		expect(mdx).toBe('Before after.\n\n- One\n');
	});

	it('escapes < and braces in text, links, headings, tables and alt text, and keeps code verbatim at any indentation', () => {
		const { mdx } = htmlToMdx(fixtures.braces, context);
		expect(mdx).toContain('## Sizes \\<S> and \\{M\\}');
		expect(mdx).toContain('Pay \\<5 € or \\{10 €\\}. See [the \\<b> tag \\{docs\\}](https://example.com).');
		expect(mdx).toContain('![Size \\<M> \\{chart\\}](/images/articles/test/a.png)');
		expect(mdx).toContain('| `a\\|b` | x \\< y \\{z\\} |');
		expect(mdx).toContain('1. Run:\n   ```\n   if (a < b) { go(); }\n     <tag/>\n   ```\n2. Then `{x}`');
		expect(mdx).toContain('> ```\n> const o = {a: 1};\n> ```');
	});

	it('keeps the ids links point to as anchors, follows ids made by other slug rules, and unlinks what points nowhere', () => {
		const { mdx, notes, anchors } = htmlToMdx(fixtures.anchors, { ...context, anchorTargets: new Set(['shared']) });
		expect(mdx).toBe(
			'[Opening](#ser_open), [fees](#fees), [returns](#returns), [tracking](#track-it-online), lost, [packing](#pack).\n\n' +
				'<a id="ser_open"></a>\n\n## Open the port\n\nText.\n\n## Returns\n\n<a id="fees"></a>Fees apply.\n\n' +
				'### Track it (online)\n\n<a id="shared"></a>Linked from another article.\n\nNobody links here.\n\n- <a id="pack"></a>Pack it well.\n',
		);
		expect(notes.anchorsRemoved).toEqual(['#nowhere']);
		expect([...anchors].sort()).toEqual(['fees', 'open-the-port', 'pack', 'returns', 'ser_open', 'shared', 'track-it-online']);
	});

	it('turns GFM and Word footnotes into Markdown footnotes, without their back links', () => {
		const { mdx, notes } = htmlToMdx(fixtures.footnotes, context);
		expect(mdx).toBe('Delivery takes two days[^1] in town.\n\nWord says[^2] so.\n\n[^1]: Working days only.\n\n[^2]: Except on Sundays.\n');
		expect(notes.anchorsRemoved).toEqual([]);
	});

	it('turns callouts of every shape into <Callout>, with their lists, code and images', () => {
		const { mdx } = htmlToMdx(fixtures.callouts, context);
		expect(mdx).toContain('<Callout type="warning">\n\nUnplug first:\n\n- Cable\n- Power\n\n```\nreset --all\n```\n\n![A plug](/images/articles/test/plug.png)\n\n</Callout>');
		expect(mdx).toContain('<Callout type="tip">\n\nKeep the box.\n\n</Callout>');
		expect(mdx).toContain('<Callout type="note">\n\nLabels print in black.\n\n</Callout>');
		expect(mdx).toContain('<Callout type="warning">\n\nNever ship batteries by air.\n\n</Callout>');
		expect(mdx).toContain('<Callout type="note">\n\nReturns are free.\n\nSecond paragraph.\n\n</Callout>');
		expect(mdx).toContain('<Callout type="note">\n\nles retours sont gratuits.\n\n</Callout>');
		expect(mdx).toContain('> Error: the quoted message stays a quote.');
	});

	it('writes tab sets as their panels in turn, each under its title in bold', () => {
		const { mdx } = htmlToMdx(fixtures.tabs, context);
		expect(mdx).toBe('## Install\n\n**Windows**\n\nRun the installer.\n\n**macOS**\n\n1. Open the disk image.\n\n**Card**\n\nPay by card.\n\n**Transfer**\n\nPay by transfer.\n\n**Parcel**\n\nUp to 30 kg.\n\n**Letter**\n\nUp to 2 kg.\n');
	});

	it('keeps figure captions, and links audio and video files on lines of their own', () => {
		const { mdx } = htmlToMdx(fixtures.embeds, context);
		expect(mdx).toBe(
			'![A box](/images/articles/test/box.png)\n\nThe box, closed.\n\n[unboxing.mp4](https://old.example/media/unboxing.mp4)\n\n[greeting.mp3](https://old.example/media/greeting.mp3)\n\n' +
				'<Video src="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Delivery times" />\n\n[Return form](https://docs.example.com/embed/form)\n\n[Sizing board](https://boards.example.com/embed/42)\n',
		);
	});

	it('unwraps layout tables into their blocks and keeps data tables as tables, line breaks and pipes included', () => {
		const { mdx } = htmlToMdx(fixtures.tables, context);
		expect(mdx).toBe(
			'## Shipping\n\n- Fast\n- Cheap\n\nFirst.\n\nSecond.\n\n![A truck](/images/articles/test/truck.png)\n\n' +
				'| Zone     | Price                 |\n| -------- | --------------------- |\n| EU \\| UK | 5 €<br />10 € express |\n| World    | 15 €                  |\n',
		);
	});

	it('gives a link with no text, stretched over a card, the card\'s text, and removes one with nothing to show', () => {
		const { mdx } = htmlToMdx(fixtures.emptyLinks, context);
		expect(mdx).toBe('![Sizes](/images/articles/test/s.png) [Size guide](https://example.com/sizes)\n\nHidden link.\n');
	});

	it('writes MDX that compiles and passes the check for every fixture', () => {
		for (const [name, html] of Object.entries(fixtures)) {
			const { mdx } = htmlToMdx(html, { ...context, anchorTargets: new Set(['shared']) });
			const source = { file: `content/en/test/${name}.mdx`, locale: 'en', category: 'test', slug: name, extension: 'mdx' as const, data: {}, keyLines: new Map(), body: mdx, bodyLine: 1 };
			const problems = findMdxProblems(source);
			expect(problems, `${name}:\n${mdx}`).toEqual([]);
		}
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
				'{% embed url="https://vimeo.com/1" %}\n\n{% page-ref page="../setup/first-steps.md" %}\n\n## Custom {#my-id}\n\nText {: .lead}\n\n{% include note.html %}\n\n```\n:::note\n```\n\n<Tabs>\n<TabItem label="A">\n\nIn A\n\n</TabItem>\n</Tabs>\n\n<Badge>kept</Badge>\n',
			{ mdx: true },
		);
		expect(heading).toBe('Page title');
		expect(html).not.toContain('<h1');
		expect(html).toContain('<aside data-callout="warning">\n<p>Hot.</p>');
		expect(html).toContain('<aside data-callout="tip">\n<p>Done.</p>');
		expect(html).toContain('<aside data-callout="note">\n<p><strong>Heads up</strong></p>\n<p>Indented.</p>');
		expect(html).toContain('<div data-tabs="">\n<div data-tab-title="One">\n<p>First.</p>\n</div>\n<div data-tab-title="Two">\n<p>Second.</p>\n</div>\n</div>');
		expect(html).toContain('<iframe src="https://vimeo.com/1"></iframe>');
		// Template code quoted in inline code is an example, not a tag to run or drop.
		const quoted = markdownToHtml('A loop: `{% for item in items %} … {% endfor %}`, ``a `{% if x %}` b``, then {% mystery %} here.\n', { mdx: false });
		expect(quoted.html).toContain('<code>{% for item in items %} … {% endfor %}</code>, <code>a `{% if x %}` b</code>, then  here.');
		expect(quoted.unknownTags).toEqual(['mystery']);
		// GitBook's older page card: a link the import resolves to the article, named after the file meanwhile.
		expect(html).toContain('<p><a href="../setup/first-steps.md">First steps</a></p>');
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

describe('Markdown translations kept on git branches', () => {
	it('reads each branch as a language folder: translations by path, dates from each branch, images, and nothing left behind', async () => {
		const repo = mkdtempSync(join(tmpdir(), 'import-branches-'));
		const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', ...args], { env: { ...process.env, GIT_COMMITTER_DATE: currentDate, GIT_AUTHOR_DATE: currentDate } });
		let currentDate = '2026-03-01T10:00:00Z';
		const write = (path: string, text: string | Buffer) => {
			mkdirSync(join(repo, path, '..'), { recursive: true });
			writeFileSync(join(repo, path), text);
		};
		execFileSync('git', ['init', '-q', '-b', 'main', repo]);
		write('docs/Orders/track-a-parcel.md', '---\ntitle: Track a parcel you ordered\n---\n\nOpen the link in the e-mail we send when the parcel leaves.\n\n![The tracking page](img/tracking.png)\n');
		write('docs/Orders/img/tracking.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'));
		git('add', '.');
		git('commit', '-q', '-m', 'English');
		git('checkout', '-q', '-b', 'french');
		currentDate = '2026-04-02T10:00:00Z';
		write('docs/Orders/track-a-parcel.md', '---\ntitle: Suivre un colis commandé\n---\n\nOuvrez le lien de l’e-mail envoyé au départ du colis.\n\n![La page de suivi](img/tracking.png)\n');
		git('commit', '-q', '-am', 'Français');
		git('checkout', '-q', 'main');

		const folders = await languageFoldersFromBranches(join(repo, 'docs'), 'en', new Map([['fr', 'french']]));
		try {
			const source = await readMarkdownFolder(folders.folder, { locale: 'en', dates: folders.dates });
			const pages = source.articles.map((article) => ({ locale: article.sourceLocale, title: article.title, group: article.group, updated: article.updated?.toISOString().slice(0, 10) }));
			expect(pages).toEqual([
				{ locale: 'en', title: 'Track a parcel you ordered', group: expect.any(String), updated: '2026-03-01' },
				{ locale: 'fr', title: 'Suivre un colis commandé', group: pages[0]?.group, updated: '2026-04-02' },
			]);
			const fixture = makeContentFixture();
			const report = await runImport({ root: fixture.root, source, mediaDir: folders.folder, timeoutMs: 1000 });
			expect(report.refused).toEqual([]);
			const [english, french] = report.articles;
			expect(french?.images).toHaveLength(1);
			expect(readFileSync(join(fixture.root, french?.file ?? ''), 'utf8')).toContain(`translationKey: ${english?.file.split('/').pop()?.replace('.mdx', '')}`);
		} finally {
			folders.dispose();
		}
		expect(existsSync(folders.folder)).toBe(false);
		await expect(languageFoldersFromBranches(join(repo, 'docs'), 'en', new Map([['fr', 'no-such-branch']]))).rejects.toThrow(/--branch fr=no-such-branch: git could not read docs\//);
	}, 30_000);
});

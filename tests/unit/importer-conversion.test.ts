import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../scripts/lib/import/csv';
import { htmlToMdx, type ConvertContext } from '../../scripts/lib/import/html-to-mdx';
import { mapLocale } from '../../scripts/lib/import/locale-map';
import { altFromFileName, describe as describeArticle, fitTitle, pickIcon } from '../../scripts/lib/import/text';
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

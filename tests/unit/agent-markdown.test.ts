import { describe, expect, it } from 'vitest';
import { articleMarkdown, MarkdownTwinError, mdxToMarkdown } from '../../src/agents/markdown';
import { markdownToPlainText } from '../../src/agents/plain-text';
import { site } from '../../src/config/site';

const siteUrl = site.siteUrl.replace(/\/$/, '');

describe('mdxToMarkdown', () => {
	it('turns a callout into a quote with its label in the article’s language', () => {
		expect(mdxToMarkdown('<Callout type="warning">Check the label.</Callout>', 'en')).toBe('> **Warning**\n> Check the label.');
		expect(mdxToMarkdown('<Callout type="tip">\nUne ligne.\n\nUne autre.\n</Callout>', 'fr')).toBe('> **Astuce**\n> Une ligne.\n>\n> Une autre.');
		expect(mdxToMarkdown('<Callout>Plain.</Callout>', 'en')).toBe('> **Note**\n> Plain.');
	});

	it('turns the embedded order lookup into a link to the tracking page, with an absolute address', () => {
		expect(mdxToMarkdown('<OrderLookup />', 'fr')).toMatch(/^\[Suivre une commande\]\(https:\/\/[^)]+\/fr\/suivi\): /);
	});

	it('turns an embedded video into a link to its page', () => {
		expect(mdxToMarkdown('<Video src="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Folding a fitted sheet" />', 'en')).toBe(
			'[Watch “Folding a fitted sheet” on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
		);
	});

	it('keeps the list inside Steps and drops the wrapper', () => {
		expect(mdxToMarkdown('Intro.\n\n<Steps>\n\n1. One.\n2. Two.\n\n</Steps>\n\nAfter.', 'en')).toBe('Intro.\n\n1. One.\n2. Two.\n\nAfter.');
	});

	it('writes the contact box as a heading, the reply time and links', () => {
		const markdown = mdxToMarkdown('<ContactCta />', 'fr');
		expect(markdown).toContain('## Besoin d’aide supplémentaire ?');
		expect(markdown).toContain(`- [Nous écrire](mailto:${site.contact.email})`);
		expect(markdown).toContain(`${site.contact.replyWithinHours} heures`);
	});

	it('gives site links and images their full address, and leaves other links and code blocks alone', () => {
		const body = '[Returns](/en/returns-refunds/return-policy#refunds) ![A label](/images/a.svg) [Shop](https://shop.test/x)\n\n```mdx\n<Callout>[x](/y)</Callout>\n```';
		expect(mdxToMarkdown(body, 'en')).toBe(
			`[Returns](${siteUrl}/en/returns-refunds/return-policy#refunds) ![A label](${siteUrl}/images/a.svg) [Shop](https://shop.test/x)\n\n\`\`\`mdx\n<Callout>[x](/y)</Callout>\n\`\`\``,
		);
	});

	it('keeps what is text as written: inline code, escapes, fences at any indentation', () => {
		const cases = [
			'Start with `#include <SPI.h>` and stop with `kill <PID>`.',
			'Save it as \\<Sketch name>.ino.',
			'1. Open a terminal.\n\n   ```sh\n   kill <PID>\n   <Callout>not a component</Callout>\n   ```\n\n2. Done.',
			'Text with <kbd>Ctrl</kbd> in it.',
		];
		for (const body of cases) expect(mdxToMarkdown(body, 'en')).toBe(body);
	});

	it('renders a component it does not know as its text, and a video it cannot link as its title', () => {
		expect(mdxToMarkdown('Before.\n\n<Sketch>\nThe **text** inside.\n</Sketch>\n\nAfter.', 'en')).toBe('Before.\n\nThe **text** inside.\n\nAfter.');
		expect(mdxToMarkdown('Press <Key>Enter</Key> twice.', 'en')).toBe('Press Enter twice.');
		expect(mdxToMarkdown('<Video src="/a.mp4" title="Folding" />', 'en')).toBe('Folding');
	});

	it('leaves out code an article cannot show: imports, exports and comments', () => {
		expect(mdxToMarkdown("import X from './x.astro';\n\nText {/* a note for editors */} here.", 'en')).toBe('Text  here.');
	});

	it('renders components inside components and keeps site links inside them absolute', () => {
		expect(mdxToMarkdown('<Callout type="tip">\nSee [returns](/en/returns) and <Key>Esc</Key>.\n</Callout>', 'en')).toBe(
			`> **Tip**\n> See [returns](${siteUrl}/en/returns) and Esc.`,
		);
	});

	it('refuses MDX that does not compile, naming the file and the place', () => {
		expect(() => mdxToMarkdown('Refunds in <5 days.', 'en', 'content/en/a/b.mdx')).toThrow(MarkdownTwinError);
		expect(() => mdxToMarkdown('Refunds in <5 days.', 'en', 'content/en/a/b.mdx')).toThrow(/content\/en\/a\/b\.mdx:1:12/);
	});
});

describe('articleMarkdown', () => {
	it('puts the title, summary, date and address before the text, and the FAQ after it', () => {
		const markdown = articleMarkdown({
			title: 'Refund timing',
			description: 'When the money is back.',
			updated: new Date('2026-10-12'),
			locale: 'en',
			url: '/en/returns-refunds/refund-timing',
			body: 'Five days.',
			faq: [{ question: 'Why so long?', answer: 'Banks.' }],
		});
		expect(markdown).toBe(
			`# Refund timing\n\n> When the money is back.\n\nLast updated: 2026-10-12  \nSource: ${siteUrl}/en/returns-refunds/refund-timing\n\nFive days.\n\n## Frequently asked questions\n\n### Why so long?\n\nBanks.\n`,
		);
	});
});

describe('markdownToPlainText', () => {
	it('keeps the words and the order of steps, and drops the markup', () => {
		const markdown = '## Heading\n\n> **Tip**\n> Use *one* [label](https://x.test).\n\n1. First `step`.\n- Item with ![a picture](/p.svg)\n\n| Size | EU |\n| --- | --- |\n| S | 36 |';
		expect(markdownToPlainText(markdown)).toBe('Heading\n\nTip\nUse one label.\n\n1. First step.\n- Item with a picture\n\nSize | EU\nS | 36');
	});

	it('drops underscore emphasis and backslash escapes, and keeps underscores inside words', () => {
		const markdown = 'Open _Tools_ then __Board__: file\\_name and snake_case_word stay; \\<5 days, \\{x\\}, 2 \\* 3.';
		expect(markdownToPlainText(markdown)).toBe('Open Tools then Board: file_name and snake_case_word stay; <5 days, {x}, 2 * 3.');
	});
});

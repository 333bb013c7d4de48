import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/content-checks/check-content';
import { articleComponents } from '../../src/content-checks/article-components';
import { readContent } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { makeContentFixture, type ContentFixture } from '../support/content-fixture';

/** The frontmatter of every article below: six lines, so the body starts on line 7. */
const frontmatter =
	'---\ntitle: An article of the test\ndescription: A description long enough for the schema of articles to accept it.\nupdated: 2026-10-01\norder: 5\n---\n';
const bodyLine = 7;

/** MDX the build refuses, each with where `npm run check` must point and what it must say. */
const refused: { name: string; body: string; line: number; column: number; message: RegExp; fix: RegExp }[] = [
	{
		name: 'an unclosed component',
		body: 'Intro.\n\n<Callout type="tip">\nKeep the label.\n',
		line: 2,
		column: 1,
		message: /<Callout> is not closed/,
		fix: /add <\/Callout>/i,
	},
	{
		name: 'a "<" before a number in a sentence',
		body: 'Refunds arrive in <5 days.\n',
		line: 0,
		column: 19,
		message: /A "<" starts a tag in MDX/,
		fix: /less than 5 days.*\\<5 days/,
	},
	{
		name: 'a component with the wrong case',
		body: 'Still stuck?\n\n<ContactCTA />\n',
		line: 2,
		column: 1,
		message: /<ContactCTA> is not a component/,
		fix: /did you mean <ContactCta \/>\?/i,
	},
	{
		name: 'a component that does not exist',
		body: 'Look:\n\n<Warning>Careful.</Warning>\n',
		line: 2,
		column: 1,
		message: /<Warning> is not a component/,
		fix: /Callout, Steps, ContactCta, Video, OrderLookup/,
	},
	{
		name: 'an HTML comment',
		body: 'Text.\n\n<!-- check with the warehouse -->\n',
		line: 2,
		column: 1,
		message: /HTML comments are not allowed in MDX/,
		fix: /\{\/\* … \*\/\}/,
	},
	{
		name: 'a stray "{"',
		body: 'Use the code {SUMMER for 10%.\n',
		line: 0,
		column: 14,
		message: /"\{" starts an expression in MDX/,
		fix: /\\\{/,
	},
	{
		name: 'closing tags in the wrong order',
		body: '<Steps>\n<Callout>\n1. One.\n</Steps>\n</Callout>\n',
		line: 3,
		column: 1,
		message: /<\/Steps> closes a component that is not open here/,
		fix: /<\/Callout>/,
	},
];

/** Valid content the old Markdown twin refused: the check must let it through. */
const accepted: { name: string; body: string }[] = [
	{ name: 'a "<" inside inline code', body: 'Start the sketch with `#include <SPI.h>` and stop it with `kill <PID>`.\n' },
	{ name: 'an escaped "<"', body: 'Save it as \\<Sketch name>.ino, then upload it.\n' },
	{ name: 'a fence indented in a list item', body: '1. Open a terminal.\n\n   ```sh\n   kill <PID>\n   ```\n\n2. Done.\n' },
	{ name: 'an MDX comment', body: 'Text.\n\n{/* check with the warehouse */}\n' },
];

async function check(fixture: ContentFixture) {
	return checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir);
}

const fileOf = (index: number) => `content/en/shipping/mdx-case-${index + 1}.mdx`;

describe('npm run check compiles MDX', () => {
	for (const [index, mistake] of refused.entries()) {
		it(`reports ${mistake.name} with the file, the line, the column and a fix`, async () => {
			const fixture = makeContentFixture();
			fixture.write(fileOf(index), `${frontmatter}${mistake.body}`);
			const problems = await check(fixture);
			expect(problems, formatProblems(problems)).toHaveLength(1);
			const [problem] = problems;
			expect(problem).toMatchObject({ file: fileOf(index), line: bodyLine + mistake.line, column: mistake.column });
			expect(problem?.message).toMatch(mistake.message);
			expect(problem?.fix).toMatch(mistake.fix);
		});
	}

	for (const valid of accepted) {
		it(`accepts ${valid.name}`, async () => {
			const fixture = makeContentFixture();
			fixture.write(fileOf(0), `${frontmatter}${valid.body}`);
			expect(formatProblems(await check(fixture))).toBe('');
		});
	}

	it('reports every broken file in one run, each at its own place', async () => {
		const fixture = makeContentFixture();
		for (const [index, mistake] of refused.entries()) fixture.write(fileOf(index), `${frontmatter}${mistake.body}`);
		const report = formatProblems(await check(fixture));
		for (const [index, mistake] of refused.entries()) {
			expect(report).toContain(`${fileOf(index)}:${bodyLine + mistake.line}:${mistake.column}  `);
		}
	});

	it('leaves Markdown (.md) articles alone: "<" and "{" are text there', async () => {
		const fixture = makeContentFixture();
		fixture.write('content/en/shipping/plain.md', `${frontmatter}Refunds arrive in <5 days {usually}.\n`);
		expect(formatProblems(await check(fixture))).toBe('');
	});
});

describe('the components articles may use', () => {
	it('are the ones the article page passes to MDX', () => {
		const page = readFileSync(new URL('../../src/pages/[locale]/[category]/[slug].astro', import.meta.url), 'utf8');
		const passed = /<Content components=\{\{([^}]*)\}\}/.exec(page)?.[1]?.split(',').map((name) => name.trim());
		expect(passed).toEqual([...articleComponents]);
	});
});

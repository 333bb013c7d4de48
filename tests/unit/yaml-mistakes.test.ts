import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/content-checks/check-content';
import { readContent } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { makeContentFixture } from '../support/content-fixture';

const file = 'content/en/shipping/returns.mdx';

/** Checks the fixture with one more article whose frontmatter is `yaml`; lines are counted from its "---". */
async function checkFrontmatter(yaml: string) {
	const fixture = makeContentFixture();
	fixture.write(file, `---\n${yaml}\n---\n\nSend it back within 30 days.\n`);
	return checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir);
}

const valid = 'description: How to send an order back and when the money comes back to you.\nupdated: 2026-10-01';

const mistakes = {
	'an unquoted ": " in a value': {
		yaml: `title: Returns: how it works\n${valid}`,
		line: 2,
		message: 'The value of "title" contains ": ", which YAML reads as a new field.',
		fix: 'Put the value in quotes: title: "Returns: how it works"',
	},
	'a tab used for indentation': {
		yaml: `title: Returns\n${valid}\nkeywords:\n\t- refund`,
		line: 6,
		message: 'This line is indented with a tab; YAML only accepts spaces.',
		fix: 'Replace the tab at the start of the line with spaces, two for each level.',
	},
	'an unclosed quote': {
		yaml: `title: "Returns and refunds\n${valid}`,
		line: 2,
		message: 'The value of "title" opens a quote (") that is not closed on its line, so YAML reads the next lines as part of it.',
		fix: 'End the value with " on the same line: title: "Returns and refunds"',
	},
	'a line that is not "field: value"': {
		yaml: `title: Returns\nSend it back within 30 days\n${valid}`,
		line: 3,
		message: 'This line is not a "field: value" line: "Send it back within 30 days".',
		fix: 'Write it as "field: value", join it to the value of the line above, or delete it.',
	},
	'a duplicate field': {
		yaml: `title: Returns\n${valid}\ntitle: Refunds`,
		line: 5,
		message: 'The field "title" is written twice (first on line 2).',
		fix: 'Keep one "title" line and delete the other.',
	},
};

describe('YAML mistakes in frontmatter', () => {
	for (const [name, mistake] of Object.entries(mistakes)) {
		it(`reports ${name} at its line, in plain words, with the fix`, async () => {
			const problems = await checkFrontmatter(mistake.yaml);
			expect(problems, formatProblems(problems)).toEqual([
				expect.objectContaining({ file, line: mistake.line, message: mistake.message, fix: mistake.fix }),
			]);
		});
	}

	it('reports a mistake in a category file at its line', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/_category.yaml', (text) => text.replace('title: Shipping', 'title: Shipping: where and when'));
		const problems = checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir);
		expect(problems).toContainEqual(
			expect.objectContaining({ file: 'content/en/shipping/_category.yaml', line: 1, fix: 'Put the value in quotes: title: "Shipping: where and when"' }),
		);
	});
});

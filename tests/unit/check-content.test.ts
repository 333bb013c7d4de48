import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/content-checks/check-content';
import { readContent, rereadContentFile } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { contentMistakes, makeContentFixture, type ContentFixture } from '../support/content-fixture';

async function check(fixture: ContentFixture) {
	const site = readSiteConfig(fixture.root);
	return checkContent(await readContent(fixture.root), site, fixture.publicDir);
}

describe('checkContent', () => {
	it('finds nothing wrong in a valid help center', async () => {
		expect(await check(makeContentFixture())).toEqual([]);
	});

	it('passes the demo content clean', async () => {
		const root = join(import.meta.dirname, '../..');
		const site = readSiteConfig(root);
		const problems = checkContent(await readContent(root), site, join(root, 'public'));
		expect(formatProblems(problems)).toBe('');
	});

	for (const [name, mistake] of Object.entries(contentMistakes)) {
		it(`reports ${name} with the file, the field and a fix`, async () => {
			const fixture = makeContentFixture();
			mistake.apply(fixture);
			const problems = await check(fixture);
			// One mistake is reported in its own file only; other files are not blamed for it.
			expect(problems.map((p) => p.file)).toEqual(problems.map(() => mistake.file));
			const problem = problems.find((candidate) => mistake.message.test(candidate.message));
			expect(problem, formatProblems(problems)).toBeDefined();
			if (mistake.field) expect(problem?.field).toBe(mistake.field);
			expect(problem?.fix.length).toBeGreaterThan(10);
			expect(problem?.line).toBeGreaterThan(0);
		});
	}

	it('lists every mistake of the table in content/README.md', () => {
		const readme = readFileSync(join(import.meta.dirname, '../../content/README.md'), 'utf8');
		const rows = new Set([...readme.matchAll(/^\| ([^|]+?) \|/gm)].map((match) => match[1]!));
		for (const name of Object.keys(contentMistakes)) expect(rows, name).toContain(name);
	});

	it('points a broken link at its line and column', async () => {
		const fixture = makeContentFixture();
		contentMistakes['a broken internal link'].apply(fixture);
		const [problem] = await check(fixture);
		// Line 9 of customs.md, column of the link's opening bracket.
		expect(problem).toMatchObject({ line: 9, column: 52 });
	});

	it('points each of several broken links in one article at its own line and column', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) => `${text}\nSee [one](/en/nowhere-1) and [two](/en/nowhere-2).\n\n\n  [three](/en/nowhere-3)\n`);
		const lines = readFileSync(join(fixture.root, 'content/en/shipping/customs.md'), 'utf8').split('\n');
		const lineOf = (target: string) => lines.findIndex((line) => line.includes(target)) + 1;
		const problems = await check(fixture);
		// Columns of each link's opening bracket: "See [one]…[two]…" and "  [three]".
		expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([
			{ line: lineOf('/en/nowhere-1'), column: 5 },
			{ line: lineOf('/en/nowhere-2'), column: 30 },
			{ line: lineOf('/en/nowhere-3'), column: 3 },
		]);
		expect(lineOf('/en/nowhere-3') - lineOf('/en/nowhere-1')).toBe(3);
	});

	it('accepts links to the self-service pages in their own language, and only those', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) => `${text}\nTrack it on [our tracking page](/en/track) or [en français](/fr/suivi).\n`);
		expect(await check(fixture)).toEqual([]);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace('/fr/suivi', '/fr/track'));
		const [problem, ...others] = await check(fixture);
		expect(others).toEqual([]);
		expect(problem?.message).toMatch(/Broken link: \/fr\/track is not a page/);
	});

	it('reads anchors as the page has them: heading ids as Astro makes them, <a id> anchors, and no links inside code', async () => {
		const fixture = makeContentFixture();
		fixture.edit(
			'content/en/shipping/delivery-times.mdx',
			(text) =>
				`${text}\n## The ser_open setting\n\n<a id="fees"></a>\n\n<a id="found-{n}"></a>\n\nSee [the setting](#the-ser_open-setting), [fees](#fees) and [found](#found-%7Bn%7D).\n\n` +
				'1. Write:\n\n   ```\n   [not a link](#nowhere) <img src="/nowhere.png">\n   ```\n\n2. Or `[inline](#nowhere-either)`.\n',
		);
		expect(formatProblems(await check(fixture))).toBe('');
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => `${text}\n[outside code](#nowhere)\n`);
		const problems = await check(fixture);
		expect(problems.map((problem) => problem.message)).toEqual(['Broken link: no heading or anchor in this article matches "#nowhere".']);
	});

	it('reports a broken anchor to a heading that does not exist', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('#who-pays', '#who-pay'));
		const [problem] = await check(fixture);
		expect(problem?.message).toMatch(/has no heading matching "#who-pay"/);
		expect(problem?.fix).toContain('#who-pays');
	});

	it('reports an image that does not exist', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('/images/parcel.svg', '/images/box.svg'));
		const [problem] = await check(fixture);
		expect(problem?.message).toMatch(/\/images\/box.svg does not exist/);
	});

	it('reports a description that is too long, naming the field', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) =>
			text.replace(/description: .*/, `description: ${'Far too long. '.repeat(20)}`),
		);
		const [problem] = await check(fixture);
		expect(problem).toMatchObject({ field: 'description', line: 3 });
		expect(problem?.fix).toMatch(/160 characters/);
	});

	it('accepts a title longer than search engines show, with a warning saying what seoTitle to write', async () => {
		const fixture = makeContentFixture();
		const long = 'Customs duties and taxes on parcels sent outside the European Union';
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/title: .*/, `title: ${long}`));
		const problems = await check(fixture);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', field: 'title', line: 2, message: expect.stringMatching(/has 67 characters/), fix: expect.stringContaining('seoTitle: Customs duties and taxes on parcels sent outside the European') }),
		]);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/title: .*/, `title: ${long}\nseoTitle: Customs duties and taxes outside the EU`));
		expect(await check(fixture)).toEqual([]);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/seoTitle: .*/, `seoTitle: ${long}`));
		expect(await check(fixture)).toEqual([expect.objectContaining({ field: 'seoTitle', fix: expect.stringMatching(/65 characters/) })]);
	});

	it('accepts a short title with a warning, and refuses one over 150 characters', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/title: .*/, 'title: Customs'));
		expect(await check(fixture)).toEqual([expect.objectContaining({ severity: 'warning', field: 'title', message: expect.stringMatching(/"Customs" is short/) })]);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/title: .*/, `title: ${'Customs '.repeat(20)}`));
		expect(await check(fixture)).toEqual([expect.objectContaining({ field: 'title', fix: expect.stringMatching(/under 150 characters/) })]);
	});

	it('reports a brand colour pair that misses WCAG AA, with its ratio', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/site.yaml', (text) => text.replace('primary: "#1e5b47"', 'primary: "#8fbfae"'));
		const problems = await check(fixture);
		expect(problems.map((p) => p.message)).toContainEqual(
			expect.stringMatching(/^primary \(#8fbfae\) on background \(#fbfaf7\) has a contrast ratio of 1\.\d\d:1; WCAG AA needs 4\.5:1\.$/),
		);
		expect(problems[0]?.field).toBe('brand.colors.light');
	});

	it('reports a redirect that would hide a live page', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace('updated:', 'redirectFrom: [/en/shipping/delivery-times]\nupdated:'));
		const [problem] = await check(fixture);
		expect(problem).toMatchObject({ field: 'redirectFrom' });
		expect(problem?.message).toMatch(/live page/);
	});

	it('treats drafts as unpublished: a link to a draft is broken', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('updated:', 'draft: true\nupdated:'));
		const problems = await check(fixture);
		expect(problems.map((p) => p.file)).toContain('content/en/shipping/customs.md');
	});
});

describe('rereadContentFile (npm run dev checks again on every save)', () => {
	it('sees a saved mistake, its fix, a new and a deleted file, and keeps every other file as it was read', async () => {
		const fixture = makeContentFixture();
		const site = readSiteConfig(fixture.root);
		const start = await readContent(fixture.root);
		const mistake = contentMistakes['an unknown category'];
		mistake.apply(fixture);
		const broken = rereadContentFile(start, mistake.file);
		expect(formatProblems(checkContent(broken, site, fixture.publicDir))).toMatch(mistake.message);
		// The other files' entries are the ones read at the start, so their checks are not repeated.
		const untouched = (sources: typeof start) => sources.articles.filter((article) => article.file !== mistake.file);
		expect(untouched(broken)).toEqual(untouched(start));
		untouched(broken).forEach((article, index) => expect(article).toBe(untouched(start)[index]));

		fixture.write(mistake.file, readFileSync(join(import.meta.dirname, '../fixtures', mistake.file), 'utf8'));
		const fixed = rereadContentFile(broken, mistake.file);
		expect(checkContent(fixed, site, fixture.publicDir)).toEqual([]);

		fixture.write('content/en/shipping/a-new-page.md', '---\ntitle: A page written while previewing\ndescription: It links to a page that is not there, which the check must see at once.\nupdated: 2026-10-01\n---\n\nSee [this](/en/shipping/nowhere).\n');
		const added = rereadContentFile(fixed, 'content/en/shipping/a-new-page.md');
		expect(added.articles.map((article) => article.file)).toEqual((await readContent(fixture.root)).articles.map((article) => article.file));
		expect(formatProblems(checkContent(added, site, fixture.publicDir))).toContain('content/en/shipping/a-new-page.md:7:5  Broken link: /en/shipping/nowhere');

		rmSync(join(fixture.root, 'content/en/shipping/a-new-page.md'));
		expect(checkContent(rereadContentFile(added, 'content/en/shipping/a-new-page.md'), site, fixture.publicDir)).toEqual([]);
	});
});

describe('formatProblems', () => {
	it('prints path:line:col, the field, the message and the fix', () => {
		expect(
			formatProblems([{ file: 'content/en/a.mdx', line: 3, column: 7, field: 'title', message: 'Too long.', fix: 'Shorten it.' }]),
		).toBe('content/en/a.mdx:3:7 [title]  Too long.  (Shorten it.)');
	});
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../scripts/lib/import/run-import';
import { Staging } from '../../scripts/lib/import/staging';
import { makeContentFixture } from '../support/content-fixture';
import { fixturesDir, runCheckCli, runImportCli, snapshotFiles } from '../support/import-project';

function writeTemp(name: string, text: string): string {
	const directory = mkdtempSync(join(tmpdir(), 'import-input-'));
	writeFileSync(join(directory, name), text);
	return join(directory, name);
}

/** Runs an import that must fail, and checks it says why and leaves content/ and public/ exactly as they were. */
async function expectRefused(args: string[], message: RegExp) {
	const fixture = makeContentFixture();
	const before = snapshotFiles(fixture.root);
	const result = await runImportCli(fixture.root, ...args);
	expect(result.status, result.stdout + result.stderr).toBe(1);
	expect(result.stderr).toMatch(message);
	expect(result.stderr).not.toMatch(/\n\s+at /);
	expect(snapshotFiles(fixture.root)).toEqual(before);
	expect(readdirSync(fixture.root).filter((name) => name.startsWith('.import-staging'))).toEqual([]);
}

describe('bad input stops the import with a clear message and changes nothing', () => {
	it('malformed JSON in a Zendesk export', async () => {
		const copy = mkdtempSync(join(tmpdir(), 'zendesk-bad-'));
		cpSync(join(fixturesDir, 'zendesk-export'), copy, { recursive: true });
		const articles = join(copy, 'articles/en-us.json');
		writeFileSync(articles, readFileSync(articles, 'utf8').slice(0, 2000));
		await expectRefused(['zendesk', copy], /articles\/en-us\.json is not valid JSON: .+Export it again/);
	});

	it('a Zendesk export without sections', async () => {
		const copy = mkdtempSync(join(tmpdir(), 'zendesk-bad-'));
		cpSync(join(fixturesDir, 'zendesk-export/articles'), join(copy, 'articles'), { recursive: true });
		await expectRefused(['zendesk', copy], /No section found .+sections\.json/);
	});

	it('malformed CSV', async () => {
		const file = writeTemp('broken.csv', 'article_title,article_body,category_title\n"Unclosed quote,<p>Text</p>,Shipping\n');
		await expectRefused(['csv', file], /broken\.csv is not a valid CSV file: .*Quote Not Closed.*line/i);
	});

	it('a CSV without the columns it needs, naming the columns it found and how to map them', async () => {
		const file = writeTemp('faq.csv', 'Question,Answer\nHow long does delivery take?,<p>Three to five working days in France.</p>\n');
		await expectRefused(['csv', file], /missing the column\(s\) for title \(article_title or title\), body .+ Its columns: Question, Answer\. .*--map "Your column=title"/);
	});

	it('an unreadable media folder', async () => {
		await expectRefused(['csv', join(fixturesDir, 'csv-import/articles.csv'), '--media', '/nonexistent/media'], /media folder \/nonexistent\/media cannot be read/);
	});

	it('a mapping to a field that does not exist', async () => {
		const file = writeTemp('faq.csv', 'Question,Answer\nQ,A\n');
		await expectRefused(['csv', file, '--map', 'Question=titel'], /"titel" is not a field/);
	});
});

describe('reported skips', () => {
	it('imports mapped columns and skips rows in a language the site does not have', async () => {
		const fixture = makeContentFixture();
		const file = writeTemp(
			'faq.csv',
			'Question,Answer,Language\n' +
				'How long does delivery to Corsica take?,<p>Parcels to Corsica take three to five working days with Colissimo.</p>,en\n' +
				'Wie lange dauert die Lieferung?,<p>Pakete brauchen drei bis fünf Werktage.</p>,de\n',
		);
		const result = await runImportCli(fixture.root, 'csv', file, '--map', 'Question=title', '--map', 'Answer=body', '--map', 'Language=locale', '--category', 'shipping', '--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.articles.map((article) => [article.file, article.status])).toEqual([['content/en/shipping/how-long-does-delivery-to-corsica-take.mdx', 'new']]);
		expect(report.skipped).toEqual([{ item: 'faq.csv row 3: "Wie lange dauert die Lieferung?" (de)', reason: expect.stringMatching(/^"de" is not one of the site's languages \(en, fr\)/) }]);
		expect(existsSync(join(fixture.root, 'content/de'))).toBe(false);
		expect((await runCheckCli(fixture.root)).status).toBe(0);
	});

	it('removes an image it cannot read or that is not an image, reports it, and still imports the article', async () => {
		const fixture = makeContentFixture();
		const media = mkdtempSync(join(tmpdir(), 'import-media-'));
		writeFileSync(join(media, 'label.png'), '<!doctype html><title>Sign in</title>');
		const file = writeTemp(
			'care.csv',
			'article_title,article_body,category_slug\n' +
				'Print your return label,"<p>Print the label from your account and stick it on the parcel.</p><p><img src=""label.png"" alt=""A label""><img src=""gone.png"" alt=""Gone""></p>",shipping\n',
		);
		const result = await runImportCli(fixture.root, 'csv', file, '--media', media, '--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.mediaNotFound).toEqual([
			{ file: 'content/en/shipping/print-your-return-label.mdx', src: 'label.png', reason: 'not an image' },
			{ file: 'content/en/shipping/print-your-return-label.mdx', src: 'gone.png', reason: `not found in the media folder ${media}` },
		]);
		const text = readFileSync(join(fixture.root, 'content/en/shipping/print-your-return-label.mdx'), 'utf8');
		expect(text).toContain('Print the label from your account');
		expect(text).not.toContain('![');
		expect((await runCheckCli(fixture.root)).status).toBe(0);
	});

	it('skips Zendesk items that do not have the documented shape, and takes images from --media', async () => {
		const fixture = makeContentFixture();
		const copy = mkdtempSync(join(tmpdir(), 'zendesk-item-'));
		cpSync(join(fixturesDir, 'zendesk-export'), copy, { recursive: true, filter: (source) => !source.endsWith('media') });
		const file = join(copy, 'articles/en-us.json');
		const page = JSON.parse(readFileSync(file, 'utf8')) as { articles: Record<string, unknown>[] };
		delete page.articles[3]?.['section_id'];
		writeFileSync(file, JSON.stringify(page));
		const result = await runImportCli(fixture.root, 'zendesk', copy, '--media', join(fixturesDir, 'zendesk-export/media'), '--timeout', '1', '--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.skipped).toContainEqual({ item: 'articles/en-us.json articles[3] (id 360001000004)', reason: expect.stringMatching(/^not a valid Zendesk article: section_id: /) });
		expect(report.articles.some((article) => article.source.id === '360001000004')).toBe(false);
		expect(report.articles.find((article) => article.url === '/en/order-tracking/where-is-my-parcel')?.images).toEqual(['/images/articles/where-is-my-parcel/tracking-page.png']);
		expect((await runCheckCli(fixture.root)).status).toBe(0);
	});

	it('writes nothing on a dry run', async () => {
		const fixture = makeContentFixture();
		const before = snapshotFiles(fixture.root);
		const result = await runImportCli(fixture.root, 'csv', join(fixturesDir, 'csv-import/articles.csv'), '--media', join(fixturesDir, 'csv-import/media'), '--dry-run');
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^Dry run, nothing written: would import 3 article\(s\) from CSV in en, fr: 3 new/);
		expect(snapshotFiles(fixture.root)).toEqual(before);
	});
});

describe('Staging', () => {
	function project() {
		const root = mkdtempSync(join(tmpdir(), 'staging-'));
		mkdirSync(join(root, 'content/en'), { recursive: true });
		writeFileSync(join(root, 'content/en/a.mdx'), 'original');
		// A file where a folder should be: moving content/en/blocked/x.mdx into place fails.
		writeFileSync(join(root, 'content/en/blocked'), 'not a folder');
		return root;
	}

	it('puts every file back when one move fails', async () => {
		const root = project();
		const before = snapshotFiles(root);
		const staging = await Staging.create(root);
		await staging.write('content/en/a.mdx', 'replaced');
		await staging.write('content/en/b.mdx', 'new');
		await staging.write('content/en/blocked/x.mdx', 'cannot land');
		await expect(staging.commit()).rejects.toThrow();
		expect(snapshotFiles(root)).toEqual(before);
		expect(existsSync(staging.dir)).toBe(false);
	});

	it('can undo a whole commit, removing the folders it created', async () => {
		const root = project();
		const before = snapshotFiles(root);
		const staging = await Staging.create(root);
		await staging.write('content/en/a.mdx', 'replaced');
		await staging.write('content/fr/new-category/c.mdx', 'new');
		const commit = await staging.commit();
		expect(readFileSync(join(root, 'content/en/a.mdx'), 'utf8')).toBe('replaced');
		await commit.rollback();
		expect(snapshotFiles(root)).toEqual(before);
		expect(existsSync(join(root, 'content/fr'))).toBe(false);
	});
});

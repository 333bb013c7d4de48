import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../scripts/lib/import/run-import';
import { Staging } from '../../scripts/lib/import/staging';
import { parseArticleText } from '../../src/content-checks/read-content';
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

/** A tiny PNG (1×1), enough to pass as an image. */
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** A title longer than the article schema takes (150 characters): the one mistake the conversion cannot mend. */
const overlongTitle = `Delivery to the islands${', by ferry or by air'.repeat(8)}`;

/**
 * Three CSV rows for the fixture's shipping category; the second one has a title the schema refuses, and an image
 * only it uses.
 */
function partialInput(secondTitle = overlongTitle) {
	const secondBody = '<p>Parcels to the islands leave on Tuesdays. Allow two more days.</p><p><img src=""ferry.png"" alt=""The ferry""></p>';
	const media = mkdtempSync(join(tmpdir(), 'import-media-'));
	writeFileSync(join(media, 'ferry.png'), png);
	const file = writeTemp(
		'articles.csv',
		'article_id,article_title,article_body,category_slug\n' +
			'1,Packing fragile items,<p>Wrap each glass item in two layers of paper before it goes into the box.</p>,shipping\n' +
			`2,"${secondTitle}","${secondBody}",shipping\n` +
			'3,Parcels held at customs,<p>Customs may hold a parcel for up to ten days; we tell you by e-mail when it is released.</p>,shipping\n',
	);
	return { file, media };
}

describe('partial imports', { timeout: 30_000 }, () => {
	it('writes the articles that pass, lists the one that does not with the reason and the fix, and picks it up once fixed', async () => {
		const fixture = makeContentFixture();
		const input = partialInput();
		const result = await runImportCli(fixture.root, 'csv', input.file, '--media', input.media, '--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.articles.map((article) => `${article.status} ${article.file}`)).toEqual(['new content/en/shipping/packing-fragile-items.mdx', 'new content/en/shipping/parcels-held-at-customs.mdx']);
		expect(report.refused).toEqual([
			{
				item: `articles.csv row 3: "${overlongTitle}" (en)`,
				file: expect.stringMatching(/^content\/en\/shipping\/delivery-to-the-islands-by-ferry[\w-]*\.mdx$/),
				problems: [expect.objectContaining({ field: 'title', fix: expect.stringMatching(/under 150 characters/) })],
			},
		]);
		// Nothing of the refused article is left: neither its file nor its image.
		expect(readdirSync(join(fixture.root, 'content/en/shipping')).filter((name) => name.startsWith('delivery-to-the-islands'))).toEqual([]);
		expect(existsSync(join(fixture.root, 'public/images/articles/delivery-to-the-islands'))).toBe(false);
		expect(report.mediaStored).toBe(0);
		expect(readdirSync(fixture.root).filter((name) => name.startsWith('.import-staging'))).toEqual([]);
		expect((await runCheckCli(fixture.root)).status).toBe(0);

		// The summary says what to do about it.
		const text = await runImportCli(fixture.root, 'csv', input.file, '--media', input.media, '--dry-run');
		expect(text.stdout).toMatch(/Not imported: 1 article\(s\) would not pass the content checks; fix them in the source and import again/);
		expect(text.stdout).toMatch(/articles\.csv row 3: "Delivery to the islands, by ferry.*" \(en\) → content\/en\/shipping\/delivery-to-the-islands-by-ferry[\w-]*\.mdx\n {4}line \d+: \[title\] .*under 150 characters/);

		// Fixed in the source, the same import takes it and leaves the others as they are.
		const fixed = partialInput('Delivery to the islands');
		const again = await runImportCli(fixture.root, 'csv', fixed.file, '--media', fixed.media, '--json');
		expect(again.status, again.stderr).toBe(0);
		const second = JSON.parse(again.stdout) as ImportReport;
		expect(second.articles.map((article) => `${article.status} ${article.file}`)).toEqual([
			'unchanged content/en/shipping/packing-fragile-items.mdx',
			'new content/en/shipping/delivery-to-the-islands.mdx',
			'unchanged content/en/shipping/parcels-held-at-customs.mdx',
		]);
		expect(second.refused).toEqual([]);
		expect(existsSync(join(fixture.root, 'public/images/articles/delivery-to-the-islands/ferry.png'))).toBe(true);
		expect((await runCheckCli(fixture.root)).status).toBe(0);
	});

	it('refuses the whole import under --strict, naming the article, and changes nothing', async () => {
		const input = partialInput();
		await expectRefused(['csv', input.file, '--media', input.media, '--strict'], /--strict: 1 article\(s\) would not pass the content checks, so nothing was changed:\narticles\.csv row 3: "Delivery to the islands, by ferry/);
	});

	it('fails when no article passes, and refuses a title longer than the schema allows', async () => {
		const fixture = makeContentFixture();
		const before = snapshotFiles(fixture.root);
		const file = writeTemp('articles.csv', `article_title,article_body,category_slug\n${'Very long title '.repeat(10).trim()},<p>Text of the article.</p>,shipping\n`);
		const result = await runImportCli(fixture.root, 'csv', file, '--json');
		expect(result.status).toBe(1);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.articles).toEqual([]);
		expect(report.refused).toEqual([expect.objectContaining({ problems: [expect.objectContaining({ field: 'title', fix: expect.stringMatching(/under 150 characters/) })] })]);
		expect(snapshotFiles(fixture.root)).toEqual(before);
	});
});

describe('titles are kept as written', { timeout: 30_000 }, () => {
	it('keeps a long title whole with a seoTitle cut at a word, and a short title without padding', async () => {
		const fixture = makeContentFixture();
		const long = 'How do I send back a parcel that was damaged during delivery by the carrier?';
		const file = writeTemp('articles.csv', `article_title,article_body,category_slug\n${long},<p>Take photos of the box and write to us within two days.</p>,shipping\nGroups,<p>Orders for groups of ten or more get a discount.</p>,shipping\n`);
		const result = await runImportCli(fixture.root, 'csv', file, '--json');
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		const seoTitle = 'How do I send back a parcel that was damaged during delivery by';
		expect(report.seoTitlesWritten).toEqual([{ file: 'content/en/shipping/how-do-i-send-back-a-parcel-that-was-damaged-during-delivery-by.mdx', title: long, seoTitle }]);
		const longData = parseArticleText(readFileSync(join(fixture.root, report.seoTitlesWritten[0]?.file ?? ''), 'utf8')).data;
		expect(longData).toMatchObject({ title: long, seoTitle });
		const shortData = parseArticleText(readFileSync(join(fixture.root, 'content/en/shipping/groups.mdx'), 'utf8')).data;
		expect(shortData?.['title']).toBe('Groups');
		expect(shortData).not.toHaveProperty('seoTitle');
		const check = await runCheckCli(fixture.root);
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(check.stdout + check.stderr).toMatch(/groups\.mdx:\d+ \[title\] warning: {2}The title "Groups" is short/);
	});
});

/** A copy of the Zendesk fixture export whose articles page the test changes. */
function zendeskCopy(change: (page: { articles: Record<string, unknown>[]; [key: string]: unknown }) => void): string {
	const copy = mkdtempSync(join(tmpdir(), 'zendesk-copy-'));
	cpSync(join(fixturesDir, 'zendesk-export'), copy, { recursive: true, filter: (source) => !source.endsWith('media') });
	const file = join(copy, 'articles/en-us.json');
	const page = JSON.parse(readFileSync(file, 'utf8')) as { articles: Record<string, unknown>[] };
	change(page);
	writeFileSync(file, JSON.stringify(page));
	return copy;
}

describe('Zendesk: what is not public, and incomplete exports', { timeout: 30_000 }, () => {
	it('skips an article restricted to a user segment, naming who may see it, and imports it with --include-restricted', async () => {
		const copy = zendeskCopy((page) => {
			const [first, second] = page.articles;
			if (first) first['user_segment_id'] = 9001;
			if (second) second['user_segment_ids'] = ['9002'];
		});
		writeFileSync(join(copy, 'user_segments.json'), JSON.stringify({ user_segments: [{ id: 9001, name: 'Staff only', user_type: 'staff' }] }));
		const fixture = makeContentFixture();
		const args = ['zendesk', copy, '--media', join(fixturesDir, 'zendesk-export/media'), '--timeout', '1', '--json'];
		const result = await runImportCli(fixture.root, ...args);
		expect(result.status, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as ImportReport;
		expect(report.skipped).toContainEqual({
			item: 'articles/360001000001/translations.json, article 360001000001: "Where is my parcel?" (en-us)',
			reason: 'restricted to a user segment ("Staff only": only agents and admins see it in Zendesk), so it is not published; import it anyway with --include-restricted',
		});
		expect(report.skipped).toContainEqual({ item: expect.stringContaining('article 360001000002'), reason: expect.stringMatching(/^restricted to a user segment \(only some users see it/) });
		expect(report.articles.filter((article) => ['360001000001', '360001000002'].includes(article.source.id))).toEqual([]);

		const included = JSON.parse((await runImportCli(makeContentFixture().root, ...args, '--include-restricted')).stdout) as ImportReport;
		expect(included.articles.filter((article) => article.source.id === '360001000001')).not.toEqual([]);
		expect(included.skipped.some((skip) => skip.reason.startsWith('restricted'))).toBe(false);
	});

	it('refuses an export with more pages to fetch (meta.has_more), naming the file and how to get the rest', async () => {
		const copy = zendeskCopy((page) => {
			page.articles = page.articles.slice(0, 2);
			for (const key of ['page', 'previous_page', 'next_page', 'per_page', 'page_count', 'count']) delete page[key];
			page['meta'] = { has_more: true, after_cursor: 'xxx', before_cursor: 'yyy' };
		});
		await expectRefused(['zendesk', copy], /The export is incomplete, so nothing was imported:\n {2}articles\/en-us\.json \("articles"\): meta\.has_more is true and the page after it is not in the export\.\n.*cursor pagination.*page\[size\]=100.*links\.next/);
	});

	it('refuses an export whose count is larger than the items present, and accepts a list saved over several pages', async () => {
		const short = zendeskCopy((page) => {
			page['count'] = 40;
			page['page_count'] = 2;
			page['next_page'] = 'https://alderandpine.zendesk.com/api/v2/help_center/en-us/articles.json?page=2&per_page=30';
		});
		await expectRefused(['zendesk', short], /articles\/en-us\.json \("articles", page 1 of 2\): the list has 40 item\(s\) and the export holds 6; the next page is https:\/\/.+page=2/);

		let secondPage = {};
		const split = zendeskCopy((page) => {
			page['next_page'] = 'https://alderandpine.zendesk.com/api/v2/help_center/en-us/articles.json?page=2&per_page=3';
			page['page_count'] = 2;
			secondPage = { ...page, articles: page.articles.slice(3), page: 2, next_page: null };
			page.articles = page.articles.slice(0, 3);
		});
		writeFileSync(join(split, 'articles/en-us-2.json'), JSON.stringify(secondPage));
		const result = await runImportCli(makeContentFixture().root, 'zendesk', split, '--dry-run', '--timeout', '1');
		expect(result.status, result.stderr).toBe(0);
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

	it('can put a commit back into the staging folder, to change what is staged and commit again', async () => {
		const root = project();
		const before = snapshotFiles(root);
		const staging = await Staging.create(root);
		await staging.write('content/en/a.mdx', 'replaced');
		await staging.write('content/fr/new-category/c.mdx', 'new');
		await (await staging.commit()).unstage();
		expect(snapshotFiles(root)).toEqual(before);
		await staging.remove('content/fr/new-category/c.mdx');
		await (await staging.commit()).finish();
		expect(readFileSync(join(root, 'content/en/a.mdx'), 'utf8')).toBe('replaced');
		expect(existsSync(join(root, 'content/fr'))).toBe(false);
		expect(existsSync(staging.dir)).toBe(false);
	});
});

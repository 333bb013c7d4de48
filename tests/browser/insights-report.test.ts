import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { reportPicture } from '../../scripts/lib/report/report-picture';
import { sampleDatabase } from '../../scripts/lib/report/sample-month';
import { useChromium } from '../support/browser';
import { queryLocalDatabase } from '../support/local-inbox';
import { checkState, focusedText, phone, phonePage, screenshotDir } from '../support/self-service';
import { focusSearchBox } from '../support/search-box';

const projectRoot = new URL('../..', import.meta.url).pathname;
const [baseUrl, stateDir] = [inject('baseUrl'), inject('stateDir')];

const browser = useChromium();

/** Runs `npm run report` with `args` into a new file, and returns the file's path and what the command printed. */
function runReport(...args: string[]): { file: string; printed: string } {
	const file = join(mkdtempSync(join(tmpdir(), 'insights-report-')), 'report.html');
	const printed = execFileSync('npm', ['run', '--silent', 'report', '--', ...args, '--out', file], { cwd: projectRoot, encoding: 'utf8' });
	return { file, printed };
}

/** The report file in Chromium as a support lead opens it; axe-core is a script, which the report's policy refuses. */
async function openReport(file: string, viewport = phone): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser().newContext({ viewport, bypassCSP: true });
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.goto(pathToFileURL(file).href);
	// Nothing but the file itself: no font, no stylesheet, no script from anywhere.
	expect(requests).toEqual([pathToFileURL(file).href]);
	return { page, close: () => context.close() };
}

/** The cells of the rows of the table captioned `caption` that contain `text`. */
const rowsOf = (page: Page, caption: string, text: string) =>
	page.getByRole('table', { name: caption }).locator('tbody tr', { hasText: text }).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim())));

const today = (table: string, condition: string) =>
	queryLocalDatabase<{ count: number }>(stateDir, `SELECT COUNT(*) AS count FROM ${table} WHERE day = date('now') AND ${condition}`)[0]?.count ?? 0;

describe('npm run report', () => {
	it('shows what shoppers did in the browser, escapes what they wrote, and passes axe-core in both themes', async () => {
		const article = '/en/shipping/delivery-options';
		const nonsense = 'zqxwvkj';
		const before = { votes: today('article_votes', `article = '${article}'`), deflections: today('search_events', "kind = 'deflection'") };

		// A "yes", then a "no" with a reason and a comment carrying an e-mail address, in two browsers (one vote each).
		const yes = await phonePage(browser(), 'en');
		await yes.page.goto(`${baseUrl}${article}`);
		await yes.page.getByRole('region', { name: yes.t('feedback.question') }).getByRole('button', { name: yes.t('feedback.yes') }).click();
		expect(await focusedText(yes.page)).toBe(yes.t('feedback.thanks'));
		await yes.close();
		const no = await phonePage(browser(), 'en');
		await no.page.goto(`${baseUrl}${article}`);
		await no.page.getByRole('button', { name: no.t('feedback.no'), exact: true }).click();
		await no.page.getByRole('radio', { name: no.t('feedback.reason.not_answered') }).check();
		await no.page.getByLabel(no.t('feedback.comment')).fill('Do you deliver to Guernsey? Write to sam.lee@example.com');
		await no.page.getByRole('button', { name: no.t('feedback.send') }).click();
		expect(await focusedText(no.page)).toBe(no.t('feedback.thanksNo'));
		expect(no.errors).toEqual([]);
		await no.close();

		// "This answered my question" under the contact form's subject: a deflection.
		const contact = await phonePage(browser(), 'en');
		await contact.page.goto(`${baseUrl}/en/contact`);
		await contact.page.getByLabel(contact.t('contactForm.subject')).pressSequentially('refund', { delay: 30 });
		const suggestions = contact.page.getByRole('region', { name: contact.t('search.suggestionsHeading') });
		await suggestions.getByRole('button', { name: new RegExp(`^${contact.t('suggest.helped')}`) }).first().click();
		expect(await focusedText(contact.page)).toBe(contact.t('suggest.thanks'));
		await contact.close();

		// A nonsense word in the header's search box, left on screen for two seconds: a search that found nothing.
		const search = await phonePage(browser(), 'en');
		await search.page.goto(`${baseUrl}${article}`);
		await focusSearchBox(search.page);
		await search.page.keyboard.type(nonsense, { delay: 30 });
		await search.page.waitForFunction((none) => document.querySelector('.search-popup-status')?.textContent === none, search.t('search.none', { query: nonsense }));
		await search.page.waitForTimeout(2_500);
		await search.close();

		// Stored by the real endpoint: every event was valid.
		await expect.poll(() => today('article_votes', `article = '${article}'`), { timeout: 15_000 }).toBe(before.votes + 2);
		await expect.poll(() => today('article_feedback', `article = '${article}' AND comment = 'Do you deliver to Guernsey? Write to @'`), { timeout: 15_000 }).toBe(1);
		await expect.poll(() => today('search_events', "kind = 'deflection'"), { timeout: 15_000 }).toBe(before.deflections + 1);
		await expect.poll(() => today('search_events', `kind = 'search' AND query = '${nonsense}' AND results = 0`), { timeout: 15_000 }).toBe(1);

		// Markup the events endpoint refuses, written straight into D1: the report must show it as text.
		const hostileComment = `<img src=x onerror="document.title='comment ran'"> Wrong sizes`;
		const hostileQuery = `<script>document.title='query ran'</script>`;
		queryLocalDatabase(
			stateDir,
			`INSERT INTO article_feedback (article, locale, reason, comment, day) VALUES ('${article}', 'en', 'other', '${hostileComment.replace(/'/g, "''")}', date('now'));
			 INSERT INTO search_events (kind, query, results, rank, locale, day) VALUES ('search', '${hostileQuery.replace(/'/g, "''")}', 0, NULL, 'en', date('now'))`,
		);

		const { file, printed } = runReport('--persist-to', stateDir);
		expect(printed).toContain(file);
		const source = readFileSync(file, 'utf8');
		expect(source).not.toContain('sam.lee');
		expect(source).not.toMatch(/<script|<img/i);

		const { page, close } = await openReport(file);
		expect(await page.evaluate(() => ({ title: document.title, scripts: document.scripts.length, images: document.images.length }))).toMatchObject({ title: expect.stringMatching(/^Help center insights/), scripts: 0, images: 0 });
		const votes = await rowsOf(page, 'Helpfulness per article', article);
		expect(votes).toHaveLength(1);
		const [yesCount, noCount] = [Number(votes[0]?.[2]), Number(votes[0]?.[3])];
		expect(yesCount).toBeGreaterThanOrEqual(1);
		expect(noCount).toBeGreaterThanOrEqual(1);
		if (yesCount + noCount < 5) expect(votes[0]?.[4]).toBe(`not enough votes yet (${yesCount + noCount} of 5)`);
		expect(await rowsOf(page, 'Comments', 'Guernsey')).toEqual([[expect.any(String), article, 'en', 'did not answer my question', 'Do you deliver to Guernsey? Write to @']]);
		expect(await rowsOf(page, 'Comments', 'Wrong sizes')).toEqual([[expect.any(String), article, 'en', 'other', hostileComment]]);
		const deflections = await rowsOf(page, 'Deflection rate and its parts', 'deflections');
		expect(Number(deflections[0]?.[1])).toBe(queryLocalDatabase<{ count: number }>(stateDir, "SELECT COUNT(*) AS count FROM search_events WHERE kind = 'deflection'")[0]?.count);
		expect(await rowsOf(page, 'Searches with no result', nonsense)).toEqual([[nonsense, 'en', '1']]);
		expect(await rowsOf(page, 'Searches with no result', 'query ran')).toEqual([[hostileQuery, 'en', '1']]);
		expect(await rowsOf(page, 'Content gaps', nonsense)).toEqual([[nonsense, 'en', 'search found nothing', '1']]);
		expect(await rowsOf(page, 'Content gaps', article)).toEqual([[article, 'en', 'did not answer my question', expect.stringMatching(/^\d+$/)]]);

		await checkState(page, 'insights-report');
		await page.emulateMedia({ colorScheme: 'dark' });
		await checkState(page, 'insights-report-dark');
		await close();
	});

	it('draws a month of data readably on a desktop and a phone (the README’s picture)', async () => {
		const day = new Date().toISOString().slice(0, 10);
		const sample = sampleDatabase(day);
		const { file } = runReport('--persist-to', sample, '--to', day);
		rmSync(sample, { recursive: true, force: true });
		const { page, close } = await openReport(file, { width: 1200, height: 800 });
		expect(await page.locator('svg[role="img"]').count()).toBe(6);
		for (const chart of await page.locator('svg[role="img"]').all()) expect(await chart.getAttribute('aria-labelledby')).toMatch(/-title .+-desc$/);
		expect(await rowsOf(page, 'Top searches', 'refund')).toEqual([['refund', 'en', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+(\.\d)? %$/), expect.stringMatching(/^\d(\.\d)?$/)]]);
		await checkState(page, 'insights-report-month');
		await page.emulateMedia({ colorScheme: 'dark' });
		await checkState(page, 'insights-report-month-dark');
		await close();
		await reportPicture(browser(), file, join(screenshotDir, 'insights-report-readme.png'));
	});
});

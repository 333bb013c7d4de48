import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createProjectCopy } from '../../scripts/lib/bench-project';
import { scaffoldArticle } from '../../scripts/lib/scaffold-article';
import { launchChromium } from '../support/browser';
import { contentMistakes, type ContentFixture } from '../support/content-fixture';
import { startDevServer, waitFor, type DevServer } from '../support/dev-server';

// What an editor sees in `npm run dev` while writing: one dev server on a copy of the small fixture help center
// (never the project's content), edited as an editor would, checked in Chromium. Everything polls: the machine is slow.
const copy = createProjectCopy(fileURLToPath(new URL('../fixtures/', import.meta.url)));
const fixture: ContentFixture = {
	root: copy.root,
	contentDir: join(copy.root, 'content/'),
	publicDir: join(copy.root, 'public'),
	edit: (path, change) => writeFileSync(join(copy.root, path), change(readFileSync(join(copy.root, path), 'utf8'))),
	write: (path, text) => writeFileSync(join(copy.root, path), text),
};
let dev: DevServer;
let browser: Browser;
const seconds = 90_000;

beforeAll(async () => {
	dev = await startDevServer(copy.root);
	browser = await launchChromium();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await dev?.stop();
	copy.remove();
});

// A request the busy server does not answer in time counts as not yet: the poll asks again.
const get = (path: string) => fetch(`${dev.origin}${path}`, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
const status = async (path: string) => (await get(path))?.status ?? 0;
const html = async (path: string) => (await (await get(path))?.text().catch(() => '')) ?? '';

/** The message and fix the error overlay shows on the page (empty when there is none, or while the page loads). */
const overlayText = (page: Page) =>
	page
		.evaluate(() => {
			const root = document.querySelector('vite-error-overlay')?.shadowRoot;
			return ['#message-content', '#hint-content'].map((part) => root?.querySelector(part)?.textContent ?? '').join(' ').trim();
		})
		.catch(() => '');

/**
 * Closes a page the dev server may be reloading. Its checks are done by then; closing is cleanup. A page closed while
 * Vite reloads it after a content change can take Chromium minutes to let go (seen on a fresh clone, 30 to 180 s,
 * not in a browser a person uses), so the test does not wait for it: the browser is closed at the end anyway.
 */
const closePage = (page: Page) => Promise.race([page.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]);

/** Waits until the page shows `title` as its heading, opening it again as an editor would if it does not reload by itself. */
async function waitForHeading(page: Page, title: string) {
	const url = page.url();
	await waitFor(
		async () => {
			if ((await page.locator('h1').first().textContent({ timeout: 2_000 }).catch(() => null)) === title) return true;
			await page.goto(url, { timeout: 10_000 }).catch(() => undefined);
			return false;
		},
		seconds,
		() => `The page does not show "${title}":\n${dev.output().slice(-3000)}`,
	);
}

describe('npm run dev follows the editor', () => {
	it('serves a new article (as npm run new:article writes it) at once, at its new address once renamed, and forgets it once deleted', async () => {
		const file = await scaffoldArticle({ root: copy.root, locale: 'en', category: 'shipping', title: 'Parcel lockers near you' });
		const started = performance.now();
		await waitFor(async () => (await status('/en/shipping/parcel-lockers-near-you')) === 200, seconds, () => `The new article is not served:\n${dev.output().slice(-3000)}`);
		console.log(`new article served after ${Math.round(performance.now() - started)} ms`);
		await waitFor(async () => (await html('/en/shipping')).includes('Parcel lockers near you'), seconds, () => 'The category page does not list the new article');
		const renamed = file.replace('parcel-lockers-near-you', 'parcel-lockers');
		renameSync(file, renamed);
		await waitFor(async () => (await status('/en/shipping/parcel-lockers')) === 200 && (await status('/en/shipping/parcel-lockers-near-you')) === 404, seconds, () => 'The renamed article is not served at its new address only');
		rmSync(renamed);
		await waitFor(async () => (await status('/en/shipping/parcel-lockers')) === 404, seconds, () => 'The deleted article is still served');
	});

	it('shows a changed title, description and category title without a restart', async () => {
		const page = await browser.newPage();
		await page.goto(`${dev.origin}/en/shipping/customs`);
		fixture.edit('content/en/shipping/customs.md', (text) =>
			text.replace('title: Customs and import duties', 'title: Customs duties and taxes on arrival').replace('description: Which orders', 'description: Exactly which orders'),
		);
		await waitForHeading(page, 'Customs duties and taxes on arrival');
		await waitFor(async () => (await page.getAttribute('meta[name="description"]', 'content', { timeout: 2_000 }).catch(() => ''))?.startsWith('Exactly which orders'), seconds, () => 'The new description does not show');
		await waitFor(async () => (await html('/en/shipping')).includes('Customs duties and taxes on arrival'), seconds, () => 'The category page lists the old title');
		fixture.edit('content/en/shipping/_category.yaml', (text) => text.replace('title: Shipping', 'title: Shipping and delivery'));
		await waitFor(async () => (await html('/en')).includes('Shipping and delivery'), seconds, () => 'The home page shows the old category title');
		await closePage(page);
	});

	for (const name of ['an unknown category', 'an unclosed component'] as const) {
		it(`shows ${name} in the browser with its file and line, and recovers once it is fixed`, async () => {
			const mistake = contentMistakes[name];
			const original = readFileSync(join(copy.root, mistake.file), 'utf8');
			const page = await browser.newPage();
			await page.goto(`${dev.origin}/en/shipping/delivery-times`);
			await page.waitForSelector('h1');
			try {
				mistake.apply(fixture);
				// The open page shows the overlay without a reload (the page may reload meanwhile: it shows it again)…
				const text = await waitFor(
					async () => {
						const shown = await overlayText(page);
						return shown.includes(mistake.file) && shown;
					},
					seconds,
					() => `No overlay for ${name}:\n${dev.output().slice(-3000)}`,
				);
				expect(text).toMatch(mistake.message);
				expect(text).toMatch(new RegExp(`^${mistake.file}, line \\d+`));
				expect(text).toContain('How to fix:');
				// …the terminal says it with file:line…
				expect(dev.output()).toContain(`${mistake.file}:`);
				// …and a page opened now shows it too.
				const other = await browser.newPage();
				await other.goto(`${dev.origin}/en/shipping`);
				await waitFor(
					async () => (await overlayText(other)).includes(mistake.file),
					seconds,
					() => `A page opened while the content is broken shows no overlay (${other.url()}: "${other.isClosed() ? '' : 'open'}"):\n${dev.output().slice(-3000)}`,
				);
				await closePage(other);
			} finally {
				writeFileSync(join(copy.root, mistake.file), original);
			}
			let seen = '';
			await waitFor(
				async () => {
					const overlay = await overlayText(page);
					const heading = await page.locator('h1').first().textContent({ timeout: 2_000 }).catch(() => null);
					seen = `overlay "${overlay}", heading "${heading}"`;
					return overlay === '' && heading === 'Delivery times and costs';
				},
				seconds,
				() => `The page did not recover from ${name} (${seen}):\n${dev.output().slice(-3000)}`,
			);
			await closePage(page);
		});
	}
});

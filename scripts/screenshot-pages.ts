/**
 * `npm run screenshot:pages -- --out <folder>` — photographs the shopper's pages (home, a category, an article,
 * search open with results, the search page, track and contact) on two phones (360×800 and 390×844), light and
 * dark, in English and French, from the built site served by `wrangler dev` (run `npm run build` first), plus the
 * whole home page on each phone. `--compare <before> --compare <after> --out <folder>` puts two such series side by side, to
 * review a change of layout: take one before, one after.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { sideBySide } from './lib/side-by-side.ts';
import { startWorker } from './lib/worker-server.ts';

const phones = [
	{ width: 360, height: 800 },
	{ width: 390, height: 844 },
] as const;
const themes = ['light', 'dark'] as const;

/** Each page per locale, and what to do once it is open. */
const pages: Record<string, { en: string; fr: string; query?: { en: string; fr: string } }> = {
	home: { en: '/en', fr: '/fr' },
	category: { en: '/en/shipping', fr: '/fr/shipping' },
	article: { en: '/en/shipping/delivery-times-and-costs', fr: '/fr/shipping/delais-et-frais-de-livraison' },
	'search-open': { en: '/en', fr: '/fr', query: { en: 'refund', fr: 'remboursement' } },
	'search-page': { en: '/en/search?q=refund', fr: '/fr/search?q=remboursement' },
	track: { en: '/en/track', fr: '/fr/suivi' },
	contact: { en: '/en/contact', fr: '/fr/contact' },
};

/** Types a query in the page's search box (opening the search sheet first when the header has one) and waits for results. */
async function openSearch(page: Page, query: string): Promise<void> {
	const opener = page.locator('[data-search-opener]');
	if ((await opener.count()) > 0 && (await opener.first().isVisible())) await opener.first().click();
	const input = page.locator('form[data-search-form] input[name="q"]:visible').first();
	await input.click();
	await input.pressSequentially(query, { delay: 30 });
	await page.locator('[role="listbox"][data-query] [role="option"]').first().waitFor({ timeout: 15_000 });
	await page.waitForTimeout(300);
}

async function photograph(browser: Browser, baseUrl: string, out: string): Promise<void> {
	mkdirSync(out, { recursive: true });
	for (const phone of phones) {
		for (const theme of themes) {
			const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 1, colorScheme: theme, isMobile: true, hasTouch: true });
			const page = await context.newPage();
			for (const locale of ['en', 'fr'] as const) {
				for (const [name, spec] of Object.entries(pages)) {
					await page.goto(`${baseUrl}${spec[locale]}`, { waitUntil: 'networkidle' });
					if (spec.query) await openSearch(page, spec.query[locale]);
					if (name === 'search-page') await page.locator('.search-result').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
					await page.screenshot({ path: join(out, `${locale}-${name}-${phone.width}-${theme}.png`) });
				}
				if (theme === 'light') {
					await page.goto(`${baseUrl}/${locale}`, { waitUntil: 'networkidle' });
					await page.screenshot({ path: join(out, `${locale}-home-full-${phone.width}-${theme}.png`), fullPage: true });
				}
			}
			await context.close();
		}
	}
}

/** The height and width of a PNG, from its header. */
function pngSize(file: string): { width: number; height: number } {
	const bytes = readFileSync(file);
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function compare(browser: Browser, before: string, after: string, out: string): Promise<void> {
	mkdirSync(out, { recursive: true });
	for (const name of readdirSync(after).filter((file) => file.endsWith('.png'))) {
		const pair = [join(before, name), join(after, name)];
		const sizes = pair.map(pngSize);
		const size = { width: sizes.reduce((sum, { width }) => sum + width, 40), height: Math.max(...sizes.map(({ height }) => height)) };
		await sideBySide(browser, pair.map((file) => readFileSync(file)), size, join(out, name));
	}
}

const { values } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string', multiple: true } } });
if (!values.out) throw new Error('Usage: npm run screenshot:pages -- --out <folder> [--compare <before> --compare <after>]');
const browser = await launchChromium();
try {
	if (values.compare) {
		const [before, after] = values.compare;
		if (!before || !after) throw new Error('Give --compare twice: the folder before, then the folder after.');
		await compare(browser, before, after, values.out);
	} else {
		const worker = await startWorker();
		try {
			await photograph(browser, worker.url, values.out);
		} finally {
			await worker.stop();
		}
	}
	console.log(`Wrote ${values.out}`);
} finally {
	await browser.close();
}

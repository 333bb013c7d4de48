import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium, useContexts } from '../support/browser';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const newContext = useContexts(browser);

const phone = { width: 390, height: 844 };

/** A page on a 390×844 phone. */
async function openPhone(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await newContext({ viewport: phone, isMobile: true, hasTouch: true, javaScriptEnabled: options.javaScriptEnabled ?? true });
	const page = await context.newPage();
	await page.goto(`${baseUrl}${path}`);
	return page;
}

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);
const bottom = (page: Page, selector: string) => page.locator(selector).last().evaluate((element) => element.getBoundingClientRect().bottom);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
	for (let presses = 0; presses < 20; presses++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

describe('the header on a phone', () => {
	for (const path of ['/en/shipping/delivery-times-and-costs', '/fr/shipping/delais-et-frais-de-livraison']) {
		it(`keeps to one row, with the article title near the top, on ${path}`, async () => {
			const page = await openPhone(path);
			const header = await page.locator('.site-header').boundingBox();
			expect(header?.height).toBeLessThanOrEqual(64);
			// Brand, search, shop, language and theme side by side.
			const tops = await page.$$eval('.brand, [data-search-opener], .shop-link, .language-menu summary, .theme-toggle', (elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
			expect(tops).toHaveLength(5);
			expect(new Set(tops).size).toBe(1);
			expect(await top(page, 'h1')).toBeLessThanOrEqual(120);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
		});
	}

	it('links back to the shop from the header and the footer', async () => {
		const page = await openPhone('/fr/shipping');
		expect(await page.locator('.shop-link').getAttribute('href')).toBe('https://alderandpine.example');
		expect(await page.locator('.shop-link').textContent()).toContain('Retour à la boutique');
		expect(await page.locator('.site-footer a[href="https://alderandpine.example"]').count()).toBe(1);
	});

	it('opens the language menu with the keyboard, closes it with Escape, and changes language from it', async () => {
		const page = await openPhone('/en/shipping/delivery-times-and-costs');
		await tabTo(page, '.language-menu summary');
		expect(await page.locator('.language-menu summary').textContent()).toContain('Language: English');
		await page.keyboard.press('Enter');
		expect(await page.locator('.language-switcher a[hreflang="fr"]').isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await page.locator('.language-switcher a[hreflang="fr"]').isVisible()).toBe(false);
		expect(await focusedClass(page)).toContain('header-button');
		await page.keyboard.press('Enter');
		await tabTo(page, '.language-switcher a[hreflang="fr"]');
		expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/fr/shipping/delais-et-frais-de-livraison');
	});

	it('opens the search sheet with the keyboard, shows results on the whole screen, and Escape gives focus back to the search button', async () => {
		const page = await openPhone('/en/shipping');
		await tabTo(page, '[data-search-opener]');
		await page.keyboard.press('Enter');
		expect(await focusedId(page)).toBe('header-search');
		const sheet = await page.locator('form.is-sheet').boundingBox();
		expect(sheet).toEqual({ x: 0, y: 0, width: phone.width, height: phone.height });
		await page.keyboard.type('refund', { delay: 30 });
		await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === 'refund');
		expect(await page.locator('#header-search').getAttribute('aria-expanded')).toBe('true');
		// The results start right under the box, not under a header.
		expect(await top(page, '[role="option"]')).toBeLessThan(200);
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('#header-search').getAttribute('aria-activedescendant')).toMatch(/option-0$/);
		await page.keyboard.press('Escape');
		expect(await page.locator('form.is-sheet').count()).toBe(0);
		expect(await page.locator('#header-search').isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.matches('[data-search-opener]'))).toBe(true);
		// The close button does the same.
		await page.keyboard.press('Enter');
		await page.locator('[data-search-sheet-close]').click();
		expect(await page.evaluate(() => document.activeElement?.matches('[data-search-opener]'))).toBe(true);
	});

	it('turns the home page’s search box into the sheet once it has focus', async () => {
		const page = await openPhone('/fr');
		await page.locator('#home-search').tap();
		expect(await page.locator('form.is-sheet #home-search').count()).toBe(1);
		expect(await top(page, '#home-search')).toBeLessThan(60);
		await page.keyboard.type('retour', { delay: 30 });
		await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === 'retour');
		await page.keyboard.press('Escape');
		expect(await page.locator('form.is-sheet').count()).toBe(0);
		expect(await focusedId(page)).toBe('home-search');
	});

	it('works without JavaScript: the search button opens the search page, the language menu opens and its links work', async () => {
		const page = await openPhone('/fr/shipping', { javaScriptEnabled: false });
		await page.locator('[data-search-opener]').click();
		await page.waitForURL('**/fr/search');
		await page.locator('.language-menu summary').click();
		await page.locator('.language-switcher a[hreflang="en"]').click();
		await page.waitForURL('**/en/search');
	});
});

describe('the home page on a phone', () => {
	for (const path of ['/en', '/fr']) {
		it(`reaches the last topic within two screens on ${path}`, async () => {
			const page = await openPhone(path);
			const topics = await page.locator('main .card-grid:not(.card-grid-compact) .card').count();
			expect(topics).toBeGreaterThanOrEqual(6);
			expect(await bottom(page, 'main .card-grid:not(.card-grid-compact) .card')).toBeLessThanOrEqual(2 * phone.height);
			// Two tiles a row.
			const lefts = await page.$$eval('main .card-grid .card', (cards) => new Set(cards.map((card) => Math.round(card.getBoundingClientRect().left))).size);
			expect(lefts).toBe(2);
		});
	}
});

describe('an article’s table of contents', () => {
	for (const [path, label] of [['/en/returns-refunds/return-policy', 'On this page'], ['/fr/returns-refunds/politique-de-retour', 'Sur cette page']] as const) {
		it(`takes one line on a phone and opens from the keyboard, on ${path}`, async () => {
			const page = await openPhone(path);
			const summary = page.locator('.toc summary');
			expect(await summary.textContent()).toBe(label);
			expect(await page.locator('.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
			// Closed, it is one row: the article's text starts in the first half of the screen.
			expect((await page.locator('.toc').boundingBox())?.height).toBeLessThanOrEqual(52);
			expect(await top(page, '.article-body > p')).toBeLessThan(phone.height / 2);
			// The policy's value, from site.yaml, in the first heading it lists (not the name an editor wrote).
			expect(await page.locator('.toc a').first().textContent()).toMatch(/^30 (days|jours)/);
			await tabTo(page, '.toc summary');
			await page.keyboard.press('Enter');
			expect(await page.locator('.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
			expect(await page.locator('.toc a').count()).toBe(5);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toMatch(/^#30-/);
		});
	}

	it('is open beside the article on a wide screen, each bullet by the first line of its link', async () => {
		const context = await newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/fr/returns-refunds/politique-de-retour`);
		expect(await page.locator('.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
		const links = await page.locator('.toc li').evaluateAll((items) =>
			items.map((item) => {
				const link = item.querySelector('a') as HTMLElement;
				const range = document.createRange();
				range.selectNodeContents(link);
				const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
				return { display: getComputedStyle(link).display, lines, itemHeight: item.getBoundingClientRect().height, linkHeight: link.getBoundingClientRect().height };
			}),
		);
		// A heading long enough to wrap in the column …
		expect(links.some((link) => link.lines >= 2)).toBe(true);
		// … is a block filling its list item, so the list item's first line, where the bullet sits, is the link's first
		// line (an inline-block puts the bullet by its last line).
		for (const link of links) {
			expect(link.display).toBe('block');
			expect(Math.abs(link.itemHeight - link.linkHeight)).toBeLessThan(1);
		}
	});
});

describe('the brand’s web font', () => {
	it('is preloaded, declared with font-display: swap, and used by the text once loaded', async () => {
		const page = await openPhone('/fr/shipping');
		expect(await page.getAttribute('link[rel="preload"][as="font"]', 'href')).toBe('/fonts/figtree-latin-wght.woff2');
		expect(await page.getAttribute('link[rel="preload"][as="font"]', 'crossorigin')).toBe('');
		await page.evaluate(() => document.fonts.ready);
		const faces = await page.evaluate(() => [...document.fonts].map((face) => ({ family: face.family, display: face.display, status: face.status })));
		expect(faces).toContainEqual({ family: 'Figtree', display: 'swap', status: 'loaded' });
		expect(await page.evaluate(() => document.fonts.check('16px Figtree'))).toBe(true);
		expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Figtree,/);
	});
});

import { describe, expect, inject, it } from 'vitest';
import { axeViolations, useChromium } from '../support/browser';
import { focusSearchBox } from '../support/search-box';

const baseUrl = inject('baseUrl');
const pages = {
	home: '/en',
	'French home': '/fr',
	category: '/en/shipping',
	'FAQ-layout category': '/fr/account',
	article: '/en/returns-refunds/how-to-return-an-item',
	'French article with fallback notice': '/fr/products-sizing/restock-notifications',
	'404': '/fr/no-such-page',
};

const browser = useChromium();

describe('axe-core finds no violation', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const [name, path] of Object.entries(pages)) {
			it(`on the ${name} page in the ${colorScheme} theme`, async () => {
				const context = await browser().newContext({ colorScheme, viewport: { width: 390, height: 844 } });
				const page = await context.newPage();
				await page.goto(`${baseUrl}${path}`);
				const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
				expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 23, 22)' : 'rgb(251, 250, 247)');
				expect(await axeViolations(page)).toEqual([]);
				await context.close();
			});
		}
	}

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`on a phone with the language menu open, then the search sheet open with results, in the ${colorScheme} theme`, async () => {
			const context = await browser().newContext({ colorScheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
			const page = await context.newPage();
			await page.goto(`${baseUrl}/fr/shipping`);
			await page.locator('.language-menu summary').click();
			expect(await axeViolations(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await focusSearchBox(page);
			await page.keyboard.type('remboursement', { delay: 20 });
			await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === 'remboursement');
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		});
	}
});

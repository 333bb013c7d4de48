import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useChromium } from '../support/browser';

const baseUrl = inject('baseUrl');

const browser = useChromium();
let context: BrowserContext;
let page: Page;


async function freshPage(options: { colorScheme?: 'light' | 'dark'; locale?: string } = {}) {
	await context?.close();
	context = await browser().newContext({ colorScheme: options.colorScheme ?? 'light', locale: options.locale ?? 'en-US' });
	page = await context.newPage();
	return page;
}

const backgroundColor = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('the root address', () => {
	it('opens the help center in the browser’s language', async () => {
		await freshPage({ locale: 'fr-FR' });
		await page.goto(`${baseUrl}/`);
		expect(new URL(page.url()).pathname).toBe('/fr');
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
	});
});

describe('the theme toggle', () => {
	it('switches to dark, is announced as pressed, and remembers the choice', async () => {
		await freshPage();
		await page.goto(`${baseUrl}/en`);
		const toggle = page.getByRole('button', { name: 'Dark theme' });
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		expect(await backgroundColor()).toBe('rgb(251, 250, 247)');
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		expect(await backgroundColor()).toBe('rgb(18, 23, 22)');
		await page.goto(`${baseUrl}/en/shipping`);
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		expect(await backgroundColor()).toBe('rgb(18, 23, 22)');
	});

	it('follows the system preference until the shopper chooses, then overrides it', async () => {
		await freshPage({ colorScheme: 'dark' });
		await page.goto(`${baseUrl}/fr`);
		expect(await backgroundColor()).toBe('rgb(18, 23, 22)');
		const toggle = page.getByRole('button', { name: 'Thème sombre' });
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		await toggle.click();
		expect(await backgroundColor()).toBe('rgb(251, 250, 247)');
		await page.reload();
		expect(await backgroundColor()).toBe('rgb(251, 250, 247)');
	});
});

describe('the language switcher', () => {
	it('goes to the same article in the other language', async () => {
		await freshPage();
		await page.goto(`${baseUrl}/en/shipping/delivery-times-and-costs`);
		await page.locator('.language-menu summary').click();
		await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
		await page.waitForURL('**/fr/shipping/delais-et-frais-de-livraison');
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		await page.locator('.language-menu summary').click();
		const current = page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'Français' });
		expect(await current.getAttribute('aria-current')).toBe('true');
	});

	it('keeps the reader on the same article when it falls back to English', async () => {
		await freshPage();
		await page.goto(`${baseUrl}/en/products-sizing/restock-notifications`);
		await page.locator('.language-menu summary').click();
		await page.getByRole('link', { name: 'Français' }).click();
		await page.waitForURL('**/fr/products-sizing/restock-notifications');
		expect(await page.getByRole('note').textContent()).toContain('pas encore disponible en français');
	});
});

describe('keyboard navigation', () => {
	it('starts with a skip link that moves focus to the content', async () => {
		await freshPage();
		await page.goto(`${baseUrl}/en/shipping`);
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(focused).toBe('Skip to content');
		expect(await page.locator('.skip-link').isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
	});

	it('reaches an article from the home page with Tab and Enter only, with a visible focus ring', async () => {
		await freshPage();
		await page.goto(`${baseUrl}/en`);
		let reached = false;
		for (let presses = 0; presses < 40 && !reached; presses++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Returns & refunds');
		}
		expect(reached).toBe(true);
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
		expect(outline).toBe('solid');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/en/returns-refunds');
		expect(await page.locator('h1').textContent()).toBe('Returns & refunds');
	});
});

describe('on a 360-pixel phone', () => {
	for (const path of ['/en', '/fr/account', '/fr/products-sizing/guide-des-tailles', '/fr/returns-refunds/retourner-un-article']) {
		it(`${path} does not scroll sideways`, async () => {
			await freshPage();
			await page.setViewportSize({ width: 360, height: 800 });
			await page.goto(`${baseUrl}${path}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		});
	}
});

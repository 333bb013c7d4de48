import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useChromium, useContexts } from '../support/browser';
import { focusSearchBox } from '../support/search-box';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const newContext = useContexts(browser);

/** A page at phone size, with its script errors collected. */
async function openPhonePage(path: string): Promise<{ page: Page; errors: string[] }> {
	const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${baseUrl}${path}`);
	return { page, errors };
}

const searchBox = '#header-search';

/** Types `text` one key at a time, as a shopper does, and waits for the list of the whole text. */
async function typeSlowly(page: Page, text: string) {
	await focusSearchBox(page, searchBox);
	for (const key of text) await page.keyboard.press(key === ' ' ? 'Space' : key, { delay: 20 });
	await page.waitForFunction((query) => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === query, text);
}

const optionTitles = (page: Page) => page.$$eval('[role="listbox"] [role="option"] .search-option-title', (nodes) => nodes.map((node) => node.textContent));

describe('search as you type on a phone', () => {
	it('keeps finding the refund article while "remboursement" is typed letter by letter', async () => {
		const { page, errors } = await openPhonePage('/fr/shipping');
		const seen: Record<string, (string | null)[]> = {};
		await focusSearchBox(page, searchBox);
		for (const key of 'remboursemen') {
			await page.keyboard.press(key, { delay: 20 });
			const typed = await page.inputValue(searchBox);
			if (typed.length < 8) continue;
			await page.waitForFunction((query) => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === query, typed);
			seen[typed] = (await optionTitles(page)).slice(0, 3);
		}
		for (const [typed, titles] of Object.entries(seen)) expect(titles, typed).toContain('Délai de remboursement après un retour');
		expect(await page.textContent('.search-popup-status')).toMatch(/articles? trouvés?/);
		expect(await page.textContent('.search-popup-status')).not.toContain('Résultats pour');
		expect(errors).toEqual([]);
	});

	it('offers the page to track an order for "track my order", as the first option, and opens it with the keyboard', async () => {
		const { page, errors } = await openPhonePage('/en/payments/gift-cards');
		await typeSlowly(page, 'track my order');
		const input = page.locator(searchBox);
		const group = page.locator('[role="listbox"] [role="group"]').first();
		expect(await group.getAttribute('aria-label')).toBe('Go straight to');
		const offer = group.locator('[role="option"]');
		expect(await offer.count()).toBe(1);
		expect(await offer.locator('.search-option-title').textContent()).toBe('Track an order');
		expect(await offer.getAttribute('data-href')).toBe('/en/track');
		// Articles follow it in the same listbox.
		expect(await page.locator('[role="listbox"] .search-option-article').count()).toBeGreaterThan(0);
		await page.waitForFunction(() => document.querySelector('.search-combobox > div[role="status"]')?.textContent?.startsWith('Go straight to: Track an order.'));

		await page.keyboard.press('ArrowDown');
		expect(await axeViolations(page)).toEqual([]);
		const active = await input.getAttribute('aria-activedescendant');
		expect(active).toBe(await offer.getAttribute('id'));
		expect(await offer.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/en/track');
		expect(await page.locator('h1').textContent()).toContain('Track');
		expect(errors).toEqual([]);
	});

	it('offers the self-service page on the search page too, in French', async () => {
		const { page, errors } = await openPhonePage(`/fr/search?q=${encodeURIComponent('suivre ma commande')}`);
		await page.waitForSelector('[data-search-self-service] a');
		expect(await page.textContent('[data-search-self-service] h2')).toBe('Accès direct');
		expect(await page.getAttribute('[data-search-self-service] a', 'href')).toBe('/fr/suivi');
		expect(await page.textContent('[data-search-self-service] a')).toBe('Suivre une commande');
		expect(await axeViolations(page)).toEqual([]);
		await page.fill('#page-search', 'politique de retour');
		await page.waitForFunction(() => document.querySelector('[data-search-self-service]')?.children.length === 0);
		expect(errors).toEqual([]);
	});
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { useTranslations, type UiLocale } from '../../src/i18n/translate';
import { axeViolations } from './browser';

/** Where the browser tests leave their screenshots (git-ignored). */
export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export const phone = { width: 360, height: 800 };

/** A fresh phone-sized page in `locale`; `errors` collects uncaught script errors, which no test expects. */
export async function phonePage(browser: Browser, locale: UiLocale, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({
		viewport: phone,
		locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
		colorScheme: options.colorScheme ?? 'light',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return { page, errors, t: useTranslations(locale), close: () => context.close() };
}

/**
 * Checks one state of a page the way a shopper meets it: no axe-core violation, no sideways scrolling on a
 * 360-pixel phone, and a full-page screenshot kept in test-results/screenshots/<name>.png. (axe-core is itself
 * a script: pages seen with JavaScript off skip it.)
 */
export async function checkState(page: Page, name: string, options: { axe?: boolean } = {}): Promise<void> {
	if (options.axe ?? true) expect(await axeViolations(page), name).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()?.width ?? phone.width);
	mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fills the order lookup form and sends it. */
export async function lookUp(page: Page, t: ReturnType<typeof useTranslations>, orderNumber: string, email: string): Promise<void> {
	await page.getByLabel(t('lookup.orderNumber'), { exact: true }).fill(orderNumber);
	await page.getByLabel(t('lookup.email'), { exact: true }).fill(email);
	await page.getByRole('button', { name: t('lookup.submit') }).click();
}

/** The text of the focused element, to follow where focus went after a step. */
export function focusedText(page: Page): Promise<string> {
	return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

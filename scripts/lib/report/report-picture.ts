import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { sideBySide } from '../side-by-side.ts';

/**
 * The README's picture of a report file: its top on a desktop in the light theme, beside its deflection rate on a
 * phone in the dark one.
 */
export async function reportPicture(browser: Browser, reportFile: string, path: string): Promise<void> {
	const shots: Buffer[] = [];
	for (const view of [
		{ viewport: { width: 1200, height: 760 }, colorScheme: 'light', hash: '' },
		{ viewport: { width: 360, height: 760 }, colorScheme: 'dark', hash: '#deflection-heading' },
	] as const) {
		const page = await browser.newPage({ viewport: view.viewport, colorScheme: view.colorScheme, deviceScaleFactor: 1 });
		await page.goto(`${pathToFileURL(reportFile).href}${view.hash}`);
		shots.push(await page.screenshot());
		await page.close();
	}
	await sideBySide(browser, shots, { width: 1600, height: 760 }, path);
}

import type { Page } from 'playwright-core';

/**
 * Puts focus in a search box as a shopper does: on a phone, the header's box is in a sheet that its search button
 * opens (a tap on it); elsewhere, and for other boxes, focus goes to the box itself.
 */
export async function focusSearchBox(page: Page, box = '#header-search'): Promise<void> {
	const opener = page.locator('[data-search-opener]');
	if (box === '#header-search' && (await opener.isVisible())) {
		await opener.click();
		await page.waitForFunction((id) => document.activeElement?.id === id, box.slice(1));
	} else {
		await page.focus(box);
	}
}

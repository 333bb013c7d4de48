import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, searchUrl } from '../../src/config/page-urls';
import { useChromium } from '../support/browser';
import { checkState, phonePage } from '../support/self-service';

const baseUrl = inject('baseUrl');

const browser = useChromium();

/**
 * The number Chromium draws before each item of each `<Steps>` list, read from its accessibility tree (where the
 * generated `::before` text is the item's first text), as `top-level` or `nested` with that text: what a shopper
 * sees, counters included, not what the stylesheet says.
 */
async function drawnStepNumbers(page: Page): Promise<{ level: 'top' | 'nested'; marker: string }[][]> {
	const cdp = await page.context().newCDPSession(page);
	const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
		nodes: { nodeId: string; backendDOMNodeId?: number; childIds?: string[]; role?: { value: string }; name?: { value: string } }[];
	};
	const byId = new Map(nodes.map((node) => [node.nodeId, node]));
	const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
	const lists: { level: 'top' | 'nested'; marker: string }[][] = [];
	const { nodeIds: stepsIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.steps' });
	for (const stepsId of stepsIds) {
		const list: { level: 'top' | 'nested'; marker: string }[] = [];
		for (const level of ['top', 'nested'] as const) {
			const selector = level === 'top' ? ':scope > ol > li' : ':scope li li';
			const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: stepsId, selector });
			for (const nodeId of nodeIds) {
				const { node } = await cdp.send('DOM.describeNode', { nodeId });
				const item = nodes.find((candidate) => candidate.backendDOMNodeId === node.backendNodeId);
				// The positioned ::before box is a generic node holding the number's text.
				let first = item?.childIds?.map((id) => byId.get(id)).find((child) => child?.role?.value !== 'ListMarker');
				while (first?.role?.value === 'generic') first = byId.get(first.childIds?.[0] ?? '');
				const text = first?.role?.value === 'StaticText' ? (first.name?.value ?? '') : '';
				list.push({ level, marker: /^\d+$/.test(text) ? text : '' });
			}
		}
		lists.push(list);
	}
	await cdp.detach();
	return lists;
}

describe('numbered steps', () => {
	const pages = [articleUrl('en', 'returns-refunds', 'how-to-return-an-item'), articleUrl('fr', 'returns-refunds', 'retourner-un-article')];
	for (const path of pages) {
		it(`${path}: numbers its steps 1 to n, and not the list of reasons inside step 3`, async () => {
			const locale = path.startsWith('/fr/') ? 'fr' : 'en';
			const { page, errors, close } = await phonePage(browser(), locale);
			await page.goto(`${baseUrl}${path}`);
			const lists = await drawnStepNumbers(page);
			expect(lists.length).toBeGreaterThanOrEqual(2);
			const [start] = lists;
			expect(start?.filter((item) => item.level === 'nested').length, 'the reasons of step 3').toBeGreaterThan(0);
			for (const list of lists) {
				const top = list.filter((item) => item.level === 'top').map((item) => item.marker);
				expect(top).toEqual(top.map((_marker, index) => String(index + 1)));
				expect(list.filter((item) => item.level === 'nested').map((item) => item.marker)).toEqual(list.filter((item) => item.level === 'nested').map(() => ''));
			}
			await checkState(page, `${locale}-article-steps`);
			expect(errors).toEqual([]);
			await close();
		});
	}
});

describe('the search page with nothing to show', () => {
	// The offer to search the other language names it as a word of the page's sentence.
	const otherLanguage = { en: '“zzzqqxv” in the French help center', fr: '« zzzqqxv » dans le centre d’aide en anglais' };
	for (const locale of ['en', 'fr'] as const) {
		it(`shows no “Show more results” with no query nor with a query that finds nothing, and offers the other language (${locale})`, async () => {
			const { page, errors, t, close } = await phonePage(browser(), locale);
			const more = page.getByRole('button', { name: t('search.showMore') });
			await page.goto(`${baseUrl}${searchUrl(locale)}`);
			await page.waitForLoadState('networkidle');
			expect(await more.isVisible()).toBe(false);
			await checkState(page, `${locale}-search-empty`);
			await page.goto(`${baseUrl}${searchUrl(locale)}?q=zzzqqxv`);
			await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
			expect(await page.textContent('[data-search-status]')).toBe(t('search.none', { query: 'zzzqqxv' }));
			expect(await more.isVisible()).toBe(false);
			expect(await page.textContent('[data-search-others] a')).toBe(otherLanguage[locale]);
			await checkState(page, `${locale}-search-none`);
			expect(errors).toEqual([]);
			await close();
		});
	}
});

describe('an English query on the French search page', () => {
	it('is searched as typed, not respelt with French words, and the page offers the English help center', async () => {
		const { page, errors, close } = await phonePage(browser(), 'fr');
		await page.goto(`${baseUrl}${searchUrl('fr')}?q=${encodeURIComponent('where is my parcel')}`);
		await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
		const status = (await page.textContent('[data-search-status]')) ?? '';
		expect(status).not.toContain('Résultats pour');
		expect(status).toMatch(/^(\d+ articles? trouvés?\. |Aucun article)/);
		expect(await page.textContent('[data-search-others] a')).toBe('« where is my parcel » dans le centre d’aide en anglais');
		await checkState(page, 'fr-search-english-query');
		expect(errors).toEqual([]);
		await close();
	});
});

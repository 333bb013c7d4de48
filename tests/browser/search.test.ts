import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useChromium, useContexts } from '../support/browser';
import { queryLocalDatabase } from '../support/local-inbox';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

/** The search events the Worker stored for `query`, oldest first, once `count` of them are there. */
async function storedEvents(query: string, count: number) {
	const read = () =>
		queryLocalDatabase<{ kind: string; results: number; rank: number | null; locale: string; day: string }>(
			stateDir,
			`SELECT kind, results, rank, locale, day FROM search_events WHERE query = '${query.replace(/'/g, "''")}' ORDER BY id`,
		);
	await expect.poll(() => read().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
	const events = read();
	for (const event of events) expect(event.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	return events.slice(-count);
}

const browser = useChromium();
const newContext = useContexts(browser);

interface Watched {
	page: Page;
	requests: string[];
	errors: string[];
	/** The headers (as sent, cookies included) of each event the page sent to the events endpoint. */
	events: Promise<Record<string, string>>[];
}

/** A fresh page that records requests, script errors and the search events it sends to the Worker's /api/events. */
async function openPage(path: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; captureEvents?: boolean } = {}): Promise<Watched> {
	const context = await newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true });
	const page = await context.newPage();
	const watched: Watched = { page, requests: [], errors: [], events: [] };
	page.on('request', (request) => watched.requests.push(new URL(request.url()).pathname));
	page.on('pageerror', (error) => watched.errors.push(error.message));
	page.on('console', (message) => {
		// Missing files are tested on their own; a refusal of the Content-Security-Policy counts even when a hash in it
		// happens to hold "404".
		const text = message.text();
		if (message.type() === 'error' && (!/404/.test(text) || /Content Security Policy/i.test(text))) watched.errors.push(text);
	});
	if (options.captureEvents) {
		// Watched on their way to the real endpoint, which stores them; nothing is intercepted.
		context.on('request', (request) => {
			if (new URL(request.url()).pathname === '/api/events') watched.events.push(request.allHeaders());
		});
	}
	await page.goto(`${baseUrl}${path}`);
	return watched;
}

const searchBox = '#header-search';
const options = '[role="listbox"] [role="option"]';

async function typeQuery(page: Page, query: string, selector = searchBox) {
	await page.focus(selector);
	await page.keyboard.type(query, { delay: 30 });
	await page.waitForFunction(
		(input) => {
			const box = document.querySelector<HTMLInputElement>(input);
			return box?.getAttribute('aria-expanded') === 'true' && document.querySelector('.search-popup-status')?.textContent !== '';
		},
		selector,
	);
}

const activeOption = (page: Page) =>
	page.evaluate(() => {
		const id = document.activeElement?.getAttribute('aria-activedescendant');
		const option = id ? document.getElementById(id) : null;
		return option ? { title: option.querySelector('.search-option-title')?.textContent, selected: option.getAttribute('aria-selected'), href: option.dataset['href'] } : null;
	});

describe('the search box', () => {
	it('downloads nothing for search until the shopper focuses it', async () => {
		const { page, requests } = await openPage('/en/shipping/delivery-options');
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => /pagefind|search-ui/.test(path))).toEqual([]);
		await page.focus(searchBox);
		await page.fill(searchBox, 'refund');
		await page.waitForSelector(options);
		await page.waitForLoadState('networkidle');
		expect(requests.some((path) => /^\/pagefind\/wasm\.en\.pagefind$/.test(path))).toBe(true);
		expect(requests.some((path) => /^\/_astro\/search-ui\./.test(path))).toBe(true);
		// The three results shown, and the three below them fetched ahead for the next keystroke: not all 18.
		expect(requests.filter((path) => path.endsWith('.pf_fragment')).length).toBe(6);
	});

	it('is an ARIA 1.2 combobox with a listbox popup and an announced count', async () => {
		const { page } = await openPage('/en/returns-refunds/return-policy');
		await typeQuery(page, 'refund');
		const input = page.locator(searchBox);
		expect(await input.getAttribute('role')).toBe('combobox');
		expect(await input.getAttribute('aria-autocomplete')).toBe('list');
		expect(await input.getAttribute('aria-expanded')).toBe('true');
		const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
		expect(await listbox.getAttribute('role')).toBe('listbox');
		expect(await listbox.getAttribute('aria-label')).toBe('Suggested articles');
		expect(await listbox.locator('[role="option"]').count()).toBeGreaterThan(3);
		// The results' own status (an answer card has another).
		await page.waitForFunction(() => /\d+ articles found/.test(document.querySelector('.search-combobox > div[role="status"]')?.textContent ?? ''));
		await page.keyboard.press('Escape');
		expect(await input.getAttribute('aria-expanded')).toBe('false');
		expect(await page.isVisible('.search-popup')).toBe(false);
	});

	it('groups results by category, with highlighted excerpts and links to matching sections', async () => {
		const { page } = await openPage('/en/account/create-an-account');
		await typeQuery(page, 'refund not received');
		const groups = await page.$$eval('[role="listbox"] [role="group"][aria-label]', (nodes) => nodes.map((node) => node.getAttribute('aria-label')));
		expect(groups[0]).toBe('Returns & refunds');
		const first = page.locator(options).first();
		expect(await first.locator('.search-option-title').textContent()).toBe('When will I get my refund?');
		expect(await first.locator('mark').count()).toBeGreaterThan(0);
		const sections = await page.$$eval('.search-option-section', (nodes) => nodes.map((node) => (node as HTMLElement).dataset['href'] ?? ''));
		const inFirst = sections.filter((href) => href.startsWith('/en/returns-refunds/refund-timing#'));
		expect(inFirst.length).toBeGreaterThan(0);
		await page.goto(`${baseUrl}${inFirst[0]}`);
		expect(await page.locator(`[id="${inFirst[0]?.split('#')[1]}"]`).evaluate((node) => node.tagName)).toBe('H2');
	});

	it('does a whole search with the keyboard only, including a misspelling and the other language', async () => {
		const { page, errors } = await openPage('/en/payments/gift-cards');
		let focused = '';
		for (let presses = 0; presses < 10 && focused !== 'header-search'; presses++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.id ?? '');
		}
		expect(focused).toBe('header-search');
		await page.keyboard.type('retrun polcy', { delay: 40 });
		await page.waitForFunction(() => document.querySelector('.search-popup-status')?.textContent?.includes('Showing results for “return policy”'));
		await page.keyboard.press('ArrowDown');
		expect(await activeOption(page)).toMatchObject({ title: 'Our return policy', selected: 'true' });
		await page.keyboard.press('ArrowDown');
		const second = await activeOption(page);
		expect(second?.title).not.toBe('Our return policy');
		await page.keyboard.press('ArrowUp');
		expect((await activeOption(page))?.title).toBe('Our return policy');
		await page.keyboard.press('Escape');
		expect(await activeOption(page)).toBeNull();
		expect(await page.inputValue(searchBox)).toBe('retrun polcy');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/en/returns-refunds/return-policy');

		await page.keyboard.press('Control+k');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
		await page.keyboard.type('klarna', { delay: 40 });
		await page.waitForSelector(options);
		// Up from the text goes to the last option: the same search in French.
		await page.keyboard.press('ArrowUp');
		expect((await activeOption(page))?.href).toBe('/fr/search?q=klarna');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/fr/search?q=klarna');
		await page.waitForSelector('[data-search-results] li');
		expect(await page.textContent('[data-search-status]')).toMatch(/articles? trouvés?/);
		expect(errors).toEqual([]);
	});

	it('clears the box with a second Escape', async () => {
		const { page } = await openPage('/fr/shipping');
		await typeQuery(page, 'colis');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		expect(await page.inputValue(searchBox)).toBe('');
	});

	it('opens from Ctrl+K and ⌘+K on any page', async () => {
		const { page } = await openPage('/en');
		await page.keyboard.press('Control+k');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search');
		await page.goto(`${baseUrl}/fr/payments/cartes-cadeaux`);
		await page.keyboard.press('Meta+k');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
	});

	it('reports searches and clicks without cookies or personal data', async () => {
		const { page, events } = await openPage('/en/shipping/delivery-options', { captureEvents: true });
		await typeQuery(page, 'refund for jane@example.com order 1234567');
		// Results left on screen for two seconds are a search the shopper settled on.
		await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/en/returns-refunds/**');
		await expect.poll(() => events.length).toBe(2);
		const headers = await Promise.all(events);
		expect(headers.map((sent) => sent['cookie'])).toEqual([undefined, undefined]);
		// What the Worker stored: the anonymised query, no address, no time but the day.
		const stored = await storedEvents('refund for @ order #', 2);
		expect(stored.map((event) => event.kind)).toEqual(['search', 'click']);
		expect(stored[0]).toMatchObject({ locale: 'en', rank: null });
		expect(stored[1]).toMatchObject({ rank: 1, locale: 'en', results: stored[0]?.results });
		expect(stored[1]?.results).toBeGreaterThan(0);
	});

	it('opens a result with the keyboard, and the events it sends raise no error', async () => {
		const { page, errors } = await openPage('/en/shipping/delivery-options');
		await typeQuery(page, 'parcel');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/en/**');
		expect(errors).toEqual([]);
	});
});

describe('the search page', () => {
	it('lists the results of ?q= and keeps the address shareable as the query and the topic change', async () => {
		const { page, errors } = await openPage('/en/search?q=refund');
		await page.waitForSelector('[data-search-results] li');
		expect(await page.inputValue('#page-search')).toBe('refund');
		expect(await page.textContent('[data-search-results] li h2')).toBe('When will I get my refund?');
		expect(await page.textContent('[data-search-status]')).toMatch(/^\d+ articles found/);
		await page.selectOption('select[name="category"]', 'payments');
		await page.waitForFunction(() => location.search === '?q=refund&category=payments');
		await page.waitForFunction(() => [...document.querySelectorAll('.search-result-category')].every((node) => node.textContent === 'Payments'));
		const label = await page.$eval('select[name="category"] option[value="payments"]', (option) => option.textContent);
		expect(label).toMatch(/^Payments \(\d+\)$/);
		await page.fill('#page-search', 'klarna');
		await page.waitForFunction(() => location.search === '?q=klarna&category=payments');
		await page.waitForFunction(() => document.querySelector('[data-search-results] li h2')?.textContent === 'Pay in 3 instalments with Klarna');
		expect(await page.getAttribute('.language-switcher a[hreflang="fr"]', 'href')).toBe('/fr/search?q=klarna');
		expect(await page.getAttribute('[data-search-others] a', 'href')).toBe('/fr/search?q=klarna');
		expect(errors).toEqual([]);
	});

	it('leaves English words as typed on the French search page, and offers the English help center', async () => {
		const { page, errors } = await openPage(`/fr/search?q=${encodeURIComponent('password reset')}`);
		await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.trim());
		// Not "Résultats pour « password reste »": "reset" is an English word, not a misspelt French one.
		expect(await page.textContent('[data-search-status]')).not.toContain('reste');
		expect(await page.getAttribute('[data-search-others] a', 'href')).toBe(`/en/search?q=${encodeURIComponent('password reset')}`);
		expect(errors).toEqual([]);
	});

	it('shows the form and the topics without JavaScript', async () => {
		const { page } = await openPage('/fr/search?q=remboursement', { javaScriptEnabled: false });
		expect(await page.isVisible('#page-search')).toBe(true);
		expect(await page.locator('noscript').count()).toBe(1);
		const html = await page.content();
		expect(html).toContain('href="/fr/returns-refunds"');
		await page.fill('#page-search', 'colis');
		await page.click('button[type="submit"]');
		await page.waitForURL('**/fr/search?q=colis*');
	});
});

describe('suggested articles', () => {
	it('suggest articles from the words of an address that was not found, and record the click as a deflection', async () => {
		const { page, events, errors } = await openPage('/en/shiping-costs-retrun', { captureEvents: true });
		await page.waitForSelector('[data-suggested-articles]:not([hidden]) li a');
		const titles = await page.$$eval('[data-suggested-articles] li a', (links) => links.map((link) => link.textContent));
		expect(titles.length).toBeLessThanOrEqual(3);
		expect(titles).toContain('Return shipping costs');
		await page.click('[data-suggested-articles] li a >> text=Return shipping costs');
		await page.waitForURL('**/en/returns-refunds/return-shipping-costs');
		await expect.poll(() => events.length).toBeGreaterThanOrEqual(1);
		const [deflection] = await storedEvents('shiping costs retrun', 1);
		expect(deflection).toMatchObject({ kind: 'deflection', locale: 'en' });
		expect(deflection?.rank).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});
});

describe('bad input', () => {
	const hostile = [
		'refund '.repeat(143).slice(0, 1_000),
		'📦🚚💸 where is my parcel 🤔',
		'أين طلبي؟ שלום \u202Erefund\u202C',
		'<script>window.__injected = 1</script>refund',
		'"><img src=x onerror="window.__injected = 2">',
		'<svg onload="window.__injected = 3"></svg> parcel',
	];
	const injected = (page: Page) =>
		page.evaluate(() => ({
			flag: (window as unknown as { __injected?: number }).__injected,
			elements: document.querySelectorAll(
				'.search-popup script, .search-popup img, .search-popup svg, .search-popup iframe, [data-search-results] script, [data-search-results] img, [data-search-results] svg, [data-search-results] iframe, .answer-slot script, .answer-slot img, .answer-slot svg, .answer-slot iframe',
			).length,
			tags: [...new Set([...document.querySelectorAll('.search-popup *:not(.answer-slot, .answer-slot *), [data-search-results] *')].map((node) => node.tagName.toLowerCase()))].sort(),
			// An answer card may show above the results: its passage comes from an article, its links stay in the help center.
			cardTags: [...new Set([...document.querySelectorAll('.answer-slot *')].map((node) => node.tagName.toLowerCase()))].sort(),
		}));

	for (const [index, query] of hostile.entries()) {
		it(`is searched as text, with no error and nothing injected: case ${index + 1}`, async () => {
			const { page, errors } = await openPage('/en/shipping/delivery-options');
			await page.focus(searchBox);
			await page.fill(searchBox, query);
			await page.waitForFunction(() => document.querySelector('.search-popup-status')?.textContent !== '' && document.querySelector('#header-search')?.getAttribute('aria-expanded') === 'true');
			const status = await page.textContent('.search-popup-status');
			expect(status).toMatch(/articles? found|No article found/);
			const inPopup = await injected(page);
			expect(inPopup.flag).toBeUndefined();
			expect(inPopup.elements).toBe(0);
			const cardTags = ['div', 'p', 'ul', 'ol', 'li', 'br', 'a', 'time', 'button', 'h2', 'h3'];
			expect(inPopup.tags.every((tag) => ['div', 'span', 'mark', 'p'].includes(tag)), inPopup.tags.join()).toBe(true);
			expect(inPopup.cardTags.every((tag) => cardTags.includes(tag)), inPopup.cardTags.join()).toBe(true);

			await page.goto(`${baseUrl}/en/search?q=${encodeURIComponent(query)}`);
			await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
			const onPage = await injected(page);
			expect(onPage.flag).toBeUndefined();
			expect(onPage.elements).toBe(0);
			expect(onPage.tags.every((tag) => ['li', 'h2', 'a', 'p', 'mark', 'ul'].includes(tag)), onPage.tags.join()).toBe(true);
			expect(onPage.cardTags.every((tag) => cardTags.includes(tag)), onPage.cardTags.join()).toBe(true);
			expect(errors).toEqual([]);
		});
	}

	it('shows a query with markup as the text it is', async () => {
		const { page } = await openPage('/en/search?q=%3Cb%3Ezzzzqq%3C%2Fb%3E');
		await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
		expect(await page.textContent('[data-search-status]')).toBe('No article found for “<b>zzzzqq</b>”.');
		expect(await page.locator('[data-search-status] b').count()).toBe(0);
	});
});

describe('axe-core finds no violation', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`with the search open and results shown, in the ${colorScheme} theme`, async () => {
			const { page } = await openPage('/en/returns-refunds/return-policy', { colorScheme });
			await typeQuery(page, 'refund');
			await page.keyboard.press('ArrowDown');
			expect(await axeViolations(page)).toEqual([]);
			await page.goto(`${baseUrl}/fr`);
			await typeQuery(page, 'livraison', '#home-search');
			expect(await axeViolations(page)).toEqual([]);
		});

		it(`on the search page with results and on a 404 with suggestions, in the ${colorScheme} theme`, async () => {
			const { page } = await openPage('/fr/search?q=colis', { colorScheme });
			await page.waitForSelector('[data-search-results] li');
			expect(await axeViolations(page)).toEqual([]);
			await page.goto(`${baseUrl}/en/where-is-my-parcel`);
			await page.waitForSelector('[data-suggested-articles]:not([hidden]) li');
			expect(await axeViolations(page)).toEqual([]);
		});
	}
});

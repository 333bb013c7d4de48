import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readSiteConfig } from '../../src/config/read-site-config';
import { useTranslations, type UiLocale } from '../../src/i18n/translate';
import { axeViolations, useChromium } from '../support/browser';
import { ticketInInbox } from '../support/local-inbox';
import { screenshotDir } from '../support/self-service';
import { startStorefront, type Storefront } from '../support/storefront';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

const browser = useChromium();

// The shop the Worker allows (ALLOWED_ORIGINS, tests/support/start-worker.ts), and one it does not.
let shop: Storefront;
let strangerShop: Storefront;
beforeAll(async () => {
	shop = await startStorefront(baseUrl, inject('storefrontPort'));
	strangerShop = await startStorefront(baseUrl);
});
afterAll(async () => {
	await shop.close();
	await strangerShop.close();
});

const phone = { width: 390, height: 844 };

interface ShopPage {
	page: Page;
	context: BrowserContext;
	/** Script errors and console errors (a refused script, style or request is logged there). */
	errors: string[];
	/** Every request the page made, as full addresses. */
	requests: string[];
	/** The help center's API answers the page got, as `POST /api/answer 200`. */
	apiCalls: string[];
	t: ReturnType<typeof useTranslations>;
}

async function openShop(origin: string, locale: UiLocale, options: { colorScheme?: 'light' | 'dark'; widget?: boolean } = {}): Promise<ShopPage> {
	const context = await browser().newContext({ viewport: phone, colorScheme: options.colorScheme ?? 'light', locale: 'en-GB' });
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		// Chromium logs every 4xx answer to fetch(); apiCalls tells which were expected.
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded')) errors.push(message.text());
	});
	page.on('request', (request) => requests.push(request.url()));
	const apiCalls: string[] = [];
	page.on('response', (response) => {
		const url = new URL(response.url());
		if (url.origin === baseUrl && url.pathname.startsWith('/api/')) apiCalls.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
	});
	await page.goto(`${origin}/?locale=${locale}${options.widget === false ? '&widget=0' : ''}`);
	return { page, context, errors, requests, apiCalls, t: useTranslations(locale) };
}

/** Where focus is: the element focused inside the widget's shadow root, if it is there. */
function focusInWidget(page: Page): Promise<{ inDialog: boolean; text: string; role: string | null } | null> {
	return page.evaluate(() => {
		const host = document.querySelector('help-center-widget');
		if (!host || document.activeElement !== host) return null;
		const active = host.shadowRoot?.activeElement;
		if (!active) return null;
		return { inDialog: active.closest('dialog') !== null, text: active.textContent?.trim() ?? '', role: active.getAttribute('role') ?? active.tagName.toLowerCase() };
	});
}

/** Computed styles of the shop's own elements that a leaking widget stylesheet would change. */
function shopStyles(page: Page): Promise<Record<string, Record<string, string>>> {
	return page.evaluate(() => {
		const properties = ['color', 'background-color', 'font-family', 'font-size', 'letter-spacing', 'text-transform', 'border-top-style', 'padding-top', 'display', 'box-sizing', 'line-height'];
		const styles: Record<string, Record<string, string>> = {};
		for (const selector of ['html', 'body', 'h1', '.price', 'button.add-to-cart', '.description']) {
			const element = document.querySelector(selector);
			if (!element) continue;
			const computed = getComputedStyle(element);
			styles[selector] = Object.fromEntries(properties.map((property) => [property, computed.getPropertyValue(property)]));
		}
		return styles;
	});
}

async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** axe-core on the widget, its shadow root included. */
const widgetViolations = (page: Page) => axeViolations(page, { include: [['help-center-widget']] });

/** The brand's body font, first of its list in content/site.yaml: the widget's text uses it, not the shop's CSS. */
const brandFont = (readSiteConfig(join(import.meta.dirname, '../..')).brand.fonts.body.split(',')[0] ?? '').trim();

describe('the storefront widget on a shop’s page', () => {
	it('answers, tracks an order and sends a message from a shop on another origin with a strict policy', async () => {
		const { page, context, errors, requests, apiCalls, t } = await openShop(shop.origin, 'en');
		const launcher = page.getByRole('button', { name: t('widget.launcher'), exact: true });
		await launcher.waitFor();
		expect(await launcher.getAttribute('aria-expanded')).toBe('false');
		expect(await launcher.getAttribute('aria-haspopup')).toBe('dialog');
		// The shop's CSS reaches neither the launcher nor what it inherits: the brand's colour, the browser's own 16 px.
		const launcherStyle = await launcher.evaluate((element) => {
			const style = getComputedStyle(element);
			return { background: style.backgroundColor, fontSize: style.fontSize, fontFamily: style.fontFamily, textTransform: style.textTransform, position: style.position };
		});
		// The brand's font first (a shop that declares it draws the widget in it), then the widget's own copy of it.
		expect(launcherStyle).toEqual({ background: 'rgb(30, 91, 71)', fontSize: '16px', fontFamily: expect.stringMatching(new RegExp(`^${brandFont}, "${brandFont} \\(help center\\)", `)), textTransform: 'none', position: 'fixed' });
		// Only the launcher so far: the panel's code, and the brand's font, wait for the shopper.
		expect(requests.some((url) => url.includes('/widget/panel-'))).toBe(false);
		expect(requests.some((url) => url.endsWith('.woff2'))).toBe(false);
		expect(await widgetViolations(page)).toEqual([]);
		await screenshot(page, 'widget-en-0-launcher');

		await launcher.click();
		const dialog = page.getByRole('dialog', { name: t('widget.title') });
		await dialog.waitFor();
		expect(requests.filter((url) => url.includes('/widget/panel-'))).toEqual([expect.stringMatching(new RegExp(`^${baseUrl}/widget/panel-en\\.[0-9a-f]{10}\\.js$`))]);
		expect(await dialog.getAttribute('aria-modal')).toBe('true');
		expect(await launcher.getAttribute('aria-expanded')).toBe('true');
		expect(await launcher.getAttribute('aria-controls')).toBe(await dialog.getAttribute('id'));
		// Full screen on a phone (once it has risen into place).
		await dialog.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
		expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: phone.width, height: phone.height });
		expect(await focusInWidget(page)).toMatchObject({ inDialog: true, role: 'input' });
		// The brand's web font, from the help center (the shop's page does not have it), is what the panel's text is set in.
		const brandFontFile = readSiteConfig(join(import.meta.dirname, '../..')).brand.fonts.files[0]?.file ?? '';
		await expect
			.poll(() => page.evaluate((family) => [...document.fonts].filter((face) => face.family.replace(/^"|"$/g, '') === family).map((face) => face.status), `${brandFont} (help center)`))
			.toEqual(['loaded']);
		expect(requests).toContain(`${baseUrl}${brandFontFile}`);
		expect(await page.evaluate((family) => document.fonts.check(`16px "${family}"`), `${brandFont} (help center)`)).toBe(true);

		// A question in the shopper's words: the passage, its source on the help center (a new tab) and its date.
		await dialog.getByLabel(t('widget.ask.label')).fill('how long does a refund take');
		await dialog.getByRole('button', { name: t('widget.ask.submit'), exact: true }).click();
		// The FAQ pair that answers it: its question as the heading, its article as the source.
		const answer = dialog.getByRole('article', { name: 'How long does a refund take?' });
		await answer.waitFor();
		expect(await answer.locator('p').first().textContent()).toContain('within 5 business days of your parcel reaching our warehouse');
		const source = answer.getByRole('link', { name: `When will I get my refund? ${t('widget.newTab')}` });
		expect(await source.getAttribute('href')).toBe(`${baseUrl}/en/returns-refunds/refund-timing#faq-1`);
		expect(await source.getAttribute('target')).toBe('_blank');
		expect(await source.getAttribute('rel')).toBe('noopener');
		expect(await answer.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(await answer.locator('time').textContent()).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe(t('widget.answer.found', { title: 'How long does a refund take?' }));
		expect(await widgetViolations(page)).toEqual([]);
		await screenshot(page, 'widget-en-1-answer');

		// A passage with a list: list items, as text.
		await dialog.getByLabel(t('widget.ask.label')).fill('where do I find my tracking number');
		await dialog.getByLabel(t('widget.ask.label')).press('Enter');
		const listAnswer = dialog.getByRole('article', { name: 'Find your tracking number' });
		await listAnswer.waitFor();
		expect(await listAnswer.getByRole('listitem').allTextContents()).toEqual([
			'The shipping email, titled "Your order is on its way". It arrives the day your order ships.',
			'Your account: go to Orders, open the order and look under Shipment.',
		]);

		// A question the help center does not answer: said plainly, with the closest article and the way to a person.
		await dialog.getByLabel(t('widget.ask.label')).fill('do you accept bitcoin');
		await dialog.getByLabel(t('widget.ask.label')).press('Enter');
		await dialog.getByRole('tabpanel', { name: t('widget.tab.ask') }).getByText(t('widget.answer.none')).waitFor();
		expect(await dialog.getByRole('link', { name: `Accepted payment methods ${t('widget.newTab')}` }).getAttribute('href')).toBe(`${baseUrl}/en/payments/payment-methods`);
		expect(await widgetViolations(page)).toEqual([]);

		// A question about one's own order: the tracking page, or tracking right here.
		await dialog.getByLabel(t('widget.ask.label')).fill('where is my order');
		await dialog.getByLabel(t('widget.ask.label')).press('Enter');
		const trackPage = dialog.getByRole('link', { name: `${t('selfService.track.title')} ${t('widget.newTab')}` });
		await trackPage.waitFor();
		expect(await trackPage.getAttribute('href')).toBe(`${baseUrl}/en/track`);
		await dialog.getByRole('button', { name: t('widget.answer.trackHere') }).click();
		expect(await dialog.getByRole('tab', { name: t('widget.tab.track') }).getAttribute('aria-selected')).toBe('true');
		expect(await focusInWidget(page)).toMatchObject({ role: 'input' });
		expect(await page.evaluate(() => document.querySelector('help-center-widget')?.shadowRoot?.activeElement?.id)).toBe('hc-order-number');

		// An order: its status, items and parcels with their tracking links.
		await dialog.getByLabel(t('lookup.orderNumber'), { exact: true }).fill('#1004');
		await dialog.getByLabel(t('lookup.email'), { exact: true }).fill('sam.taylor@example.com');
		await dialog.getByRole('button', { name: t('lookup.submit') }).click();
		const orderHeading = dialog.getByRole('heading', { name: t('order.heading', { order: '#1004' }) });
		await orderHeading.waitFor();
		expect(await focusInWidget(page)).toMatchObject({ text: t('order.heading', { order: '#1004' }) });
		const order = dialog.getByRole('tabpanel', { name: t('widget.tab.track') });
		expect(await order.locator('.ss-badge').textContent()).toBe(t('order.status.in_transit'));
		expect(await order.getByRole('heading', { name: t('order.items') }).count()).toBe(1);
		expect(await order.textContent()).toContain(t('order.parcelTracking', { carrier: 'DHL Express', tracking: '6A00000004001' }));
		const parcel = order.getByRole('link', { name: `${t('order.trackParcel', { number: 1 })} ${t('widget.newTab')}` });
		expect(await parcel.getAttribute('href')).toBe('https://www.dhl.com/fr-en/home/tracking.html?tracking-id=6A00000004001');
		expect(await parcel.getAttribute('target')).toBe('_blank');
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe(t('lookup.found', { order: '#1004' }));
		expect(await widgetViolations(page)).toEqual([]);
		await screenshot(page, 'widget-en-2-order');

		// A message: checked by the API (six links are too many), then sent, and it reaches the helpdesk.
		await dialog.getByRole('tab', { name: t('widget.tab.contact') }).click();
		const subject = `Widget question ${Date.now()}`;
		await dialog.getByLabel(t('contactForm.name')).fill('Alex Martin');
		await dialog.getByLabel(t('contactForm.email'), { exact: true }).fill('alex.martin@example.com');
		await dialog.getByLabel(`${t('contactForm.orderNumber')} (${t('form.optional')})`).fill('1004');
		await dialog.getByLabel(t('contactForm.subject')).fill(subject);
		const messageField = dialog.getByLabel(t('contactForm.message'));
		await messageField.fill(Array.from({ length: 6 }, (_, index) => `https://example.com/photo-${index}`).join(' '));
		await dialog.getByRole('button', { name: t('contactForm.submit') }).click();
		await expect.poll(() => messageField.getAttribute('aria-invalid')).toBe('true');
		const linksError = t('widget.error.links', { max: 5 });
		expect(await dialog.locator('#hc-contact-message-error').textContent()).toBe(linksError);
		expect(await messageField.getAttribute('aria-describedby')).toContain('hc-contact-message-error');
		expect(await focusInWidget(page)).toMatchObject({ role: 'textarea' });
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`${t('form.errorSummary')}: ${linksError}`);
		expect(await widgetViolations(page)).toEqual([]);
		await screenshot(page, 'widget-en-3-contact-error');

		await messageField.fill('Hello, does the linen shirt run large?');
		await dialog.getByRole('button', { name: t('contactForm.submit') }).click();
		const sent = dialog.getByRole('heading', { name: t('contactForm.doneHeading') });
		await sent.waitFor();
		const reference = /HC-[A-Z0-9]+/.exec((await dialog.locator('.reference').textContent()) ?? '')?.[0] ?? '';
		expect(reference).not.toBe('');
		expect(await focusInWidget(page)).toMatchObject({ text: t('contactForm.doneHeading') });
		const ticket = await ticketInInbox(stateDir, reference);
		expect(ticket.subject).toBe(subject);
		expect(ticket.sender).toBe('Alex Martin <alex.martin@example.com>');
		expect(ticket.body).toContain('Order: #1004');
		// What the shopper asked the widget first, for the agent.
		expect(ticket.body).toContain('Searched before writing: how long does a refund take | where do I find my tracking number | do you accept bitcoin | where is my order');
		expect(JSON.parse(ticket.tags)).toContain('locale-en');
		await screenshot(page, 'widget-en-4-sent');

		expect(errors).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
		// Preflights are the browser's own: the page sees only the requests themselves.
		expect(apiCalls).toEqual([
			'POST /api/answer 200',
			'POST /api/answer 200',
			'POST /api/answer 200',
			'POST /api/answer 200',
			'POST /api/orders/lookup 200',
			'POST /api/tickets 400',
			'POST /api/tickets 202',
		]);
		await context.close();
	});

	it('works with the keyboard: a trapped Tab, arrow keys between tabs, Escape back to the launcher', async () => {
		const { page, context, t } = await openShop(shop.origin, 'en');
		const launcher = page.getByRole('button', { name: t('widget.launcher'), exact: true });
		await launcher.waitFor();
		await launcher.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: t('widget.title') });
		await dialog.waitFor();
		await expect.poll(() => focusInWidget(page)).toMatchObject({ inDialog: true, role: 'input' });

		// Round the panel, both ways, never out of it.
		const seen = new Set<string>();
		for (let step = 0; step < 12; step++) {
			await page.keyboard.press('Tab');
			const focus = await focusInWidget(page);
			expect(focus?.inDialog, `Tab ${step + 1}`).toBe(true);
			seen.add(`${focus?.role}:${focus?.text}`);
		}
		expect(seen.size).toBeGreaterThanOrEqual(5);
		for (let step = 0; step < 12; step++) {
			await page.keyboard.press('Shift+Tab');
			expect((await focusInWidget(page))?.inDialog, `Shift+Tab ${step + 1}`).toBe(true);
		}

		// The tab list: one stop, arrow keys move and show.
		await dialog.getByRole('tab', { name: t('widget.tab.ask') }).focus();
		await page.keyboard.press('ArrowRight');
		expect(await focusInWidget(page)).toMatchObject({ role: 'tab', text: t('widget.tab.track') });
		expect(await dialog.getByRole('tabpanel', { name: t('widget.tab.track') }).isVisible()).toBe(true);
		await page.keyboard.press('End');
		expect(await focusInWidget(page)).toMatchObject({ role: 'tab', text: t('widget.tab.contact') });
		await page.keyboard.press('ArrowRight');
		expect(await focusInWidget(page)).toMatchObject({ role: 'tab', text: t('widget.tab.ask') });

		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		expect(await launcher.getAttribute('aria-expanded')).toBe('false');
		expect(await focusInWidget(page)).toMatchObject({ inDialog: false, text: t('widget.launcher') });

		// Open again: the same panel, not a second one; the close button closes it too.
		await page.keyboard.press('Enter');
		await dialog.waitFor();
		expect(await page.locator('help-center-widget').count()).toBe(1);
		await dialog.getByRole('button', { name: t('widget.close') }).click();
		await dialog.waitFor({ state: 'hidden' });
		expect(await focusInWidget(page)).toMatchObject({ text: t('widget.launcher') });
		await context.close();
	});

	it('leaves the shop’s own styles as they were', async () => {
		const without = await openShop(shop.origin, 'en', { widget: false });
		const before = await shopStyles(without.page);
		expect(before['button.add-to-cart']?.['background-color']).toBe('rgb(255, 0, 0)');
		await without.context.close();

		const { page, context, t } = await openShop(shop.origin, 'en');
		const launcher = page.getByRole('button', { name: t('widget.launcher'), exact: true });
		await launcher.waitFor();
		expect(await shopStyles(page)).toEqual(before);
		await launcher.click();
		await page.getByRole('dialog', { name: t('widget.title') }).waitFor();
		expect(await shopStyles(page)).toEqual(before);
		// Nor does the shop's CSS reach the panel's fields (its `div, input { border: 5px dotted blue }`).
		const field = page.getByLabel(t('widget.ask.label'));
		expect(await field.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
		await context.close();
	});

	it('is refused the API from a shop the help center does not list, though its script loads', async () => {
		const { page, context, errors, t } = await openShop(strangerShop.origin, 'en');
		await page.getByRole('button', { name: t('widget.launcher'), exact: true }).click();
		const dialog = page.getByRole('dialog', { name: t('widget.title') });
		await dialog.getByLabel(t('widget.ask.label')).fill('how long does a refund take');
		await dialog.getByLabel(t('widget.ask.label')).press('Enter');
		// The browser does not let the page read the API's answer: for the panel, the server could not be reached.
		await dialog.getByRole('tabpanel', { name: t('widget.tab.ask') }).getByText(t('form.error.network')).waitFor();
		expect(errors.join('\n')).toMatch(/CORS/);
		await context.close();

		// What the browser was told: no CORS for that origin, and 403 origin_not_allowed for the request itself.
		const preflight = await fetch(`${baseUrl}/api/tickets`, {
			method: 'OPTIONS',
			headers: { Origin: strangerShop.origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
		});
		expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
		const refused = await fetch(`${baseUrl}/api/answer`, {
			method: 'POST',
			headers: { Origin: strangerShop.origin, 'Content-Type': 'application/json' },
			body: JSON.stringify({ question: 'how long does a refund take', locale: 'en' }),
		});
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });

		// The listed shop's preflight: its origin, the JSON content type and the Idempotency-Key allowed.
		const allowed = await fetch(`${baseUrl}/api/tickets`, {
			method: 'OPTIONS',
			headers: { Origin: shop.origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
		});
		expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(shop.origin);
		expect(allowed.headers.get('Access-Control-Allow-Headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['content-type', 'idempotency-key']));
		expect(allowed.headers.get('Access-Control-Allow-Methods')).toContain('POST');
	});

	it('serves the loader for five minutes and the panels for a year, both to any origin', async () => {
		const loader = await fetch(`${baseUrl}/widget.js`);
		expect(loader.headers.get('Content-Type')).toMatch(/javascript/);
		expect(loader.headers.get('Cache-Control')).toBe('public, max-age=300');
		expect(loader.headers.get('Access-Control-Allow-Origin')).toBe('*');
		const panelPath = /"(widget\/panel-fr\.[0-9a-f]{10}\.js)"/.exec(await loader.text())?.[1];
		expect(panelPath).toBeDefined();
		const panel = await fetch(`${baseUrl}/${panelPath}`);
		expect(panel.status).toBe(200);
		expect(panel.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
		expect(panel.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect(panel.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
	});

	it('opens as a panel in the corner of a wider screen', async () => {
		const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const t = useTranslations('en');
		await page.goto(`${shop.origin}/?locale=en`);
		await page.getByRole('button', { name: t('widget.launcher'), exact: true }).click();
		const dialog = page.getByRole('dialog', { name: t('widget.title') });
		await dialog.waitFor();
		await dialog.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
		const box = await dialog.boundingBox();
		// Above the launcher, against the right edge, the shop's page around it.
		expect(box && { right: Math.round(box.x + box.width), bottom: Math.round(box.y + box.height), width: Math.round(box.width) }).toEqual({ right: 1264, bottom: 720, width: 416 });
		expect(await widgetViolations(page)).toEqual([]);
		await screenshot(page, 'widget-en-desktop');
		await context.close();
	});

	for (const locale of ['en', 'fr'] as const) {
		for (const colorScheme of ['light', 'dark'] as const) {
			it(`opens in ${locale === 'en' ? 'English' : 'French'} on a phone in the ${colorScheme} theme, without an axe-core violation`, async () => {
				const { page, context, errors, t } = await openShop(shop.origin, locale, { colorScheme });
				await page.getByRole('button', { name: t('widget.launcher'), exact: true }).click();
				const dialog = page.getByRole('dialog', { name: t('widget.title') });
				await dialog.waitFor();
				expect(await dialog.getAttribute('lang')).toBe(locale);
				const surface = await dialog.evaluate((element) => getComputedStyle(element).backgroundColor);
				expect(surface).toBe(colorScheme === 'dark' ? 'rgb(27, 34, 32)' : 'rgb(255, 255, 255)');
				await dialog.getByLabel(t('widget.ask.label')).fill(locale === 'en' ? 'how long does a refund take' : 'combien de temps pour être remboursé');
				await dialog.getByLabel(t('widget.ask.label')).press('Enter');
				await dialog.getByRole('article').waitFor();
				expect(await dialog.getByRole('article').getByRole('link').first().getAttribute('href')).toMatch(
					locale === 'en' ? `${baseUrl}/en/returns-refunds/refund-timing` : `${baseUrl}/fr/returns-refunds/delai-de-remboursement`,
				);
				expect(await widgetViolations(page)).toEqual([]);
				await screenshot(page, `widget-${locale}-${colorScheme}`);
				expect(errors).toEqual([]);
				await context.close();
			});
		}
	}
});

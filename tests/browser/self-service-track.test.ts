import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { checkState, focusedText, lookUp, phonePage } from '../support/self-service';

const baseUrl = inject('baseUrl');

const browser = useChromium();

const cases = [
	{
		locale: 'en',
		path: '/en/track',
		status: 'On its way',
		returnReason: 'Returns: Returns open once your order has been delivered.',
		addressReason: 'Address change: This order has already left our warehouse, so its address can no longer be changed.',
		place: 'Delivery to Manchester, United Kingdom',
	},
	{
		locale: 'fr',
		path: '/fr/suivi',
		status: 'En route',
		returnReason: 'Retours : Les retours sont possibles une fois la commande livrée.',
		addressReason: 'Changement d’adresse : Cette commande a déjà quitté notre entrepôt : son adresse ne peut plus être modifiée.',
		place: 'Livraison à Manchester, Royaume-Uni',
	},
] as const;

describe('tracking an order', () => {
	for (const expected of cases) {
		it(`shows an in-transit order with its timeline, parcel link and actions (${expected.locale})`, async () => {
			const { page, errors, t, close } = await phonePage(browser(), expected.locale);
			await page.goto(`${baseUrl}${expected.path}`);
			await checkState(page, `${expected.locale}-track-1-form`);
			await lookUp(page, t, '#1004', 'sam.taylor@example.com');

			const heading = page.getByRole('heading', { name: t('order.heading', { order: '#1004' }) });
			await heading.waitFor();
			expect(await focusedText(page)).toBe(t('order.heading', { order: '#1004' }));
			expect(await page.locator('[data-flow-status]').textContent()).toBe(t('lookup.found', { order: '#1004' }));
			const result = page.locator('[data-step="result"]');
			expect(await result.locator('.ss-badge').textContent()).toBe(expected.status);
			expect(await result.textContent()).toContain(expected.place);
			// Placed, paid, shipped and with the carrier; not delivered yet.
			expect(await result.locator('.ss-timeline li.done').count()).toBe(4);
			expect(await result.locator('.ss-timeline li[aria-current="step"]').textContent()).toContain(t('order.step.in_transit'));
			const parcelLink = result.getByRole('link', { name: t('order.trackParcel', { number: 1 }) });
			expect(await parcelLink.getAttribute('href')).toBe('https://www.dhl.com/fr-en/home/tracking.html?tracking-id=6A00000004001');
			expect(await result.textContent()).toContain(t('order.parcelTracking', { carrier: 'DHL Express', tracking: '6A00000004001' }));
			const actions = result.locator('[data-order-actions] li');
			expect((await actions.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([expected.returnReason, expected.addressReason]);
			await checkState(page, `${expected.locale}-track-2-in-transit`);
			expect(errors).toEqual([]);
			await close();
		});
	}

	it('says so when no order has this number and e-mail, with focus on the error summary', async () => {
		const { page, t, close } = await phonePage(browser(), 'fr');
		await page.goto(`${baseUrl}/fr/suivi`);
		await lookUp(page, t, '1004', 'someone.else@example.com');
		const summary = page.locator('.error-summary:not([hidden])');
		await summary.waitFor();
		expect(await summary.textContent()).toContain('Aucune commande ne correspond à ce numéro et à cette adresse e-mail.');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
		await checkState(page, 'fr-track-3-not-found');
		await close();
	});

	it('checks the fields before sending, with links from the summary to each field', async () => {
		const { page, t, close } = await phonePage(browser(), 'en');
		const requests: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/api/')) requests.push(request.url());
		});
		await page.goto(`${baseUrl}/en/track`);
		await page.getByLabel(t('lookup.email'), { exact: true }).fill('not-an-address');
		await page.getByRole('button', { name: t('lookup.submit') }).click();
		const summary = page.locator('.error-summary:not([hidden])');
		expect(await summary.getByRole('link').allTextContents()).toEqual([t('form.error.orderNumberRequired'), t('form.error.emailFormat')]);
		expect(await page.getByLabel(t('lookup.email'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#track-email-error').textContent()).toBe(t('form.error.emailFormat'));
		await checkState(page, 'en-track-4-invalid');
		await summary.getByRole('link', { name: t('form.error.emailFormat') }).click();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('track-email');
		expect(requests).toEqual([]);
		await close();
	});

	for (const [locale, path] of [
		['en', '/en/orders-tracking/track-your-order'],
		['fr', '/fr/orders-tracking/ou-est-ma-commande'],
	] as const) {
		it(`works inside the article ${path}`, async () => {
			const { page, t, close } = await phonePage(browser(), locale);
			await page.goto(`${baseUrl}${path}`);
			await lookUp(page, t, '#1004', 'sam.taylor@example.com');
			await page.getByRole('heading', { name: t('order.heading', { order: '#1004' }), level: 3 }).waitFor();
			await checkState(page, `${locale}-article-lookup`);
			await page.getByRole('button', { name: t('lookup.another') }).click();
			expect(await page.getByLabel(t('lookup.orderNumber'), { exact: true }).inputValue()).toBe('');
			await close();
		});
	}
});

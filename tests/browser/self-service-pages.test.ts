import { describe, expect, inject, it } from 'vitest';
import { site } from '../../src/config/site';
import { selfServicePages, selfServiceUrl } from '../../src/config/page-urls';
import { useChromium } from '../support/browser';
import { startWorker } from '../../scripts/lib/worker-server';
import { checkState, lookUp, phonePage } from '../support/self-service';
import { request, unreliableNetwork } from '../support/unreliable-network';

const baseUrl = inject('baseUrl');
const locales = ['en', 'fr'] as const;

const browser = useChromium();

describe('every self-service page on a 360-pixel phone', () => {
	for (const locale of locales) {
		for (const page of selfServicePages) {
			for (const colorScheme of ['light', 'dark'] as const) {
				it(`${selfServiceUrl(locale, page)} in the ${colorScheme} theme: no axe violation, no sideways scroll, a screenshot`, async () => {
					const { page: tab, errors, close } = await phonePage(browser(), locale, { colorScheme });
					await tab.goto(`${baseUrl}${selfServiceUrl(locale, page)}`);
					expect(await tab.locator('.self-service .ss-app').isVisible()).toBe(true);
					expect(await tab.locator('.self-service .nojs-notice').isVisible()).toBe(false);
					await checkState(tab, `${locale}-${page}${colorScheme === 'dark' ? '-dark' : ''}`);
					expect(errors).toEqual([]);
					await close();
				});
			}
		}
	}
});

describe('without JavaScript', () => {
	for (const locale of locales) {
		it(`explains and offers the contact e-mail instead of a dead form (${locale})`, async () => {
			const { page, close } = await phonePage(browser(), locale, { javaScriptEnabled: false });
			for (const path of selfServicePages.map((name) => selfServiceUrl(locale, name))) {
				await page.goto(`${baseUrl}${path}`);
				expect(await page.locator('h1').isVisible(), path).toBe(true);
				const notice = page.locator('.self-service .nojs-notice');
				expect(await notice.isVisible(), path).toBe(true);
				expect(await notice.getByRole('link', { name: site.contact.email }).getAttribute('href')).toBe(`mailto:${site.contact.email}`);
				expect(await page.locator('.self-service form').first().isVisible(), path).toBe(false);
			}
			await checkState(page, `${locale}-contact-no-javascript`, { axe: false });
			await close();
		});
	}
});

describe('states announced to screen readers', () => {
	it('announces loading, then a rate limit with how long to wait', async () => {
		// The Worker's own limits, at their real size: five wrong lookups an hour for one order number from one client
		// (this test and its browser are one client, 127.0.0.1).
		const strict = await startWorker({ vars: { RATE_LIMIT_SCALE: '1' } });
		const network = await unreliableNetwork(strict.url);
		const { page, t, close } = await phonePage(browser(), 'en');
		const orderNumber = '4242';
		const email = 'nobody@example.com';
		for (let attempt = 0; attempt < 5; attempt++) {
			const response = await fetch(`${strict.url}/api/orders/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ orderNumber, email, locale: 'en' }) });
			expect(response.status).toBe(404);
		}
		let retryAfter = 0;
		page.on('response', (answer) => {
			if (new URL(answer.url()).pathname === '/api/orders/lookup') retryAfter = Number(answer.headers()['retry-after']);
		});
		// A slow network keeps the lookup on its way long enough to be seen.
		network.next(request('POST', '/api/orders/lookup'), { delayMs: 1_500 });
		await page.goto(`${network.url}/en/track`);
		await lookUp(page, t, orderNumber, email);
		const form = page.locator('[data-lookup-form]');
		await expect.poll(() => form.locator('[role="status"]').textContent()).toBe(t('lookup.searching'));
		expect(await form.getAttribute('aria-busy')).toBe('true');
		// A second press while the first is on its way sends nothing more.
		await page.getByRole('button', { name: t('lookup.submit') }).click({ force: true });
		const summary = page.locator('.error-summary:not([hidden])');
		await summary.waitFor();
		expect(await summary.getAttribute('role')).toBe('alert');
		const minutes = Math.ceil(retryAfter / 60);
		expect(retryAfter).toBeGreaterThan(0);
		expect(await summary.textContent()).toContain(minutes <= 1 ? t('form.error.rateLimitedOne') : t('form.error.rateLimited', { minutes }));
		expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
		expect(await form.getAttribute('aria-busy')).toBeNull();
		expect(network.requests.filter((line) => line === 'POST /api/orders/lookup')).toHaveLength(1);
		await checkState(page, 'en-track-rate-limited');
		await close();
		await network.close();
		await strict.stop();
	});

	it('sends the Turnstile token when the site shows the widget, and waits for it when it is not there yet', async () => {
		const { page, t, close } = await phonePage(browser(), 'fr');
		const bodies: Record<string, unknown>[] = [];
		page.on('request', (sent) => {
			if (new URL(sent.url()).pathname === '/api/tickets') bodies.push(JSON.parse(sent.postData() ?? '{}') as Record<string, unknown>);
		});
		await page.goto(`${baseUrl}/fr/contact`);
		// What Cloudflare's script renders inside the widget slot once it has loaded (no internet here).
		await page.evaluate(() => {
			const widget = document.createElement('div');
			widget.className = 'cf-turnstile';
			const actions = document.querySelector('[data-contact-form] .ss-actions-row');
			actions?.parentNode?.insertBefore(widget, actions);
		});
		await page.getByLabel(t('contactForm.name')).fill('Alex Martin');
		await page.getByLabel(t('contactForm.email'), { exact: true }).fill('alex.martin@example.com');
		await page.getByLabel(t('contactForm.subject')).fill('Question');
		await page.getByLabel(t('contactForm.message')).fill('Bonjour');
		await page.getByRole('button', { name: t('contactForm.submit') }).click();
		await page.locator('.error-summary:not([hidden])').waitFor();
		expect(await page.locator('.error-summary').textContent()).toContain(t('form.error.turnstilePending'));
		expect(bodies).toEqual([]);

		await page.evaluate(() => {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = 'cf-turnstile-response';
			input.value = 'turnstile-token-1';
			document.querySelector('.cf-turnstile')?.appendChild(input);
		});
		await page.getByRole('button', { name: t('contactForm.submit') }).click();
		await page.getByRole('heading', { name: t('contactForm.doneHeading') }).waitFor();
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).toMatchObject({ turnstileToken: 'turnstile-token-1', subject: 'Question', locale: 'fr' });
		await close();
	});
});

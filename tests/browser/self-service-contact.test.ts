import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { queryLocalDatabase, ticketInInbox } from '../support/local-inbox';
import { checkState, focusedText, phonePage } from '../support/self-service';
import { request, unreliableNetwork } from '../support/unreliable-network';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');
const projectRoot = new URL('../..', import.meta.url).pathname;

const browser = useChromium();

async function fillContact(page: Page, t: (key: 'contactForm.name' | 'contactForm.email' | 'contactForm.subject' | 'contactForm.message') => string, subject: string) {
	await page.getByLabel(t('contactForm.name')).fill('Alex Martin');
	await page.getByLabel(t('contactForm.email'), { exact: true }).fill('alex.martin@example.com');
	await page.getByLabel(t('contactForm.subject')).fill(subject);
	await page.getByLabel(t('contactForm.message')).fill('Hello, my parcel arrived but one sleeve is torn. What can I do?');
}

describe('the contact form', () => {
	it('suggests refund articles for "refund", and "this answered my question" reaches the search report', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'en');
		const deflections = () =>
			queryLocalDatabase<{ count: number }>(stateDir, "SELECT COUNT(*) AS count FROM search_events WHERE kind = 'deflection' AND query = 'refund' AND locale = 'en'")[0]?.count ?? 0;
		const before = deflections();
		await page.goto(`${baseUrl}/en/contact`);
		await checkState(page, 'en-contact-1-form');
		await page.getByLabel(t('contactForm.subject')).pressSequentially('refund', { delay: 30 });
		const suggestions = page.getByRole('region', { name: t('search.suggestionsHeading') });
		await suggestions.waitFor();
		const links = suggestions.getByRole('link');
		const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
		expect(hrefs.length).toBeGreaterThan(0);
		// At most three, so the message field stays near: on a phone each suggestion with its passage is a third of a screen.
		expect(hrefs.length).toBeLessThanOrEqual(3);
		expect(hrefs[0]).toBe('/en/returns-refunds/refund-timing');
		expect(await links.first().textContent()).toBe('When will I get my refund?');
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'may answer' }).textContent()).toBe(`${hrefs.length} articles may answer your question.`);
		await checkState(page, 'en-contact-2-suggestions');

		// Each button names its article for screen readers: "This answered my question: When will I get my refund?".
		await suggestions.getByRole('button', { name: /^This answered my question\s?: When will I get my refund\?$/ }).click();
		expect(await focusedText(page)).toBe(t('suggest.thanks'));
		await checkState(page, 'en-contact-3-deflected');
		// Stored by the real endpoint, so the event was valid.
		await expect.poll(deflections, { timeout: 15_000 }).toBe(before + 1);

		// The support lead sees it where they look: the search report, under the question the shopper asked.
		const report = execFileSync('npm', ['run', '--silent', 'report:search', '--', '--persist-to', stateDir, '--locale', 'en'], { cwd: projectRoot, encoding: 'utf8' });
		const answeredSection = report.slice(report.indexOf('Questions answered by a suggested article'));
		expect(answeredSection).toMatch(new RegExp(`│ 'refund' +│ 'en' +│ ${before + 1} +│`));
		expect(errors).toEqual([]);
		await close();
	});

	for (const locale of ['en', 'fr'] as const) {
		it(`sends the message and the ticket reaches the local inbox (${locale})`, async () => {
			const { page, errors, t, close } = await phonePage(browser(), locale);
			await page.goto(`${baseUrl}/${locale}/contact`);
			const subject = locale === 'en' ? 'Torn sleeve on my linen shirt' : 'Manche déchirée sur ma chemise';
			await fillContact(page, t, subject);
			await page.getByLabel(`${t('contactForm.orderNumber')} (${t('form.optional')})`).fill('1004');
			await page.getByRole('button', { name: t('contactForm.submit') }).click();
			await page.getByRole('heading', { name: t('contactForm.doneHeading') }).waitFor();
			expect(await focusedText(page)).toBe(t('contactForm.doneHeading'));
			const done = page.locator('[data-step="done"]');
			const reference = /HC-[A-Z0-9]+/.exec((await done.locator('[data-reference]').textContent()) ?? '')?.[0] ?? '';
			expect(reference).not.toBe('');
			expect(await done.textContent()).toContain(locale === 'en' ? 'We reply by e-mail within 24 hours.' : 'Nous vous répondons par e-mail sous 24 heures.');
			await checkState(page, `${locale}-contact-4-sent`);

			const ticket = await ticketInInbox(stateDir, reference);
			expect(ticket.subject).toBe(subject);
			expect(ticket.sender).toBe('Alex Martin <alex.martin@example.com>');
			expect(ticket.body).toContain('Order: #1004');
			expect(ticket.body).toContain(`Sent from: /${locale}/contact`);
			expect(JSON.parse(ticket.tags)).toContain(`locale-${locale}`);
			expect(errors).toEqual([]);
			await close();
		});
	}

	it('suggests the French refund article for "remboursement"', async () => {
		const { page, t, close } = await phonePage(browser(), 'fr');
		await page.goto(`${baseUrl}/fr/contact`);
		await page.getByLabel(t('contactForm.subject')).pressSequentially('remboursement', { delay: 20 });
		const suggestions = page.getByRole('region', { name: 'Ces articles répondent peut-être à votre question' });
		await suggestions.waitFor();
		// The list follows the typing: what counts is what it shows once the word is whole, not on the way there.
		await expect.poll(() => suggestions.getByRole('link').first().getAttribute('href'), { timeout: 10_000 }).toBe('/fr/returns-refunds/delai-de-remboursement');
		await checkState(page, 'fr-contact-1-suggestions');
		await close();
	});

	it('sends one ticket when the answer is lost and the shopper sends again (same Idempotency-Key)', async () => {
		const { page, t, close } = await phonePage(browser(), 'en');
		const network = await unreliableNetwork(baseUrl);
		const keys: string[] = [];
		page.on('request', (sent) => {
			if (new URL(sent.url()).pathname === '/api/tickets') keys.push(sent.headers()['idempotency-key'] ?? '');
		});
		// The Worker gets the message, but the connection drops before the answer arrives.
		network.next(request('POST', '/api/tickets'), 'drop-answer');
		await page.goto(`${network.url}/en/contact`);
		const subject = `Lost answer ${Date.now()}`;
		await fillContact(page, t, subject);
		await page.getByRole('button', { name: t('contactForm.submit') }).click();
		const summary = page.locator('.error-summary:not([hidden])');
		await summary.waitFor();
		expect(await summary.textContent()).toContain(t('form.error.network'));
		expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
		await checkState(page, 'en-contact-5-network-error');

		await page.getByRole('button', { name: t('contactForm.submit') }).click();
		await page.getByRole('heading', { name: t('contactForm.doneHeading') }).waitFor();
		expect(keys).toHaveLength(2);
		expect(keys[1]).toBe(keys[0]);
		const reference = /HC-[A-Z0-9]+/.exec((await page.locator('[data-reference]').textContent()) ?? '')?.[0] ?? '';
		await ticketInInbox(stateDir, reference);
		const sameSubject = queryLocalDatabase<{ external_id: string }>(stateDir, `SELECT external_id FROM inbox WHERE kind = 'ticket' AND subject = '${subject}'`);
		expect(sameSubject).toEqual([{ external_id: reference }]);
		expect(network.requests.filter((line) => line === 'POST /api/tickets')).toHaveLength(2);
		await network.close();
		await close();
	});
});

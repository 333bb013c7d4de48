import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { emailCount, emailInInbox, latestCode, ticketInInbox } from '../support/local-inbox';
import { checkState, focusedText, lookUp, phonePage } from '../support/self-service';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

// Order #1005 has three units that can be returned (a dress, two T-shirts) and a final-sale swimsuit. The tests
// of this file share it: the English and French flows each return one T-shirt, the keyboard test the dress.
const email = 'lea.moreau@example.com';

const browser = useChromium();

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo(page: Page, selector: string, limit = 30): Promise<void> {
	for (let presses = 0; presses < limit; presses++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

describe('returning items', () => {
	it('returns one T-shirt of a recently delivered order with the e-mailed code (en)', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'en');
		await page.goto(`${baseUrl}/en/return`);
		await checkState(page, 'en-return-1-lookup');
		await lookUp(page, t, '1005', email);
		await page.getByRole('heading', { name: t('verify.heading') }).waitFor();
		expect(await focusedText(page)).toBe(t('verify.heading'));
		expect(await page.locator('[data-step="verify"] [data-order-context]').textContent()).toBe('Order #1005 · Delivered');
		await checkState(page, 'en-return-2-verify');

		await page.getByRole('button', { name: t('verify.send') }).click();
		const codeField = page.getByLabel(t('verify.code'), { exact: true });
		await codeField.waitFor();
		expect(await page.locator('[data-code-sent]').textContent()).toBe('We sent a code to l•••@example.com. It is valid for 10 minutes.');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('code');
		await checkState(page, 'en-return-3-code');
		await codeField.fill(await latestCode(stateDir, email));
		await page.getByRole('button', { name: t('verify.submit') }).click();

		await page.getByRole('heading', { name: t('return.itemsHeading') }).waitFor();
		// The final-sale swimsuit is listed with its reason and cannot be chosen.
		const swimsuit = page.locator('.ss-item', { hasText: 'Swimsuit' });
		expect(await swimsuit.textContent()).toContain('Final sale: this item cannot be returned.');
		expect(await swimsuit.locator('input').count()).toBe(0);
		// Each item with its picture and the price paid.
		const items = page.locator('[data-items] .ss-item');
		expect(await items.locator('img.ss-item-image').count()).toBe(3);
		expect(await items.locator('img.ss-item-image').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0 || !(image as HTMLImageElement).complete))).toBe(true);
		expect(await page.getByRole('group', { name: 'Merino T-shirt' }).textContent()).toContain('Black / L · Quantity: 2 · €45.00 each');
		await checkState(page, 'en-return-4-items');

		await page.getByRole('button', { name: t('return.review') }).click();
		const summary = page.locator('[data-step="items"] .error-summary');
		expect(await summary.getByRole('link').allTextContents()).toEqual(['Choose at least one item to return', 'Choose a refund, an exchange or store credit']);
		await checkState(page, 'en-return-5-items-invalid');

		const tshirt = page.getByRole('group', { name: 'Merino T-shirt' });
		await tshirt.getByLabel(t('return.itemSelect')).check();
		await tshirt.getByLabel(t('return.reason')).selectOption({ label: 'Too small' });
		await page.getByLabel('A refund to your payment method').check();
		await page.getByRole('button', { name: t('return.review') }).click();
		await page.getByRole('heading', { name: t('return.reviewHeading') }).waitFor();
		const review = page.locator('[data-review]');
		expect(await review.locator('dd > ul').first().locator('li').allTextContents()).toEqual(['1 × Merino T-shirt (Black / L) — Too small']);
		expect(await review.textContent()).toContain('A refund to your payment method');
		// The refund, per the label policy of content/site.yaml: 4.95 € off, once.
		expect(await review.locator('[data-refund] li').allTextContents()).toEqual(['Items: €45.00', 'Return label: − €4.95', 'Refund: €40.05']);
		await checkState(page, 'en-return-6-review');

		await page.getByRole('button', { name: t('return.confirm') }).click();
		await page.getByRole('heading', { name: t('return.doneHeading') }).waitFor();
		expect(await focusedText(page)).toBe(t('return.doneHeading'));
		const referenceText = (await page.locator('[data-reference]').textContent()) ?? '';
		const reference = /HC-[A-Z0-9]+/.exec(referenceText)?.[0] ?? '';
		expect(referenceText).toBe(`Your return reference is ${reference}. Keep it: we quote it in every e-mail about this return.`);
		expect(await page.locator('[data-next-steps] li').allTextContents()).toEqual([
			'Once we have approved your return, we e-mail you the prepaid return label. Print it and stick it on the parcel.',
			'Drop the parcel at any post office or relay point within 30 days of delivery.',
			'We refund €40.05 within 5 working days of receiving the parcel.',
		]);
		expect(await page.locator('[data-confirmation]').textContent()).toBe('We have sent a confirmation to l•••@example.com.');
		await checkState(page, 'en-return-7-done');

		const ticket = await ticketInInbox(stateDir, reference);
		expect(ticket.body).toContain('1 × Merino T-shirt (Black / L): Too small');
		expect(ticket.body).toContain('Resolution: refund');
		expect(ticket.body).toContain('Refund: €40.05');
		// The confirmation, read back from the local inbox as the shopper would: once, to the order's address.
		const confirmation = await emailInInbox(stateDir, `confirmation/${reference}`);
		expect(confirmation.recipient).toBe(email);
		expect(confirmation.subject).toBe(`Your return ${reference} for order #1005`);
		expect(confirmation.body).toContain('- 1 × Merino T-shirt (Black / L): Too small');
		expect(confirmation.body).toContain('Items: €45.00\nReturn label: − €4.95\nRefund: €40.05');
		expect(emailCount(stateDir, `confirmation/${reference}`)).toBe(1);
		expect(errors).toEqual([]);
		await close();
	});

	it('starts from the tracking page and returns the other T-shirt for store credit (fr)', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'fr');
		await page.goto(`${baseUrl}/fr/suivi`);
		await lookUp(page, t, '#1005', email);
		await page.locator('#main').getByRole('link', { name: 'Retourner des articles' }).click();
		// The order found on the tracking page carries over: no second lookup.
		await page.waitForURL('**/fr/retour');
		await page.getByRole('heading', { name: 'Confirmez qu’il s’agit de votre commande' }).waitFor();
		expect(await page.locator('[data-step="verify"] [data-order-context]').textContent()).toBe('Commande #1005 · Livrée');
		await checkState(page, 'fr-return-1-verify');

		await page.getByRole('button', { name: 'M’envoyer un code' }).click();
		await page.getByLabel('Code à 6 chiffres').fill(await latestCode(stateDir, email));
		await page.getByRole('button', { name: 'Continuer' }).click();
		await page.getByRole('heading', { name: 'Choisissez ce que vous retournez' }).waitFor();
		expect(await page.locator('.ss-item', { hasText: 'Swimsuit' }).textContent()).toContain('Vente finale : cet article n’est ni repris ni échangé.');
		await checkState(page, 'fr-return-2-items');

		const tshirt = page.getByRole('group', { name: 'Merino T-shirt' });
		await tshirt.getByLabel('Retourner cet article').check();
		await tshirt.getByLabel('Motif').selectOption({ label: 'Trop petit' });
		await page.getByLabel('Un avoir').check();
		await page.getByLabel(t('return.comment')).fill('Merci !');
		await page.getByRole('button', { name: 'Vérifier mon retour' }).click();
		await page.getByRole('heading', { name: 'Vérifiez votre retour' }).waitFor();
		expect(await page.locator('[data-review] dd > ul').first().locator('li').allTextContents()).toEqual(['1 × Merino T-shirt (Black / L) — Trop petit']);
		expect(await page.locator('[data-refund] li').allTextContents()).toEqual(['Articles : 45,00\u00a0€', 'Étiquette de retour : − 4,95\u00a0€', 'Avoir : 40,05\u00a0€']);
		await checkState(page, 'fr-return-3-review');

		await page.getByRole('button', { name: 'Confirmer le retour' }).click();
		await page.getByRole('heading', { name: 'Retour enregistré' }).waitFor();
		const frReference = /HC-[A-Z0-9]+/.exec((await page.locator('[data-reference]').textContent()) ?? '')?.[0] ?? '';
		expect(await page.locator('[data-reference]').textContent()).toMatch(/^Votre numéro de retour est HC-[A-Z0-9]+\. Conservez-le/);
		expect(await page.locator('[data-next-steps] li').allTextContents()).toContain('Votre avoir de 40,05\u00a0€ vous est envoyé par e-mail dès que le colis nous parvient.');
		await checkState(page, 'fr-return-4-done');
		const confirmation = await emailInInbox(stateDir, `confirmation/${frReference}`);
		expect(confirmation.subject).toBe(`Votre retour ${frReference} pour la commande #1005`);
		expect(confirmation.body).toContain('Avoir : 40,05\u00a0€');
		expect(errors).toEqual([]);
		await close();
	});

	for (const [locale, path, reason] of [
		['en', '/en/return', 'Delivered 45 days ago; returns close after 30 days.'],
		['fr', '/fr/retour', 'Livrée il y a 45 jours ; les retours sont possibles pendant 30 jours.'],
	] as const) {
		it(`refuses a return outside the window and says why (${locale})`, async () => {
			const { page, t, close } = await phonePage(browser(), locale);
			await page.goto(`${baseUrl}${path}`);
			await lookUp(page, t, '1006', 'noah.bernard@example.com');
			await page.getByRole('heading', { name: t('return.unavailableHeading') }).waitFor();
			expect(await focusedText(page)).toBe(t('return.unavailableHeading'));
			expect(await page.locator('[data-refusal-reason]').textContent()).toBe(reason);
			expect(await page.getByRole('button', { name: t('verify.send') }).isVisible()).toBe(false);
			await checkState(page, `${locale}-return-refused`);
			await close();
		});
	}

	it('can be done with the keyboard alone (returning the dress)', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'en');
		await page.goto(`${baseUrl}/en/return`);
		await tabTo(page, '#return-order-number');
		await page.keyboard.type('1005');
		await page.keyboard.press('Tab');
		await page.keyboard.type(email);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: t('verify.heading') }).waitFor();

		await tabTo(page, '[data-send-code-form] button[type="submit"]');
		await page.keyboard.press('Enter');
		await page.getByLabel(t('verify.code'), { exact: true }).waitFor();
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('code');
		await page.keyboard.type(await latestCode(stateDir, email));
		await page.keyboard.press('Enter');

		await page.getByRole('heading', { name: t('return.itemsHeading') }).waitFor();
		expect(await focusedText(page)).toBe(t('return.itemsHeading'));
		await tabTo(page, '#return-item-0');
		expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Linen dress');
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('return-item-0-reason');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('#return-item-0-reason').inputValue()).toBe('too-large');
		await tabTo(page, '#return-resolution-refund');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('#return-resolution-exchange').isChecked()).toBe(true);
		// An exchange asks which size or colour, from the dress's own choices.
		const exchange = page.getByRole('group', { name: t('return.exchangeHeading') });
		await exchange.waitFor();
		// Each list starts on the dress's own colour and size: the shopper changes only the size.
		expect(await exchange.getByLabel('Size').locator('option').allTextContents()).toEqual(['XS', 'S', 'M (yours now)', 'L', 'XL']);
		expect(await page.locator('#return-item-0-exchange-0').inputValue()).toBe('Terracotta');
		await tabTo(page, '[data-items-form] button[type="submit"]');
		await page.keyboard.press('Enter');
		// The same size and colour is no exchange.
		expect(await page.locator('[data-step="items"] .error-summary').getByRole('link').allTextContents()).toEqual(['Tell us which size or colour you would like for Linen dress']);
		await tabTo(page, '#return-item-0-exchange-1');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('#return-item-0-exchange-1').inputValue()).toBe('L');
		await tabTo(page, '[data-items-form] button[type="submit"]');
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
		expect(outline).toBe('solid');
		await page.keyboard.press('Enter');

		await page.getByRole('heading', { name: t('return.reviewHeading') }).waitFor();
		expect(await focusedText(page)).toBe(t('return.reviewHeading'));
		expect(await page.locator('[data-review] dd > ul').first().locator('li').allTextContents()).toEqual(['1 × Linen dress (Terracotta / M) — Too large, in exchange for Size: L']);
		expect(await page.locator('[data-refund] li').allTextContents()).toEqual(['An exchange: nothing to pay, nothing refunded.']);
		await tabTo(page, '[data-review-form] button[type="submit"]');
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: t('return.doneHeading') }).waitFor();
		expect(await focusedText(page)).toBe(t('return.doneHeading'));
		expect(await page.locator('[data-next-steps] li').allTextContents()).toContain('We send the exchange as soon as the parcel reaches us.');
		await checkState(page, 'en-return-keyboard-done');
		const exchangeReference = /HC-[A-Z0-9]+/.exec((await page.locator('[data-reference]').textContent()) ?? '')?.[0] ?? '';
		expect((await ticketInInbox(stateDir, exchangeReference)).body).toContain('1 × Linen dress (Terracotta / M): Too large, in exchange for Size: L');
		expect((await emailInInbox(stateDir, `confirmation/${exchangeReference}`)).body).toContain('in exchange for Size: L');
		expect(errors).toEqual([]);
		await close();
	});
});

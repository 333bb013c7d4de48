import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { latestCode } from '../support/local-inbox';
import { checkState, focusedText, lookUp, phonePage } from '../support/self-service';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

// Order #1001 was placed two hours ago and has not shipped. Changes are kept by the demo shop, so each test
// checks the address it finds only by the name it keeps (Camille Martin), whatever an earlier test set.
const email = 'camille.martin@example.com';

const browser = useChromium();

async function verifyWithCode(page: Page, send: string, codeLabel: string, submit: string) {
	await page.getByRole('button', { name: send }).click();
	await page.getByLabel(codeLabel, { exact: true }).fill(await latestCode(stateDir, email));
	await page.getByRole('button', { name: submit }).click();
}

describe('changing the delivery address', () => {
	it('changes the address of an unfulfilled order, with fields and checks that fit the country (en)', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'en');
		await page.goto(`${baseUrl}/en/change-address`);
		await checkState(page, 'en-address-1-lookup');
		await lookUp(page, t, '1001', email);
		await page.getByRole('heading', { name: t('verify.heading') }).waitFor();
		await checkState(page, 'en-address-2-verify');
		await verifyWithCode(page, t('verify.send'), t('verify.code'), t('verify.submit'));

		await page.getByRole('heading', { name: t('address.formHeading') }).waitFor();
		expect(await focusedText(page)).toBe(t('address.formHeading'));
		const current = (await page.locator('[data-current-address]').textContent()) ?? '';
		expect(current.split('\n')[0]).toBe('Camille Martin');
		// The form starts from the current address, to be corrected.
		expect(await page.getByLabel(t('address.firstName')).inputValue()).toBe('Camille');
		const province = page.locator('#address-province');
		expect(await province.isVisible()).toBe(false);
		await checkState(page, 'en-address-3-form');

		// The United States need a state and call the postal code a ZIP code; France needs neither.
		await page.getByLabel(t('address.country')).selectOption('US');
		expect(await page.getByLabel('State', { exact: true }).isVisible()).toBe(true);
		expect(await page.locator('label[for="address-postalCode"]').textContent()).toBe('ZIP code');
		expect(await page.locator('#address-postalCode-hint').textContent()).toBe('For example 94103');
		await page.getByLabel(t('address.country')).selectOption('FR');
		expect(await province.isVisible()).toBe(false);
		expect(await page.locator('#address-postalCode-hint').textContent()).toBe('For example 75001');

		await page.getByLabel(t('address.address1')).fill('8 rue Mercière');
		await page.getByLabel(t('address.address2')).fill('Bâtiment B, code 4821');
		await page.getByLabel(t('address.city')).fill('Lyon');
		await page.getByLabel('Postal code', { exact: true }).fill('6902');
		await page.getByRole('button', { name: t('address.review') }).click();
		const message = 'Enter a postal code used in France, for example 75001';
		expect(await page.locator('#address-postalCode-error').textContent()).toBe(message);
		expect(await page.locator('[data-address-form] .error-summary').getByRole('link').allTextContents()).toEqual([message]);
		await checkState(page, 'en-address-4-invalid');

		await page.getByLabel('Postal code', { exact: true }).fill('69002');
		await page.getByRole('button', { name: t('address.review') }).click();
		await page.getByRole('heading', { name: t('address.reviewHeading') }).waitFor();
		expect(await page.locator('[data-review-new]').textContent()).toBe('Camille Martin\n8 rue Mercière\nBâtiment B, code 4821\n69002 Lyon\nFrance');
		await checkState(page, 'en-address-5-review');

		await page.getByRole('button', { name: t('address.confirm') }).click();
		await page.getByRole('heading', { name: t('address.doneHeading') }).waitFor();
		expect(await page.locator('[data-done-text]').textContent()).toMatch(/^Your order will be delivered to the address below\. Reference: HC-[A-Z0-9]+\.$/);
		expect(await page.locator('[data-done-address]').textContent()).toContain('8 rue Mercière');
		await checkState(page, 'en-address-6-done');
		expect(errors).toEqual([]);
		await close();
	});

	it('changes it to an address in the United States (fr)', async () => {
		const { page, errors, t, close } = await phonePage(browser(), 'fr');
		await page.goto(`${baseUrl}/fr/changer-adresse`);
		await lookUp(page, t, '#1001', email);
		await verifyWithCode(page, 'M’envoyer un code', 'Code à 6 chiffres', 'Continuer');
		await page.getByRole('heading', { name: 'Nouvelle adresse de livraison' }).waitFor();
		expect(((await page.locator('[data-current-address]').textContent()) ?? '').split('\n')[0]).toBe('Camille Martin');

		await page.getByLabel('Pays').selectOption({ label: 'États-Unis' });
		await page.getByLabel('Adresse', { exact: true }).fill('1 Market Street');
		await page.getByLabel('Appartement, bâtiment, digicode (facultatif)').fill('');
		await page.getByLabel('Ville').fill('San Francisco');
		await page.getByLabel('Code ZIP').fill('94103');
		await page.getByRole('button', { name: 'Vérifier la nouvelle adresse' }).click();
		expect(await page.locator('#address-province-error').textContent()).toBe('Renseignez le champ « État »');
		await checkState(page, 'fr-address-1-invalid');

		await page.getByLabel('État', { exact: true }).fill('CA');
		await page.getByRole('button', { name: 'Vérifier la nouvelle adresse' }).click();
		await page.getByRole('heading', { name: 'Vérifiez la nouvelle adresse' }).waitFor();
		expect(await page.locator('[data-review-new]').textContent()).toBe('Camille Martin\n1 Market Street\nSan Francisco CA 94103\nÉtats-Unis');
		await checkState(page, 'fr-address-2-review');
		await page.getByRole('button', { name: 'Confirmer la nouvelle adresse' }).click();
		await page.getByRole('heading', { name: 'Adresse modifiée' }).waitFor();
		expect(await page.locator('[data-done-text]').textContent()).toMatch(/^Votre commande sera livrée à l’adresse ci-dessous\. Référence : HC-[A-Z0-9]+\.$/);
		await checkState(page, 'fr-address-3-done');
		expect(errors).toEqual([]);
		await close();
	});

	for (const [locale, path, reason] of [
		['en', '/en/change-address', 'This order has already left our warehouse, so its address can no longer be changed.'],
		['fr', '/fr/changer-adresse', 'Cette commande a déjà quitté notre entrepôt : son adresse ne peut plus être modifiée.'],
	] as const) {
		it(`refuses once the order has shipped, and says why (${locale})`, async () => {
			const { page, t, close } = await phonePage(browser(), locale);
			await page.goto(`${baseUrl}${path}`);
			await lookUp(page, t, '1004', 'sam.taylor@example.com');
			await page.getByRole('heading', { name: t('address.unavailableHeading') }).waitFor();
			expect(await focusedText(page)).toBe(t('address.unavailableHeading'));
			expect(await page.locator('[data-step="refused"] [data-refusal-reason]').textContent()).toBe(reason);
			await checkState(page, `${locale}-address-refused`);
			await close();
		});
	}
});

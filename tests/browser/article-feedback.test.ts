import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { queryLocalDatabase } from '../support/local-inbox';
import { checkState, focusedText, phonePage } from '../support/self-service';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

const browser = useChromium();

const votes = (article: string) => queryLocalDatabase<{ helpful: number }>(stateDir, `SELECT helpful FROM article_votes WHERE article = '${article}' ORDER BY id`);
const reasons = (article: string) => queryLocalDatabase<{ reason: string; comment: string | null }>(stateDir, `SELECT reason, comment FROM article_feedback WHERE article = '${article}' ORDER BY id`);

describe('"Was this article helpful?"', () => {
	it('records a yes with the keyboard, thanks the shopper, and asks no more in this browser', async () => {
		const article = '/en/shipping/customs-and-duties';
		const { page, errors, t, close } = await phonePage(browser(), 'en');
		const before = votes(article).length;
		await page.goto(`${baseUrl}${article}`);
		const widget = page.getByRole('region', { name: t('feedback.question') });
		await widget.getByRole('button', { name: t('feedback.yes') }).focus();
		await page.keyboard.press('Enter');
		expect(await focusedText(page)).toBe(t('feedback.thanks'));
		await checkState(page, 'en-article-feedback-yes');
		// Stored by the real endpoint: the vote was valid.
		await expect.poll(() => votes(article).length, { timeout: 15_000 }).toBe(before + 1);
		expect(votes(article).at(-1)).toEqual({ helpful: 1 });

		await page.reload();
		await expect.poll(() => page.locator('[data-feedback-step="voted"]').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: t('feedback.yes') }).isVisible()).toBe(false);
		expect(errors).toEqual([]);
		await close();
	});

	it('records a no, then the reason and a comment without the e-mail address in it, and offers more help (fr, dark)', async () => {
		const article = '/fr/returns-refunds/retourner-un-article';
		const { page, errors, t, close } = await phonePage(browser(), 'fr', { colorScheme: 'dark' });
		const before = { votes: votes(article).length, reasons: reasons(article).length };
		await page.goto(`${baseUrl}${article}`);
		await page.getByRole('button', { name: t('feedback.no'), exact: true }).click();
		expect(await focusedText(page)).toBe(t('feedback.whyHeading'));
		await checkState(page, 'fr-article-feedback-why-dark');
		await page.getByRole('radio', { name: t('feedback.reason.outdated') }).check();
		await page.getByLabel(t('feedback.comment')).fill('L’étiquette coûte 5 € maintenant. Écrivez à marie.dupont@example.fr');
		await page.getByRole('button', { name: t('feedback.send') }).click();
		expect(await focusedText(page)).toBe(t('feedback.thanksNo'));
		const widget = page.getByRole('region', { name: t('feedback.question') });
		expect(await widget.getByRole('link', { name: t('feedback.contact') }).getAttribute('href')).toBe('/fr/contact');
		await checkState(page, 'fr-article-feedback-thanks-dark');

		await expect.poll(() => reasons(article).length, { timeout: 15_000 }).toBe(before.reasons + 1);
		expect(votes(article)).toHaveLength(before.votes + 1);
		expect(votes(article).at(-1)).toEqual({ helpful: 0 });
		expect(reasons(article).at(-1)).toEqual({ reason: 'outdated', comment: 'L’étiquette coûte 5 € maintenant. Écrivez à @' });
		expect(errors).toEqual([]);
		await close();
	});
});

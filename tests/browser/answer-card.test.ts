import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useTranslations, type UiLocale } from '../../src/i18n/translate';
import { axeViolations, useChromium, useContexts } from '../support/browser';
import { queryLocalDatabase } from '../support/local-inbox';
import { focusSearchBox } from '../support/search-box';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

const browser = useChromium();
const newContext = useContexts(browser);

interface Opened {
	page: Page;
	t: ReturnType<typeof useTranslations>;
	/** The questions the page sent to POST /api/answer, watched on their way to the real Worker (nothing intercepted). */
	questions: string[];
	errors: string[];
}

/** A phone-sized page (390×844) in `locale`, watching what it asks the answer endpoint. */
async function open(path: string, locale: UiLocale = 'en', colorScheme: 'light' | 'dark' = 'light', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Opened> {
	const context = await newContext({ viewport: { width: 390, height: 844 }, colorScheme, reducedMotion, locale: locale === 'fr' ? 'fr-FR' : 'en-GB' });
	const page = await context.newPage();
	const opened: Opened = { page, t: useTranslations(locale), questions: [], errors: [] };
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === '/api/answer') opened.questions.push((JSON.parse(request.postData() ?? '{}') as { question: string }).question);
	});
	page.on('pageerror', (error) => opened.errors.push(error.message));
	await page.goto(`${baseUrl}${path}`);
	return opened;
}

const popupCard = '.search-popup .answer-card';

/** Types `question` in the header's search box the way a shopper does, and waits for its answer card. */
async function ask(page: Page, question: string, box = '#header-search') {
	await focusSearchBox(page, box);
	await page.keyboard.type(question, { delay: 30 });
	await page.waitForSelector(popupCard);
	return page.locator(popupCard);
}

/** What the Worker stored of "Did this answer your question?" for `article`, oldest first. */
const answerVotes = (article: string) =>
	queryLocalDatabase<{ outcome: string; query: string | null; locale: string }>(
		stateDir,
		`SELECT outcome, query, locale FROM answer_events WHERE target = '${article}' AND outcome IN ('helpful', 'not_helpful') ORDER BY id`,
	);

describe('the answer card in the search box', () => {
	it('answers a typed question above the results, asking once typing stops, and its source opens the article at the section', async () => {
		const { page, t, questions, errors } = await open('/en/shipping/delivery-options');
		const card = await ask(page, 'how long does a refund take');
		// One question, once typing paused: never one per keystroke.
		expect(questions).toEqual(['how long does a refund take']);
		// Above the results, which stay underneath.
		const order = await page.evaluate(() => {
			const popup = document.querySelector('.search-popup');
			return [...(popup?.children ?? [])].map((child) => child.className || child.getAttribute('role'));
		});
		expect(order).toEqual(['answer-slot', 'search-popup-status', 'search-listbox']);
		expect(await page.locator('[role="listbox"] [role="option"]').count()).toBeGreaterThan(1);
		expect(await card.getByRole('button', { name: t('answer.yes') }).isVisible()).toBe(true);
		expect(await card.textContent()).toContain(t('answer.question'));
		const cardDate = await card.locator('.answer-card-date time').textContent();
		expect(cardDate).toMatch(/2026/);
		// Announced politely, without taking the focus from the box.
		await expect.poll(() => page.locator('#answer-search-status').textContent()).toMatch(/^Answer from “When will I get my refund\?”/);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');

		const source = card.locator('.answer-card-source a');
		const href = (await source.getAttribute('href')) ?? '';
		expect(href).toMatch(/^\/en\/returns-refunds\/refund-timing#[\w-]+$/);
		const anchor = href.split('#')[1] ?? '';
		expect(await source.textContent()).toBe('When will I get my refund?');
		await source.click();
		await page.waitForURL(`**${href}`);
		expect(await page.evaluate(() => location.hash)).toBe(`#${anchor}`);
		// The card gave the article's date as the article page writes it.
		expect(await page.locator(`time[datetime]`).first().textContent()).toBe(cardDate);
		// In view once the (smooth) scroll to it ends: in the upper half, its top not cut off. (The article's picture above
		// it has no size until it loads, and when it loads during the scroll it can push the section down a little.)
		const top = () => page.evaluate((id) => Math.round(document.getElementById(id)?.getBoundingClientRect().top ?? -1), anchor);
		await expect.poll(top, { timeout: 5_000 }).toBeLessThanOrEqual(844 / 2);
		expect(await top()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	it('is reached with Tab after the search button, keeps the list open, and takes a "yes" from the keyboard', async () => {
		const { page, t } = await open('/en/account/create-an-account');
		const card = await ask(page, 'how long does a refund take');
		const article = ((await card.locator('.answer-card-source a').getAttribute('href')) ?? '').split('#')[0] ?? '';
		const before = answerVotes(article).length;
		const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('Search');
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('When will I get my refund?');
		await page.keyboard.press('Tab');
		expect(await focused()).toBe(t('answer.yes'));
		expect(await page.isVisible('.search-popup')).toBe(true);
		await page.keyboard.press('Enter');
		expect(await focused()).toBe(t('answer.thanks'));
		await expect.poll(() => answerVotes(article).length, { timeout: 15_000 }).toBe(before + 1);
		// A "yes" keeps no question: only what failed is worth reading again.
		expect(answerVotes(article).at(-1)).toEqual({ outcome: 'helpful', query: null, locale: 'en' });
		await page.keyboard.press('Tab');
		expect(await focused()).toBe(t('answer.contact'));
		// Escape from the card closes the list and goes back to the box.
		await page.keyboard.press('Escape');
		expect(await page.isVisible('.search-popup')).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
	});

	it('sends an order question to the self-service page that answers it', async () => {
		const { page, t } = await open('/en/payments/gift-cards');
		const card = await ask(page, 'where is my order 1004');
		expect(await card.getAttribute('data-answer-kind')).toBe('self-service');
		expect(await card.textContent()).toContain(t('answer.selfService.track'));
		const link = card.getByRole('link', { name: t('selfService.track.title') });
		expect(await link.getAttribute('href')).toBe('/en/track');
		await link.click();
		await page.waitForURL('**/en/track');
	});

	it('says plainly when nothing answers, with the way to us', async () => {
		const { page, t } = await open('/en/shipping');
		const card = await ask(page, 'zorblax quindle frobnicate');
		expect(await card.getAttribute('data-answer-kind')).toBe('none');
		expect(await card.textContent()).toContain(t('answer.none'));
		// Named by its sentence: no "Quick answer" label over a question nothing answers.
		expect(await page.getByRole('group', { name: t('answer.none') }).count()).toBe(1);
		expect(await card.locator('.answer-card-label').count()).toBe(0);
		expect(await card.getByRole('link', { name: t('answer.contact') }).getAttribute('href')).toBe('/en/contact#ask=zorblax%20quindle%20frobnicate');
	});

	it('records a "no" with the question, then opens the contact form with the question in the message', async () => {
		const { page, t, errors } = await open('/en/shipping/customs-and-duties');
		const question = 'How long does a refund take?';
		const card = await ask(page, question);
		const article = ((await card.locator('.answer-card-source a').getAttribute('href')) ?? '').split('#')[0] ?? '';
		const before = answerVotes(article).length;
		await card.getByRole('button', { name: t('answer.no') }).click();
		// The focus moves to what replaced the buttons, which leads to us.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('answer.sorry', { link: t('answer.writeToUs') }));
		// Stored by the real endpoint, with the anonymised question: what the help center still fails to answer.
		await expect.poll(() => answerVotes(article).length, { timeout: 15_000 }).toBe(before + 1);
		expect(answerVotes(article).at(-1)).toEqual({ outcome: 'not_helpful', query: 'how long does a refund take?', locale: 'en' });

		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await page.locator('.answer-card-after').getByRole('link', { name: t('answer.writeToUs') }).click();
		await page.waitForURL('**/en/contact*');
		const message = page.getByLabel(t('contactForm.message'));
		await expect.poll(() => message.inputValue()).toBe(question);
		// The question came in the fragment, which no server sees, and left the address once read.
		expect(requested.filter((url) => url.includes('refund'))).toEqual([]);
		expect(await page.evaluate(() => location.href)).toBe(`${baseUrl}/en/contact`);
		expect(errors).toEqual([]);
	});

	it('answers a French question in French on the French pages', async () => {
		const { page, t } = await open('/fr/payments/cartes-cadeaux', 'fr');
		const card = await ask(page, 'combien de temps pour un remboursement');
		expect(await card.locator('.answer-card-label').textContent()).toBe('Réponse rapide');
		expect(await card.getByRole('group', { name: t('answer.question') }).isVisible()).toBe(true);
		expect(await card.getByRole('button', { name: t('answer.yes') }).textContent()).toBe('Oui');
		expect(await card.locator('.answer-card-source a').getAttribute('href')).toMatch(/^\/fr\//);
		expect(await card.locator('.answer-card-date').textContent()).toMatch(/^Mis à jour le \d{1,2} \S+ 2026$/);
		// The passage is the French article's text.
		expect(await card.locator('.answer-card-text').textContent()).toMatch(/\b(?:vous|votre|nous|les)\b/);
	});
});

describe('the answer card on the search page and the contact page', () => {
	it('shows above the search page’s results for the question in the address', async () => {
		const { page, t, questions } = await open('/en/search?q=how+long+does+a+refund+take');
		const card = page.locator('.search-page .answer-card');
		await card.waitFor();
		await page.waitForSelector('[data-search-results] li');
		expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(t('answer.label'));
		const below = await page.evaluate(() => {
			const card = document.querySelector('.search-page .answer-card')?.getBoundingClientRect();
			const results = document.querySelector('[data-search-results]')?.getBoundingClientRect();
			return card && results ? results.top >= card.bottom : false;
		});
		expect(below).toBe(true);
		expect(questions).toEqual(['how long does a refund take']);
	});

	it('answers what the shopper writes before they send it, and a "no" puts the question in their message', async () => {
		const { page, t, errors } = await open('/en/contact');
		const subject = 'How long does a refund take';
		await page.getByLabel(t('contactForm.subject')).pressSequentially(subject, { delay: 30 });
		const suggestions = page.getByRole('region', { name: t('search.suggestionsHeading') });
		const card = suggestions.locator('.answer-card');
		await card.waitFor();
		expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(t('answer.contactLabel'));
		// On a phone (390×844), the card shows under the message field, which stays where the shopper expects it:
		// right after the subject, within the first screen once the subject is filled in.
		const messageBox = await page.getByLabel(t('contactForm.message')).boundingBox();
		const cardBox = await card.boundingBox();
		expect(messageBox && cardBox && messageBox.y + messageBox.height <= cardBox.y).toBe(true);
		const subjectBox = await page.getByLabel(t('contactForm.subject')).boundingBox();
		expect((messageBox?.y ?? 0) - ((subjectBox?.y ?? 0) + (subjectBox?.height ?? 0))).toBeLessThan(120);
		// One list: the article the card quotes is not suggested again under it.
		const article = ((await card.locator('.answer-card-source a').getAttribute('href')) ?? '').split('#')[0] ?? '';
		await page.waitForSelector('[data-suggested-articles] ul.article-list li');
		expect(await suggestions.locator('ul.article-list a[data-rank]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).not.toContain(article);

		const before = answerVotes(article).length;
		await card.getByRole('button', { name: t('answer.no') }).click();
		const message = page.getByLabel(t('contactForm.message'));
		expect(await message.inputValue()).toBe(subject);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-message');
		expect(await card.textContent()).toContain(t('answer.sorryContact'));
		await expect.poll(() => answerVotes(article).length, { timeout: 15_000 }).toBe(before + 1);
		expect(answerVotes(article).at(-1)).toEqual({ outcome: 'not_helpful', query: 'how long does a refund take', locale: 'en' });
		expect(errors).toEqual([]);
	});
});

describe('FAQ anchors', () => {
	it('open an article at its FAQ pair, below the top edge', async () => {
		// Without the smooth scroll, the page jumps to the pair at once: where it lands is its scroll margin.
		const { page } = await open('/fr/returns-refunds/delai-de-remboursement#faq-1', 'fr', 'light', 'reduce');
		await page.waitForLoadState('load');
		const pair = page.locator('dt#faq-1');
		expect(await pair.textContent()).toBe('Combien de temps prend un remboursement ?');
		const top = () => pair.evaluate((node) => Math.round(node.getBoundingClientRect().top));
		await expect.poll(top, { timeout: 5_000 }).toBeLessThanOrEqual(40);
		expect(await top()).toBeGreaterThan(0);
		expect(await pair.evaluate((node) => getComputedStyle(node).scrollMarginTop)).not.toBe('0px');
	});
});

describe('axe-core finds no violation with an answer card shown', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`in the search box and on the contact page, in the ${colorScheme} theme`, async () => {
			const { page, t } = await open('/en/returns-refunds/return-policy', 'en', colorScheme);
			await ask(page, 'how long does a refund take');
			expect(await axeViolations(page)).toEqual([]);

			await page.goto(`${baseUrl}/fr/contact`);
			await page.getByLabel('Objet').pressSequentially('combien de temps pour un remboursement', { delay: 20 });
			await page.locator('[data-suggested-articles] .answer-card').waitFor();
			expect(await axeViolations(page)).toEqual([]);

			await page.goto(`${baseUrl}/en/search?q=where+is+my+order+1004`);
			await page.locator('.search-page .answer-card').waitFor();
			await page.waitForSelector('[data-search-results] li');
			expect(await page.locator('.search-page .answer-card').getByRole('link', { name: t('selfService.track.title') }).isVisible()).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
		});
	}
});

import { suggestArticles, type SuggestedArticle } from '../suggestions';
import type { TicketReceivedResponse } from '../../../../functions/contract/responses';
import { postJson } from './api';
import { recordEvent } from './events';
import { h } from './dom';
import { announce, checkControls, fieldValue, FormUi, showStep } from './form-kit';
import { readStrings, type Translate } from './strings';
import { SubmissionKey } from './submission-key';
import { resetTurnstile, turnstileToken } from './turnstile';

/**
 * `<hc-contact-form>`: the contact form, with articles that may answer the question suggested as the shopper
 * types the subject. "This answered my question" is recorded as a deflection; a sent message shows its ticket
 * reference and when to expect the reply.
 */
class ContactFormElement extends HTMLElement {
	#t: Translate = (key) => key;
	#locale = 'en';
	#key = new SubmissionKey();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Answers to older keystrokes are dropped when they arrive after newer ones. */
	#latestQuery = '';

	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = (this.#t = readStrings(this));
		const locale = (this.#locale = this.dataset['locale'] ?? document.documentElement.lang);
		const form = this.querySelector<HTMLFormElement>('[data-contact-form]');
		const subject = form?.querySelector<HTMLInputElement>('input[name="subject"]');
		if (!form || !subject) return;
		const ui = new FormUi(form, t);

		subject.addEventListener('input', () => {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#suggest(subject.value), 250);
		});
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			if (ui.busy) return;
			const errors = checkControls(form);
			const turnstile = turnstileToken(form);
			if (errors.length === 0 && turnstile.required && !turnstile.token) errors.push({ message: t('form.error.turnstilePending') });
			if (errors.length > 0) return ui.showErrors(errors);
			const orderNumber = fieldValue(form, 'orderNumber');
			const message = {
				name: fieldValue(form, 'name'),
				email: fieldValue(form, 'email'),
				subject: fieldValue(form, 'subject'),
				message: fieldValue(form, 'message'),
				orderNumber: orderNumber && `#${orderNumber.replace(/^#/, '')}`,
				locale,
				page: location.pathname,
				website: fieldValue(form, 'website'),
			};
			if (!ui.start(t('contactForm.sending'))) return;
			// The Turnstile token changes with every attempt, so it stays out of what identifies the submission.
			const result = await postJson<TicketReceivedResponse>(
				'/api/tickets',
				{ ...message, turnstileToken: turnstile.token },
				{ idempotencyKey: this.#key.for(message) },
			);
			resetTurnstile(form);
			ui.finish();
			if (!result.ok) return ui.showFailure(result.failure);
			this.#key.done();
			const reference = this.querySelector('[data-reference]');
			if (reference) reference.textContent = t('contactForm.reference', { reference: result.data.reference });
			showStep(this, 'done');
			announce(this, t('contactForm.doneHeading'));
		});
	}

	async #suggest(text: string) {
		this.#latestQuery = text;
		const articles = text.trim().length >= 3 ? await suggestArticles(text, this.#locale) : [];
		if (text !== this.#latestQuery) return;
		this.#showSuggestions(articles.slice(0, 5), text);
	}

	#showSuggestions(articles: SuggestedArticle[], query: string) {
		const t = this.#t;
		const section = this.querySelector<HTMLElement>('[data-suggestions]');
		const list = section?.querySelector('[data-suggestion-list]');
		const status = this.querySelector('[data-suggestion-status]');
		if (!section || !list) return;
		const wasShown = !section.hidden;
		section.hidden = articles.length === 0;
		list.replaceChildren(
			...articles.map((article) => {
				const helped = h('button', { type: 'button', class: 'link-button' }, t('suggest.helped'), h('span', { class: 'visually-hidden' }, `: ${article.title}`));
				helped.addEventListener('click', () => {
					recordEvent({ kind: 'deflection', locale: this.#locale, query: query.slice(0, 100), url: article.url, page: location.pathname });
					const thanks = h('p', { tabindex: '-1' }, t('suggest.thanks'));
					helped.parentNode?.replaceChild(thanks, helped);
					thanks.focus();
				});
				return h('li', {}, h('a', { href: article.url }, article.title), article.excerpt && h('p', {}, article.excerpt), helped);
			}),
		);
		// Announce the count when it matters, not on every keystroke that keeps the same list.
		const text = articles.length === 0 ? '' : articles.length === 1 ? t('suggest.countOne') : t('suggest.count', { count: articles.length });
		if (status && (status.textContent !== text || !wasShown)) status.textContent = text;
	}
}

if (!customElements.get('hc-contact-form')) customElements.define('hc-contact-form', ContactFormElement);

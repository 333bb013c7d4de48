import type { TicketReceivedResponse } from '../../../../functions/contract/responses';
import { takeQuestionFromAddress } from '../../client/contact-prefill';
import { postJson } from './api';
import { announce, contactFields, FormUi, showStep } from './form-kit';
import { readStrings } from './strings';
import { SubmissionKey } from './submission-key';
import { resetTurnstile } from './turnstile';

/**
 * `<hc-contact-form>`: the contact form; a sent message shows its ticket reference and when to expect the reply.
 * The articles that may answer the subject, and "This answered my question", are the site search's suggestion list
 * (suggested-articles.astro), with the answer card at its top. A question brought from an answer card elsewhere
 * ("Write to us", see client/contact-prefill.ts) starts the message.
 */
class ContactFormElement extends HTMLElement {
	#key = new SubmissionKey();

	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = readStrings(this);
		const locale = this.dataset['locale'] ?? document.documentElement.lang;
		const form = this.querySelector<HTMLFormElement>('[data-contact-form]');
		if (!form) return;
		const ui = new FormUi(form, t);
		this.#takeQuestion(form);

		ui.onSubmit(async (checked) => {
			const message = { ...contactFields(form), locale, page: location.pathname };
			if (!ui.start(t('contactForm.sending'))) return;
			// The Turnstile token changes with every attempt, so it stays out of what identifies the submission.
			const result = await postJson<TicketReceivedResponse>(
				'/api/tickets',
				{ ...message, turnstileToken: checked.turnstileToken },
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

	/**
	 * Puts the question the shopper brought from an answer card into the message, unless they already wrote one. The
	 * help center has just failed to answer it, so the answer card of this page does not ask again.
	 */
	#takeQuestion(form: HTMLFormElement): void {
		const question = takeQuestionFromAddress();
		if (!question) return;
		const message = form.elements.namedItem('message');
		if (message instanceof HTMLTextAreaElement && !message.value.trim()) message.value = message.maxLength > 0 ? question.slice(0, message.maxLength) : question;
		document.querySelector('[data-answer-area][data-place="contact"]')?.setAttribute('data-settled', '');
	}
}

if (!customElements.get('hc-contact-form')) customElements.define('hc-contact-form', ContactFormElement);

import type { TicketReceivedResponse } from '../../../../functions/contract/responses';
import { postJson } from './api';
import { announce, fieldValue, FormUi, showStep } from './form-kit';
import { readStrings } from './strings';
import { SubmissionKey } from './submission-key';
import { resetTurnstile } from './turnstile';

/**
 * `<hc-contact-form>`: the contact form; a sent message shows its ticket reference and when to expect the reply.
 * The articles that may answer the subject, and "This answered my question", are the site search's suggestion list
 * (suggested-articles.astro).
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

		ui.onSubmit(async (checked) => {
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
}

if (!customElements.get('hc-contact-form')) customElements.define('hc-contact-form', ContactFormElement);

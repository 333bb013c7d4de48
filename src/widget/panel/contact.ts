import { contactHours, forms, locale, pages, replyWithinHours } from 'virtual:help-center-widget/panel';
import { contactLimits, emailMaxLength, orderNumberPattern } from '../../../functions/contract/form-rules';
import type { TicketReceivedResponse } from '../../../functions/contract/responses';
import { postJson } from '../../components/self-service/client/api';
import { h } from '../../components/self-service/client/dom';
import { SubmissionKey } from '../../components/self-service/client/submission-key';
import { apiUrl, type PanelContext } from './context';
import { PanelForm, textField } from './fields';
import { externalLink } from './links';
import { t } from './strings';
import { contactFields } from '../../components/self-service/client/form-kit';

/**
 * The "Contact" view: the help center's contact form (the fields of `ticketRequestSchema`, sent with one
 * Idempotency-Key per message, kept on retry). The questions asked in the panel go with it as what the shopper
 * searched for; no `page`, which names a help-center page and the shopper is on the shop's.
 */
export function contactView(context: PanelContext): HTMLElement {
	if (!forms) return h('p', {}, externalLink(context.origin, pages.contact, t('selfService.contact.title')));
	const form = h(
		'form',
		{ class: 'contact' },
		textField({ id: 'hc-contact-name', name: 'name', label: t('contactForm.name'), autocomplete: 'name', maxlength: contactLimits.name, errorRequired: t('contactForm.error.name') }),
		textField({
			id: 'hc-contact-email',
			name: 'email',
			type: 'email',
			label: t('contactForm.email'),
			hint: t('contactForm.emailHint'),
			autocomplete: 'email',
			spellcheck: false,
			maxlength: emailMaxLength,
			errorRequired: t('form.error.emailRequired'),
			errorFormat: t('form.error.emailFormat'),
		}),
		textField({
			id: 'hc-contact-order',
			name: 'orderNumber',
			label: t('contactForm.orderNumber'),
			hint: t('lookup.orderNumberHint'),
			required: false,
			autocomplete: 'off',
			spellcheck: false,
			maxlength: 13,
			pattern: orderNumberPattern.source.replace(/^\^|\$$/g, ''),
			errorFormat: t('form.error.orderNumberFormat'),
		}),
		textField({ id: 'hc-contact-subject', name: 'subject', label: t('contactForm.subject'), autocomplete: 'off', maxlength: contactLimits.subject, errorRequired: t('contactForm.error.subject') }),
		textField({
			id: 'hc-contact-message',
			name: 'message',
			label: t('contactForm.message'),
			hint: t('contactForm.messageHint', { max: contactLimits.message }),
			multiline: true,
			maxlength: contactLimits.message,
			errorRequired: t('contactForm.error.message'),
		}),
		// People never see this field; bots fill it, and the API drops what they send.
		h(
			'div',
			{ class: 'honeypot', 'aria-hidden': 'true' },
			h('label', { for: 'hc-contact-website' }, t('contactForm.honeypot')),
			h('input', { id: 'hc-contact-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' }),
		),
		h('button', { type: 'submit', class: 'button' }, t('contactForm.submit')),
	);
	const heading = h('h3', { tabindex: '-1' }, t('contactForm.doneHeading'));
	const reference = h('p', { class: 'reference' });
	const done = h('div', { class: 'done', hidden: true }, heading, reference, h('p', {}, `${t('contactForm.replyTime', { hours: replyWithinHours })} ${contactHours}.`));
	const key = new SubmissionKey();

	const ui = new PanelForm(form, context.announce);
	ui.onSubmit(async () => {
		const message = { ...contactFields(form), locale, searches: [...context.questions] };
		if (!ui.start(t('contactForm.sending'))) return;
		const response = await postJson<TicketReceivedResponse>(apiUrl(context.origin, 'tickets'), message, { idempotencyKey: key.for(message) });
		ui.finish();
		if (!response.ok) return ui.showFailure(response.failure);
		key.done();
		// The reference in one piece, never broken at its hyphen.
		const [before = '', after = ''] = t('contactForm.reference', { reference: '\u0000' }).split('\u0000');
		reference.replaceChildren(before, h('strong', {}, response.data.reference), after);
		form.hidden = true;
		done.hidden = false;
		heading.focus();
		context.announce(`${t('contactForm.doneHeading')}. ${reference.textContent}`);
	});
	return h('div', {}, form, done);
}

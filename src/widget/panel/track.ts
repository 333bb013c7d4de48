import { forms, locale, pages } from 'virtual:help-center-widget/panel';
import { emailMaxLength, orderNumberPattern } from '../../../functions/contract/form-rules';
import type { LookupResponse } from '../../../functions/contract/responses';
import { postJson } from '../../components/self-service/client/api';
import { h } from '../../components/self-service/client/dom';
import { renderOrder } from '../../components/self-service/client/render-order';
import { apiUrl, type PanelContext } from './context';
import { PanelForm, textField } from './fields';
import { externalLink, opensInNewTab } from './links';
import { t } from './strings';
import { fieldValue } from '../../components/self-service/client/form-kit';

/**
 * The "My order" view: order number and e-mail address in, the order's status, items and parcels (with their
 * tracking links) out, as the help center's tracking page shows them. Returns and address changes need the one-time
 * code: they link to the help center's pages.
 */
export function trackView(context: PanelContext): HTMLElement {
	if (!forms) return h('p', {}, externalLink(context.origin, pages.track, t('selfService.track.title')));
	const form = h(
		'form',
		{ class: 'track' },
		textField({
			id: 'hc-order-number',
			name: 'orderNumber',
			label: t('lookup.orderNumber'),
			hint: t('lookup.orderNumberHint'),
			autocomplete: 'off',
			spellcheck: false,
			maxlength: 13,
			pattern: orderNumberPattern.source.replace(/^\^|\$$/g, ''),
			errorRequired: t('form.error.orderNumberRequired'),
			errorFormat: t('form.error.orderNumberFormat'),
		}),
		textField({
			id: 'hc-order-email',
			name: 'email',
			type: 'email',
			label: t('lookup.email'),
			autocomplete: 'email',
			spellcheck: false,
			maxlength: emailMaxLength,
			errorRequired: t('form.error.emailRequired'),
			errorFormat: t('form.error.emailFormat'),
		}),
		h('button', { type: 'submit', class: 'button' }, t('lookup.submit')),
	);
	const heading = h('h3', { class: 'order-heading', tabindex: '-1' });
	const body = h('div', { class: 'order' });
	const again = h('button', { type: 'button', class: 'link-button' }, t('lookup.another'));
	const result = h('div', { hidden: true }, heading, body, h('p', {}, again));
	const view = h('div', {}, form, result);

	const ui = new PanelForm(form, context.announce);
	ui.onSubmit(async () => {
		if (!ui.start(t('lookup.searching'))) return;
		const response = await postJson<LookupResponse>(apiUrl(context.origin, 'orders/lookup'), {
			orderNumber: fieldValue(form, 'orderNumber'),
			email: fieldValue(form, 'email'),
			locale,
		});
		ui.finish();
		if (!response.ok) return ui.showFailure(response.failure);
		const { order } = response.data;
		heading.textContent = t('order.heading', { order: order.name });
		const links = { returnUrl: new URL(pages.return, context.origin).href, addressUrl: new URL(pages.address, context.origin).href };
		body.replaceChildren(renderOrder(order, t, locale, links, 4));
		for (const link of body.querySelectorAll('a')) opensInNewTab(link);
		form.hidden = true;
		result.hidden = false;
		heading.focus();
		context.announce(t('lookup.found', { order: order.name }));
	});
	again.addEventListener('click', () => {
		form.reset();
		result.hidden = true;
		form.hidden = false;
		form.querySelector('input')?.focus();
	});
	return view;
}

import { announce, showStep } from './form-kit';
import { attachLookup } from './lookup';
import { forgetLookup } from './order-handoff';
import { renderOrder } from './render-order';
import { readStrings } from './strings';

/** `<hc-order-lookup>`: order number and e-mail in, the order's tracking and possible actions out. */
class OrderLookupElement extends HTMLElement {
	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = readStrings(this);
		const locale = this.dataset['locale'] ?? document.documentElement.lang;
		const form = this.querySelector<HTMLFormElement>('[data-lookup-form]');
		const heading = this.querySelector<HTMLElement>('[data-order-heading]');
		const body = this.querySelector<HTMLElement>('[data-order-body]');
		if (!form || !heading || !body) return;
		const links = { returnUrl: this.dataset['returnUrl'] ?? '', addressUrl: this.dataset['addressUrl'] ?? '' };
		const level = Number(heading.tagName.slice(1)) + 1;
		attachLookup(form, t, locale, ({ order }) => {
			heading.textContent = t('order.heading', { order: order.name });
			body.replaceChildren(renderOrder(order, t, locale, links, level));
			showStep(this, 'result');
			announce(this, t('lookup.found', { order: order.name }));
		});
		this.querySelector('[data-lookup-again]')?.addEventListener('click', () => {
			forgetLookup();
			form.reset();
			showStep(this, 'lookup');
		});
	}
}

if (!customElements.get('hc-order-lookup')) customElements.define('hc-order-lookup', OrderLookupElement);

import { estimateRefund, formatMoney, type LabelFeePolicy, type Money, type Resolution } from '../../../../functions/contract/refund-estimate';
import type { OrderSummary, ReturnCreatedResponse, VerifiedResponse } from '../../../../functions/contract/responses';
import { find, findAll, h } from './dom';
import { exchangeNoteMaxLength } from '../../../../functions/contract/form-rules';
import { announce, checkControls, fieldValue, FormUi, showStep, type FieldError } from './form-kit';
import { OrderChangeFlow } from './order-change-flow';
import { readStrings, type Translate } from './strings';

interface ReturnLine {
	lineItemId: string;
	quantity: number;
	reasonId: string;
	unitPrice: Money | null;
	/** For an exchange: the options chosen, or the shopper's words when the shop lists none. */
	exchange?: { options: { name: string; value: string }[]; note?: string };
	/** What the review shows: "1 × Merino T-shirt (Black / L) — Too small". */
	label: string;
}

type ExchangeOptions = NonNullable<VerifiedResponse['exchangeOptions']>;

/** The product's picture, decorative beside its title (an empty alt: the title says what it is). */
function picture(item: OrderSummary['items'][number]): HTMLElement | false {
	return item.image !== null && h('img', { class: 'ss-item-image', src: item.image.url, alt: '', width: '64', height: '64', loading: 'lazy', decoding: 'async' });
}

/**
 * `<hc-return-flow>`: find the order, prove the mailbox with a code, choose items, quantities and reasons,
 * pick a resolution, review, confirm → the return reference and what to do next.
 */
class ReturnFlowElement extends HTMLElement {
	#t: Translate = (key) => key;
	#flow: OrderChangeFlow | undefined;
	#lines: ReturnLine[] = [];
	#exchangeOptions: ExchangeOptions = {};
	#labelFee: LabelFeePolicy | null = null;
	#locale = 'en';

	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = (this.#t = readStrings(this));
		const locale = (this.#locale = this.dataset['locale'] ?? document.documentElement.lang);
		this.#labelFee = JSON.parse(this.dataset['labelFee'] ?? 'null') as LabelFeePolicy | null;
		const lookupForm = this.querySelector<HTMLFormElement>('[data-lookup-form]');
		const itemsForm = this.querySelector<HTMLFormElement>('[data-items-form]');
		const reviewForm = this.querySelector<HTMLFormElement>('[data-review-form]');
		if (!lookupForm || !itemsForm || !reviewForm) return;

		const flow = (this.#flow = new OrderChangeFlow(this, lookupForm, { t, locale, action: 'return', onVerified: (verified) => {
				this.#exchangeOptions = verified.exchangeOptions ?? {};
				this.#showItems(itemsForm);
			},
		}));
		const itemsUi = new FormUi(itemsForm, t);
		const reviewUi = new FormUi(reviewForm, t);

		// The size-or-colour questions show only for an exchange, and only for the items chosen.
		itemsForm.addEventListener('change', () => this.#toggleExchange(itemsForm));
		itemsForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const errors = this.#collectLines(itemsForm);
			if (errors.length > 0) return itemsUi.showErrors(errors);
			itemsUi.clearErrors();
			this.#showReview(reviewForm, itemsForm);
		});
		this.querySelector('[data-back]')?.addEventListener('click', () => {
			if (!reviewUi.busy) showStep(this, 'items');
		});
		reviewForm.addEventListener('submit', async (event) => {
			event.preventDefault();
			if (!flow.order || reviewUi.busy) return;
			const request = {
				items: this.#lines.map(({ lineItemId, quantity, reasonId, exchange }) => ({ lineItemId, quantity, reasonId, ...(exchange ? { exchange } : {}) })),
				resolution: fieldValue(itemsForm, 'resolution'),
				comment: fieldValue(itemsForm, 'comment'),
				locale,
			};
			if (!reviewUi.start(t('return.submitting'))) return;
			const created = await flow.submit<ReturnCreatedResponse>('returns', request, reviewUi);
			if (created) this.#showDone(created);
		});

		flow.resume();
	}

	/** One group per item: returnable ones with a checkbox, quantity and reason; the others with their reason. */
	#showItems(itemsForm: HTMLFormElement) {
		const t = this.#t;
		const container = itemsForm.querySelector('[data-items]');
		const reasons = this.querySelector<HTMLTemplateElement>('template[data-reason-options]');
		const order = this.#flow?.order;
		if (!order || !container || !reasons) return;
		container.replaceChildren(
			...order.items.map((item, index) => {
				const id = `return-item-${index}`;
				const price = item.unitPrice && t('return.price', { price: formatMoney(item.unitPrice, this.#locale) });
				const details = [item.variantTitle, t('order.quantity', { quantity: item.quantity }), price].filter(Boolean).join(' · ');
				if (item.returnableQuantity === 0) {
					return h(
						'div',
						{ class: 'ss-item ss-item-with-image' },
						picture(item),
						h('div', {}, h('p', {}, h('strong', {}, item.title)), h('p', { class: 'ss-muted' }, details), h('p', {}, item.reason?.message ?? '')),
					);
				}
				const checkbox = h('input', { type: 'checkbox', id, name: 'item', value: item.id });
				const reason = h('select', { id: `${id}-reason`, name: `reason-${index}`, required: true, 'data-error-required': t('return.error.reason', { item: item.title }) });
				reason.appendChild(reasons.content.cloneNode(true));
				const quantities = Array.from({ length: item.returnableQuantity }, (_, n) => h('option', { value: String(n + 1) }, String(n + 1)));
				const fields = h(
					'div',
					{ class: 'ss-item-fields', id: `${id}-fields`, hidden: true },
					item.returnableQuantity > 1 &&
						h('div', { class: 'field' }, h('label', { for: `${id}-quantity` }, t('return.quantity')), h('select', { id: `${id}-quantity`, name: `quantity-${index}` }, ...quantities)),
					h('div', { class: 'field' }, h('label', { for: `${id}-reason` }, t('return.reason')), reason),
					this.#exchangeFields(item, id),
				);
				checkbox.addEventListener('change', () => {
					fields.hidden = !checkbox.checked;
				});
				return h(
					'fieldset',
					{ class: 'ss-item field' },
					h('legend', {}, item.title),
					h('div', { class: 'ss-item-with-image' }, picture(item), h('p', { class: 'ss-muted' }, details)),
					h('div', { class: 'choice' }, checkbox, h('label', { for: id }, t('return.itemSelect'))),
					fields,
				);
			}),
		);
		this.#toggleExchange(itemsForm);
		showStep(this, 'items');
	}

	/** "Which size or colour instead?": one list per option the product comes in, else a short text field. */
	#exchangeFields(item: OrderSummary['items'][number], id: string): HTMLElement {
		const t = this.#t;
		const options = this.#exchangeOptions[item.id] ?? [];
		const error = t('return.error.exchange', { item: item.title });
		const fields =
			options.length > 0
				? options.map((option, index) =>
						h(
							'div',
							{ class: 'field' },
							h('label', { for: `${id}-exchange-${index}` }, option.name),
							h(
								'select',
								// Starts on the item's own value: the shopper changes only what they want changed.
								{ id: `${id}-exchange-${index}`, 'data-option': option.name, 'data-current': option.selected ?? '', required: true, 'data-error-required': error },
								option.selected === null && h('option', { value: '' }, '—'),
								...option.values.map((value) =>
									h('option', { value, selected: value === option.selected }, value === option.selected ? `${value} (${t('return.exchangeCurrent')})` : value),
								),
							),
						),
					)
				: [
						h(
							'div',
							{ class: 'field' },
							h('label', { for: `${id}-exchange-note` }, t('return.exchangeOther')),
							h('p', { class: 'hint', id: `${id}-exchange-hint` }, t('return.exchangeOtherHint')),
							h('input', { type: 'text', id: `${id}-exchange-note`, 'data-exchange-note': true, maxlength: String(exchangeNoteMaxLength), required: true, 'aria-describedby': `${id}-exchange-hint`, 'data-error-required': error }),
						),
					];
		return h('fieldset', { class: 'ss-exchange', 'data-exchange': true, hidden: true }, h('legend', {}, t('return.exchangeHeading')), ...fields);
	}

	#toggleExchange(itemsForm: HTMLFormElement) {
		const exchange = fieldValue(itemsForm, 'resolution') === 'exchange';
		for (const fields of itemsForm.querySelectorAll<HTMLElement>('[data-exchange]')) fields.hidden = !exchange;
	}

	/** Reads the chosen items into return lines; the problems, if any. */
	#collectLines(itemsForm: HTMLFormElement): FieldError[] {
		const t = this.#t;
		const errors = checkControls(itemsForm);
		const boxes = findAll(itemsForm, 'input[name="item"]', HTMLInputElement);
		if (!boxes.some((box) => box.checked)) errors.unshift({ control: boxes[0], message: t('return.error.noItem') });
		this.#lines = [];
		for (const [index, item] of (this.#flow?.order?.items ?? []).entries()) {
			const box = itemsForm.querySelector<HTMLInputElement>(`#return-item-${index}`);
			if (!box?.checked) continue;
			const quantity = Number(fieldValue(itemsForm, `quantity-${index}`) ?? 1);
			const select = find(itemsForm, `#return-item-${index}-reason`, HTMLSelectElement);
			const reasonLabel = select?.selectedOptions[0]?.textContent ?? '';
			const title = item.variantTitle ? `${item.title} (${item.variantTitle})` : item.title;
			const exchange = fieldValue(itemsForm, 'resolution') === 'exchange' ? this.#readExchange(itemsForm, index) : undefined;
			// Exchanging for the very same size and colour is no exchange.
			const selects = findAll(itemsForm, `#return-item-${index}-fields select[data-option]`, HTMLSelectElement);
			if (exchange && selects.length > 0 && selects.every((select) => select.value === select.dataset['current'])) {
				errors.push({ control: selects[0], message: t('return.error.exchange', { item: item.title }) });
			}
			const choice = exchange && [...exchange.options.map((option) => `${option.name}: ${option.value}`), exchange.note].filter(Boolean).join(', ');
			const label = t('return.reviewItem', { quantity, item: title, reason: reasonLabel }) + (choice ? `, ${t('return.reviewExchange', { choice })}` : '');
			this.#lines.push({ lineItemId: item.id, quantity, reasonId: select?.value ?? '', unitPrice: item.unitPrice, ...(exchange ? { exchange } : {}), label });
		}
		return errors;
	}

	#readExchange(itemsForm: HTMLFormElement, index: number): ReturnLine['exchange'] {
		// Only what changes is sent: "Size: XL", not the colour the shopper keeps.
		const options = findAll(itemsForm, `#return-item-${index}-fields select[data-option]`, HTMLSelectElement)
			.filter((select) => select.value !== select.dataset['current'])
			.map((select) => ({ name: select.dataset['option'] ?? '', value: select.value }));
		const note = find(itemsForm, `#return-item-${index}-exchange-note`, HTMLInputElement)?.value.trim();
		return { options, ...(note ? { note } : {}) };
	}

	/** What the shopper gets back, worked out as the API does (refund-estimate.ts), line by line. */
	#moneyLines(resolution: Resolution): string[] {
		const t = this.#t;
		const refund = estimateRefund(this.#lines, resolution, this.#labelFee);
		const money = (amount: Money) => formatMoney(amount, this.#locale);
		if (resolution === 'exchange') return [t('return.refund.exchange')];
		if (!refund.items || !refund.total) return [t('return.refund.unknown')];
		return [
			t('return.refund.items', { amount: money(refund.items) }),
			refund.labelFee ? t('return.refund.fee', { amount: money(refund.labelFee) }) : t('return.refund.feeFree'),
			t(`return.refund.total.${resolution}`, { amount: money(refund.total) }),
		];
	}

	#showReview(reviewForm: HTMLFormElement, itemsForm: HTMLFormElement) {
		const t = this.#t;
		const resolution = itemsForm.querySelector<HTMLInputElement>('input[name="resolution"]:checked');
		const resolutionLabel = resolution ? (itemsForm.querySelector(`label[for="${resolution.id}"]`)?.textContent ?? '') : '';
		const comment = fieldValue(itemsForm, 'comment');
		reviewForm.querySelector('[data-review]')?.replaceChildren(
			h('dt', {}, t('return.reviewItems')),
			h('dd', {}, h('ul', {}, ...this.#lines.map((line) => h('li', {}, line.label)))),
			h('dt', {}, t('return.reviewResolution')),
			h('dd', {}, resolutionLabel),
			h('dt', {}, t('return.reviewMoney')),
			h('dd', { 'data-refund': true }, h('ul', {}, ...this.#moneyLines((resolution?.value ?? 'refund') as Resolution).map((line) => h('li', {}, line)))),
			...(comment ? [h('dt', {}, t('return.reviewComment')), h('dd', {}, comment)] : []),
		);
		showStep(this, 'review');
	}

	#showDone(created: ReturnCreatedResponse) {
		const t = this.#t;
		const reference = this.querySelector('[data-reference]');
		if (reference) reference.textContent = t('return.reference', { reference: created.reference });
		const received = this.querySelector<HTMLElement>('[data-received]');
		if (received) received.hidden = created.status !== 'received';
		this.querySelector('[data-next-steps]')?.replaceChildren(...created.nextSteps.map((step) => h('li', {}, step)));
		this.querySelector('[data-label]')?.replaceChildren(...(created.labelUrl ? [h('a', { class: 'button', href: created.labelUrl, rel: 'noopener noreferrer' }, t('return.labelLink'))] : []));
		const confirmation = this.querySelector('[data-confirmation]');
		if (confirmation) confirmation.textContent = t('return.confirmationSent', { email: created.confirmationTo });
		showStep(this, 'done');
		announce(this, t('return.doneHeading'));
	}
}

if (!customElements.get('hc-return-flow')) customElements.define('hc-return-flow', ReturnFlowElement);

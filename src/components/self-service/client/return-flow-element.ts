import type { ReturnCreatedResponse } from '../../../../functions/contract/responses';
import { find, findAll, h } from './dom';
import { announce, checkControls, fieldValue, FormUi, showStep, type FieldError } from './form-kit';
import { OrderChangeFlow } from './order-change-flow';
import { readStrings, type Translate } from './strings';

interface ReturnLine {
	lineItemId: string;
	quantity: number;
	reasonId: string;
	/** What the review shows: "1 × Merino T-shirt (Black / L) — Too small". */
	label: string;
}

/**
 * `<hc-return-flow>`: find the order, prove the mailbox with a code, choose items, quantities and reasons,
 * pick a resolution, review, confirm → the return reference and what to do next.
 */
class ReturnFlowElement extends HTMLElement {
	#t: Translate = (key) => key;
	#flow: OrderChangeFlow | undefined;
	#lines: ReturnLine[] = [];

	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = (this.#t = readStrings(this));
		const locale = this.dataset['locale'] ?? document.documentElement.lang;
		const lookupForm = this.querySelector<HTMLFormElement>('[data-lookup-form]');
		const itemsForm = this.querySelector<HTMLFormElement>('[data-items-form]');
		const reviewForm = this.querySelector<HTMLFormElement>('[data-review-form]');
		if (!lookupForm || !itemsForm || !reviewForm) return;

		const flow = (this.#flow = new OrderChangeFlow(this, lookupForm, { t, locale, action: 'return', onVerified: () => this.#showItems(itemsForm) }));
		const itemsUi = new FormUi(itemsForm, t);
		const reviewUi = new FormUi(reviewForm, t);

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
				items: this.#lines.map(({ lineItemId, quantity, reasonId }) => ({ lineItemId, quantity, reasonId })),
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
				const details = [item.variantTitle, t('order.quantity', { quantity: item.quantity })].filter(Boolean).join(' · ');
				if (item.returnableQuantity === 0) {
					return h('div', { class: 'ss-item' }, h('p', {}, h('strong', {}, item.title)), h('p', { class: 'ss-muted' }, details), h('p', {}, item.reason?.message ?? ''));
				}
				const checkbox = h('input', { type: 'checkbox', id, name: 'item', value: item.id });
				const reason = h('select', { id: `${id}-reason`, name: `reason-${index}`, required: true, 'data-error-required': t('return.error.reason', { item: item.title }) });
				reason.appendChild(reasons.content.cloneNode(true));
				const quantities = Array.from({ length: item.returnableQuantity }, (_, n) => h('option', { value: String(n + 1) }, String(n + 1)));
				const fields = h(
					'div',
					{ class: 'ss-item-fields', hidden: true },
					item.returnableQuantity > 1 &&
						h('div', { class: 'field' }, h('label', { for: `${id}-quantity` }, t('return.quantity')), h('select', { id: `${id}-quantity`, name: `quantity-${index}` }, ...quantities)),
					h('div', { class: 'field' }, h('label', { for: `${id}-reason` }, t('return.reason')), reason),
				);
				checkbox.addEventListener('change', () => {
					fields.hidden = !checkbox.checked;
				});
				return h(
					'fieldset',
					{ class: 'ss-item field' },
					h('legend', {}, item.title),
					h('p', { class: 'ss-muted' }, details),
					h('div', { class: 'choice' }, checkbox, h('label', { for: id }, t('return.itemSelect'))),
					fields,
				);
			}),
		);
		showStep(this, 'items');
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
			this.#lines.push({ lineItemId: item.id, quantity, reasonId: select?.value ?? '', label: t('return.reviewItem', { quantity, item: title, reason: reasonLabel }) });
		}
		return errors;
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
		showStep(this, 'done');
		announce(this, t('return.doneHeading'));
	}
}

if (!customElements.get('hc-return-flow')) customElements.define('hc-return-flow', ReturnFlowElement);

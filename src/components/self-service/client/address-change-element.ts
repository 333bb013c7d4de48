import type { Address, AddressChangedResponse } from '../../../../functions/contract/responses';
import { isValidPostalCode } from '../../../../functions/contract/postal-codes';
import { addressFormat, addressLines } from '../address-formats';
import { find } from './dom';
import { announce, checkControls, fieldValue, FormUi, showStep } from './form-kit';
import { countryName } from './intl';
import { OrderChangeFlow } from './order-change-flow';
import { readStrings, type Translate } from './strings';

type NewAddress = Omit<Address, 'address2' | 'province' | 'phone'> & { address2?: string; province?: string; phone?: string };

/**
 * `<hc-address-change>`: find the order, prove the mailbox, see the current address, enter the new one with
 * fields that fit its country, review, confirm. Refused with the reason once the order has shipped.
 */
class AddressChangeElement extends HTMLElement {
	#t: Translate = (key) => key;
	#locale = 'en';
	#current: Address | null = null;
	#address: NewAddress | undefined;

	connectedCallback() {
		if (this.dataset['ready']) return;
		this.dataset['ready'] = 'true';
		const t = (this.#t = readStrings(this));
		const locale = (this.#locale = this.dataset['locale'] ?? document.documentElement.lang);
		const lookupForm = this.querySelector<HTMLFormElement>('[data-lookup-form]');
		const addressForm = this.querySelector<HTMLFormElement>('[data-address-form]');
		const reviewForm = this.querySelector<HTMLFormElement>('[data-review-form]');
		const country = addressForm && find(addressForm, 'select[name="countryCode"]', HTMLSelectElement);
		const postalCode = addressForm?.querySelector<HTMLInputElement>('input[name="postalCode"]');
		if (!lookupForm || !addressForm || !reviewForm || !country || !postalCode) return;

		const flow = new OrderChangeFlow(this, lookupForm, {
			t,
			locale,
			action: 'changeAddress',
			onVerified: ({ shippingAddress }) => {
				this.#current = shippingAddress;
				this.#showForm(addressForm);
			},
		});
		const addressUi = new FormUi(addressForm, t);
		const reviewUi = new FormUi(reviewForm, t);

		country.addEventListener('change', () => this.#fitCountry(addressForm));
		// The postal code is checked against the chosen country's format as the shopper types.
		postalCode.addEventListener('input', () => postalCode.setCustomValidity(''));
		addressForm.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#checkPostalCode(addressForm);
			const errors = checkControls(addressForm);
			if (errors.length > 0) return addressUi.showErrors(errors);
			addressUi.clearErrors();
			this.#showReview(addressForm, reviewForm);
		});
		this.querySelector('[data-back]')?.addEventListener('click', () => {
			if (!reviewUi.busy) showStep(this, 'edit');
		});
		reviewForm.addEventListener('submit', async (event) => {
			event.preventDefault();
			if (!flow.order || !this.#address || reviewUi.busy) return;
			if (!reviewUi.start(t('address.submitting'))) return;
			const changed = await flow.submit<AddressChangedResponse>('address', { address: this.#address, locale }, reviewUi);
			if (!changed) return;
			const { reference, status, address } = changed;
			const text = this.querySelector('[data-done-text]');
			if (text) text.textContent = t(status === 'updated' ? 'address.doneUpdated' : 'address.doneReceived', { reference });
			const confirmation = this.querySelector('[data-confirmation]');
			if (confirmation) confirmation.textContent = t('address.confirmationSent', { email: changed.confirmationTo });
			const done = this.querySelector('[data-done-address]');
			if (done) done.textContent = addressLines(address, locale);
			showStep(this, 'done');
			announce(this, t('address.doneHeading'));
		});

		flow.resume();
	}

	/** Shows the current address and fills the form with it, to be corrected. */
	#showForm(form: HTMLFormElement) {
		const current = this.#current;
		const shown = this.querySelector('[data-current-address]');
		if (shown) shown.textContent = current ? addressLines(current, this.#locale) : '';
		form.reset();
		if (current) {
			const country = find(form, 'select[name="countryCode"]', HTMLSelectElement);
			if (country && ![...country.options].some((option) => option.value === current.countryCode)) {
				country.add(new Option(countryName(current.countryCode, this.#locale), current.countryCode));
			}
			for (const [name, value] of Object.entries(current)) {
				const control = form.elements.namedItem(name);
				if ((control instanceof HTMLInputElement || control instanceof HTMLSelectElement) && typeof value === 'string') control.value = value;
			}
		}
		this.#fitCountry(form);
		showStep(this, 'edit');
	}

	/** Shows the state or province field where the country needs one, and words the postal code for it. */
	#fitCountry(form: HTMLFormElement) {
		const t = this.#t;
		const code = fieldValue(form, 'countryCode') ?? '';
		const format = addressFormat(code);
		const province = form.querySelector<HTMLInputElement>('input[name="province"]');
		const postalCode = form.querySelector<HTMLInputElement>('input[name="postalCode"]');
		if (province) {
			const field = province.closest<HTMLElement>('.field');
			if (field) field.hidden = format.province === null;
			const label = t(`address.province.${format.province ?? 'province'}`);
			const labelElement = field?.querySelector('label');
			if (labelElement) labelElement.textContent = label;
			province.dataset['errorRequired'] = t('address.error.province', { label });
		}
		if (postalCode) {
			const field = postalCode.closest('.field');
			const label = field?.querySelector('label');
			if (label) label.textContent = t(`address.postalCode.${format.postalCode}`);
			const hint = field?.querySelector('.hint');
			if (hint) hint.textContent = format.example ? t('address.postalCodeHint', { example: format.example }) : '';
			postalCode.setCustomValidity('');
		}
	}

	#checkPostalCode(form: HTMLFormElement) {
		const postalCode = form.querySelector<HTMLInputElement>('input[name="postalCode"]');
		const country = find(form, 'select[name="countryCode"]', HTMLSelectElement);
		if (!postalCode || !country) return;
		postalCode.value = postalCode.value.trim();
		const valid = postalCode.value === '' || isValidPostalCode(country.value, postalCode.value);
		const example = addressFormat(country.value).example || '12345';
		postalCode.setCustomValidity(valid ? '' : this.#t('address.error.postalCode', { country: country.selectedOptions[0]?.textContent ?? country.value, example }));
	}

	#showReview(form: HTMLFormElement, reviewForm: HTMLFormElement) {
		const value = (name: string) => fieldValue(form, name);
		const province = form.querySelector<HTMLElement>('input[name="province"]')?.closest<HTMLElement>('.field');
		const address: NewAddress = {
			firstName: value('firstName') ?? '',
			lastName: value('lastName') ?? '',
			address1: value('address1') ?? '',
			city: value('city') ?? '',
			postalCode: value('postalCode') ?? '',
			countryCode: value('countryCode') ?? '',
		};
		const optional = { address2: value('address2'), province: province?.hidden ? undefined : value('province'), phone: value('phone') };
		for (const [name, text] of Object.entries(optional)) if (text) address[name as keyof typeof optional] = text;
		this.#address = address;
		const previous = reviewForm.querySelector('[data-review-previous]');
		if (previous) previous.textContent = this.#current ? addressLines(this.#current, this.#locale) : '';
		const next = reviewForm.querySelector('[data-review-new]');
		if (next) next.textContent = addressLines(address, this.#locale);
		showStep(this, 'review');
	}
}

if (!customElements.get('hc-address-change')) customElements.define('hc-address-change', AddressChangeElement);

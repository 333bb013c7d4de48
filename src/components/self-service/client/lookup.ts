import type { LookupResponse } from '../../../../functions/contract/responses';
import { postJson } from './api';
import { fieldValue, FormUi } from './form-kit';
import { rememberLookup } from './order-handoff';
import type { Translate } from './strings';
import { resetTurnstile } from './turnstile';

/** Wires the order lookup form: checks the fields, asks the API, and hands the order found to `onFound`. */
export function attachLookup(form: HTMLFormElement, t: Translate, locale: string, onFound: (result: LookupResponse) => void): FormUi {
	const ui = new FormUi(form, t);
	ui.onSubmit(async (checked) => {
		if (!ui.start(t('lookup.searching'))) return;
		const result = await postJson<LookupResponse>('/api/orders/lookup', {
			orderNumber: fieldValue(form, 'orderNumber'),
			email: fieldValue(form, 'email'),
			locale,
			turnstileToken: checked.turnstileToken,
		});
		resetTurnstile(form);
		if (!result.ok) {
			ui.finish();
			ui.showFailure(result.failure);
			return;
		}
		ui.finish();
		rememberLookup(result.data, locale);
		onFound(result.data);
	});
	return ui;
}

import { announce, showStep, type FormUi } from './form-kit';
import { forgetLookup } from './order-handoff';
import type { LookupResponse } from '../../../../functions/contract/responses';
import type { Translate } from './strings';

/**
 * Shows the step that follows a lookup in a flow that changes the order: the code step when `action` is open
 * for this order, else the refusal with its reason. Labels every `[data-order-context]` with the order.
 */
export function showOrderFound(
	root: HTMLElement,
	t: Translate,
	order: LookupResponse['order'],
	action: keyof LookupResponse['order']['actions'],
	verify: { reset(context: string): void } | undefined,
	focus: boolean,
): void {
	const context = `${t('order.heading', { order: order.name })} · ${t(`order.status.${order.status}`)}`;
	for (const line of root.querySelectorAll('[data-order-context]')) line.textContent = context;
	if (order.actions[action].available) {
		verify?.reset(context);
		showStep(root, 'verify', focus);
	} else {
		const reason = root.querySelector('[data-refusal-reason]');
		if (reason) reason.textContent = order.actions[action].reason?.message ?? '';
		showStep(root, 'refused', focus);
	}
	if (focus) announce(root, t('lookup.found', { order: order.name }));
}

/** Back to the lookup step, with `message` in its error summary when the flow had to stop. */
export function showLookupAgain(root: HTMLElement, lookupUi: FormUi | undefined, message?: string): void {
	forgetLookup();
	root.querySelector<HTMLFormElement>('[data-lookup-form]')?.reset();
	showStep(root, 'lookup');
	if (message) lookupUi?.showErrors([{ message }]);
}

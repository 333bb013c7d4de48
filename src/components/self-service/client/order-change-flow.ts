import type { LookupResponse, OrderSummary, VerifiedResponse } from '../../../../functions/contract/responses';
import { postJson } from './api';
import { announce, showStep, type FormUi } from './form-kit';
import { attachLookup } from './lookup';
import { forgetLookup, recallLookup } from './order-handoff';
import type { Translate } from './strings';
import { SubmissionKey } from './submission-key';
import { attachVerify } from './verify';

interface OrderChangeOptions {
	t: Translate;
	locale: string;
	/** The order action this flow makes, whose availability decides between the code step and a refusal. */
	action: keyof OrderSummary['actions'];
	/** The shopper proved the mailbox is theirs: show the first step of the change. */
	onVerified(verified: VerifiedResponse): void;
}

/**
 * The steps every flow that changes an order shares (a return, an address change): find the order (or take the
 * one found on the tracking page), prove the mailbox with an e-mailed code, then send the change with the change
 * token, once (one Idempotency-Key per change, kept on retry). An expired token sends the shopper back to the
 * lookup with the reason.
 */
export class OrderChangeFlow {
	readonly #root: HTMLElement;
	readonly #options: OrderChangeOptions;
	readonly #lookupUi: FormUi;
	readonly #verify: ReturnType<typeof attachVerify>;
	readonly #key = new SubmissionKey();
	#order: OrderSummary | undefined;
	#viewToken: string | undefined;
	#changeToken: string | undefined;

	constructor(root: HTMLElement, lookupForm: HTMLFormElement, options: OrderChangeOptions) {
		const { t, locale } = options;
		this.#root = root;
		this.#options = options;
		this.#lookupUi = attachLookup(lookupForm, t, locale, (result) => this.#found(result, true));
		this.#verify = attachVerify(root, {
			t,
			locale,
			purpose: options.action === 'return' ? 'return' : 'address',
			viewToken: () => this.#viewToken,
			onVerified: (verified) => {
				this.#changeToken = verified.token.value;
				options.onVerified(verified);
			},
			onExpired: () => this.restart(t('form.error.expired')),
		});
		for (const button of root.querySelectorAll('[data-lookup-again]')) button.addEventListener('click', () => this.restart());
	}

	/** The order being changed, once found. */
	get order(): OrderSummary | undefined {
		return this.#order;
	}

	/** Carries on with the order found on the tracking page in this tab, if any. */
	resume(): void {
		const saved = recallLookup(this.#options.locale);
		if (saved) this.#found(saved, false);
	}

	/** Back to the lookup, with `message` in its error summary when the flow had to stop. */
	restart(message?: string): void {
		this.#order = this.#viewToken = this.#changeToken = undefined;
		forgetLookup();
		this.#root.querySelector<HTMLFormElement>('[data-lookup-form]')?.reset();
		showStep(this.#root, 'lookup');
		if (message) this.#lookupUi.showErrors([{ message }]);
	}

	/**
	 * Sends the change to `/api/orders/<order>/<path>` with the change token; `ui` has been started. Resolves to the
	 * answer, or to undefined once the failure is shown (or the shopper sent back to the lookup).
	 */
	async submit<Answer>(path: string, request: object, ui: FormUi): Promise<Answer | undefined> {
		const order = this.#order;
		if (!order) return undefined;
		const result = await postJson<Answer>(`/api/orders/${encodeURIComponent(order.id)}/${path}`, request, {
			token: this.#changeToken,
			idempotencyKey: this.#key.for(request),
		});
		ui.finish();
		if (!result.ok) {
			const failure = result.failure;
			if (failure.kind === 'error' && failure.error.code === 'invalid_token') this.restart(this.#options.t('form.error.expired'));
			else ui.showFailure(failure);
			return undefined;
		}
		this.#key.done();
		forgetLookup();
		return result.data;
	}

	/**
	 * The order is known: the code step when the action is open for it, else the refusal with its reason. Labels
	 * every `[data-order-context]` with the order.
	 */
	#found({ order, token }: LookupResponse, focus: boolean): void {
		const { t, action } = this.#options;
		const root = this.#root;
		this.#order = order;
		this.#viewToken = token.value;
		const context = `${t('order.heading', { order: order.name })} · ${t(`order.status.${order.status}`)}`;
		for (const line of root.querySelectorAll('[data-order-context]')) line.textContent = context;
		if (order.actions[action].available) {
			this.#verify.reset(context);
			showStep(root, 'verify', focus);
		} else {
			const reason = root.querySelector('[data-refusal-reason]');
			if (reason) reason.textContent = order.actions[action].reason?.message ?? '';
			showStep(root, 'refused', focus);
		}
		if (focus) announce(root, t('lookup.found', { order: order.name }));
	}
}

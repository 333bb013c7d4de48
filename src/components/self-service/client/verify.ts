import type { CodeSentResponse, VerifiedResponse } from '../../../../functions/contract/responses';
import { postJson, type ApiFailure } from './api';
import { announce, checkControls, fieldValue, FormUi } from './form-kit';
import type { Translate } from './strings';
import { resetTurnstile, turnstileToken } from './turnstile';

interface VerifyOptions {
	t: Translate;
	locale: string;
	/** What the shopper goes on to do (a return also gets the sizes and colours to exchange for). */
	purpose: 'return' | 'address';
	/** The view token of the order being verified. */
	viewToken(): string | undefined;
	onVerified(verified: VerifiedResponse): void;
	/** The view token expired: the flow starts again from the lookup. */
	onExpired(): void;
}

const expired = (failure: ApiFailure) => failure.kind === 'error' && failure.error.code === 'invalid_token';

/**
 * Wires the "confirm it is your order" step (verify-steps.astro): e-mail a one-time code, then check the code
 * typed in, which trades the view token for a change token.
 */
export function attachVerify(root: HTMLElement, options: VerifyOptions): { reset(context: string): void } {
	const { t, locale } = options;
	const section = root.querySelector<HTMLElement>('[data-step="verify"]');
	const sendForm = section?.querySelector<HTMLFormElement>('[data-send-code-form]');
	const codeForm = section?.querySelector<HTMLFormElement>('[data-code-form]');
	const codeInput = codeForm?.querySelector<HTMLInputElement>('input[name="code"]');
	if (!section || !sendForm || !codeForm || !codeInput) throw new Error('verify step markup missing');
	const sendUi = new FormUi(sendForm, t);
	const codeUi = new FormUi(codeForm, t);

	async function sendCode(ui: FormUi) {
		if (!sendForm || !codeForm || !codeInput) return;
		const turnstile = turnstileToken(sendForm);
		if (turnstile.required && !turnstile.token) return ui.showErrors([{ message: t('form.error.turnstilePending') }]);
		if (!ui.start(t('verify.sending'))) return;
		const result = await postJson<CodeSentResponse>('/api/orders/verify/code', {
			token: options.viewToken(),
			locale,
			turnstileToken: turnstile.token,
		});
		resetTurnstile(sendForm);
		ui.finish();
		if (!result.ok) return expired(result.failure) ? options.onExpired() : ui.showFailure(result.failure);
		const sent = t('verify.sent', { email: result.data.sentTo });
		const line = codeForm.querySelector('[data-code-sent]');
		if (line) line.textContent = sent;
		sendForm.hidden = true;
		codeForm.hidden = false;
		codeUi.clearErrors();
		codeInput.value = '';
		codeInput.focus();
		announce(root, sent);
	}

	sendForm.addEventListener('submit', (event) => {
		event.preventDefault();
		void sendCode(sendUi);
	});
	codeForm.querySelector('[data-resend]')?.addEventListener('click', () => void sendCode(codeUi));
	codeForm.addEventListener('submit', async (event) => {
		event.preventDefault();
		if (codeUi.busy) return;
		codeInput.value = codeInput.value.replace(/\s/g, '');
		const errors = checkControls(codeForm);
		if (errors.length > 0) return codeUi.showErrors(errors);
		if (!codeUi.start(t('verify.checking'))) return;
		const result = await postJson<VerifiedResponse>('/api/orders/verify', {
			token: options.viewToken(),
			code: fieldValue(codeForm, 'code'),
			locale,
			purpose: options.purpose,
		});
		codeUi.finish();
		if (!result.ok) {
			if (expired(result.failure)) return options.onExpired();
			const failure = result.failure;
			if (failure.kind === 'error' && failure.error.code === 'code_invalid') {
				// A wrong code belongs to the code field, with the tries left.
				const attempts = Number(failure.error.details?.['attemptsLeft'] ?? 0);
				return codeUi.showErrors([{ control: codeInput, message: t('verify.error.invalid', { attempts }) }]);
			}
			return codeUi.showFailure(failure);
		}
		announce(root, t('verify.verified'));
		options.onVerified(result.data);
	});

	return {
		reset(context: string) {
			sendUi.clearErrors();
			codeUi.clearErrors();
			sendForm.hidden = false;
			codeForm.hidden = true;
			const line = section.querySelector('[data-order-context]');
			if (line) line.textContent = context;
		},
	};
}

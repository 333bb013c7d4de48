import type { ApiFailure } from './api';
import { find, findAll, h, insertAfter } from './dom';
import type { Translate } from './strings';
import { turnstileToken } from './turnstile';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A problem to show: next to its field when it has one, and always in the form's error summary. */
export interface FieldError {
	control?: Control | undefined;
	message: string;
}

/** The form fields under `root`. */
export function controls(root: Element): Control[] {
	return [...root.querySelectorAll('input, select, textarea')].flatMap((element) =>
		element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? [element] : [],
	);
}

/** Checks the visible, enabled fields under `root` with the browser's constraints and words each problem. */
export function checkControls(root: Element): FieldError[] {
	const errors: FieldError[] = [];
	const seenGroups = new Set<string>();
	for (const control of controls(root)) {
		if (!control.willValidate || control.closest('[hidden]')) continue;
		if (control instanceof HTMLInputElement && ['text', 'email', 'tel'].includes(control.type)) control.value = control.value.trim();
		if (control.type === 'radio') {
			if (seenGroups.has(control.name)) continue;
			seenGroups.add(control.name);
		}
		const validity = control.validity;
		if (validity.valid) continue;
		const message = validity.valueMissing
			? control.dataset['errorRequired']
			: validity.customError
				? control.validationMessage
				: control.dataset['errorFormat'];
		errors.push({ control, message: message ?? control.validationMessage });
	}
	return errors;
}

/** Says why a call failed, in the shopper's language, from the API's stable error code. */
export function failureMessage(failure: ApiFailure, t: Translate): string {
	if (failure.kind === 'network') return t('form.error.network');
	if (failure.kind === 'rate_limited') {
		const minutes = Math.ceil(failure.retryAfterSeconds / 60);
		return minutes <= 1 ? t('form.error.rateLimitedOne') : t('form.error.rateLimited', { minutes });
	}
	const { code, message, details } = failure.error;
	switch (code) {
		case 'order_not_found':
			return t('form.error.orderNotFound');
		case 'invalid_token':
		case 'verification_required':
			return t('form.error.expired');
		case 'code_invalid':
			return t('verify.error.invalid', { attempts: Number(details?.['attemptsLeft'] ?? 0) });
		case 'code_expired':
			return t('verify.error.expired');
		case 'code_locked':
			return t('verify.error.locked');
		// Worded by the API in the shopper's language, with the order's own numbers.
		case 'action_unavailable':
			return message;
		case 'turnstile_failed':
			return t('form.error.turnstile');
		case 'shop_unavailable':
			return t('form.error.shopUnavailable');
		case 'shop_refused':
			return t('form.error.shopRefused');
		case 'mail_unavailable':
			return t('form.error.mailUnavailable');
		case 'request_in_progress':
			return t('form.error.inProgress');
		case 'invalid_request':
			return t('form.error.invalid');
		default:
			return t('form.error.server');
	}
}

/**
 * The accessible behaviour every self-service form shares: a guard against double submission, a polite status
 * line for loading and success, and on failure an error summary that takes focus, with each problem repeated
 * next to its field.
 */
export class FormUi {
	readonly summary: HTMLElement | null;
	readonly status: HTMLElement | null;
	#busy = false;

	constructor(
		readonly form: HTMLFormElement,
		readonly t: Translate,
	) {
		this.summary = form.querySelector('[data-error-summary]');
		this.status = form.querySelector('[data-status]');
		this.summary?.addEventListener('click', (event) => {
			const link = (event.target as Element).closest('a[href^="#"]');
			const target = link && document.getElementById(decodeURIComponent(link.getAttribute('href')?.slice(1) ?? ''));
			if (!target) return;
			event.preventDefault();
			target.focus();
			target.scrollIntoView({ block: 'center' });
		});
	}

	/**
	 * Runs `send` when the shopper submits the form and it can be sent: nothing is on its way already, the fields
	 * are valid, and the Turnstile check passed where the form shows one; otherwise shows what is wrong. `send` gets
	 * the Turnstile token (undefined without Turnstile).
	 */
	onSubmit(send: (checked: { turnstileToken: string | undefined }) => Promise<void>): void {
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			if (this.busy) return;
			const checked = this.#checkBeforeSending();
			if (checked) void send(checked);
		});
	}

	#checkBeforeSending(): { turnstileToken: string | undefined } | false {
		const errors = checkControls(this.form);
		const turnstile = turnstileToken(this.form);
		if (errors.length === 0 && turnstile.required && !turnstile.token) errors.push({ message: this.t('form.error.turnstilePending') });
		if (errors.length === 0) return { turnstileToken: turnstile.token };
		this.showErrors(errors);
		return false;
	}

	get busy(): boolean {
		return this.#busy;
	}

	/** Marks the form as sending and announces `message`; false when a request is already running. */
	start(message: string): boolean {
		if (this.#busy) return false;
		this.#busy = true;
		this.clearErrors();
		this.form.setAttribute('aria-busy', 'true');
		for (const button of this.form.querySelectorAll('button')) button.setAttribute('aria-disabled', 'true');
		this.announce(message);
		return true;
	}

	/** Ends the request and announces `message` (nothing when empty). */
	finish(message = ''): void {
		this.#busy = false;
		this.form.removeAttribute('aria-busy');
		for (const button of this.form.querySelectorAll('button')) button.removeAttribute('aria-disabled');
		this.announce(message);
	}

	announce(message: string): void {
		if (this.status) this.status.textContent = message;
	}

	clearErrors(): void {
		for (const error of findAll(this.form, '.field-error', HTMLElement)) {
			const control = find(this.form, `[aria-describedby~="${error.id}"]`, HTMLElement);
			if (control) {
				const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
				if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
				else control.removeAttribute('aria-describedby');
			}
			error.remove();
		}
		for (const control of this.form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
		if (this.summary) {
			this.summary.hidden = true;
			this.summary.querySelector('[data-error-list]')?.replaceChildren();
		}
	}

	/** Shows the problems next to their fields and in the summary, then moves focus to the summary. */
	showErrors(errors: FieldError[]): void {
		this.clearErrors();
		const items: HTMLLIElement[] = [];
		for (const { control, message } of errors) {
			if (control?.id && !control.hasAttribute('aria-invalid')) {
				const errorId = `${control.id}-error`;
				const inline = h('p', { class: 'field-error', id: errorId }, message);
				const field = control.closest('.field');
				const anchor = field?.querySelector(':scope > .hint, :scope > label, :scope > legend');
				if (anchor) insertAfter(inline, anchor);
				else control.parentNode?.insertBefore(inline, control);
				control.setAttribute('aria-invalid', 'true');
				control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
				items.push(h('li', {}, h('a', { href: `#${control.id}` }, message)));
			} else {
				items.push(h('li', {}, message));
			}
		}
		if (!this.summary) return;
		this.summary.querySelector('[data-error-list]')?.replaceChildren(...items);
		this.summary.hidden = false;
		this.summary.focus();
	}

	/** Shows a failed call: field problems next to their fields, anything else in the summary. */
	showFailure(failure: ApiFailure): void {
		const errors: FieldError[] = [];
		if (failure.kind === 'error') {
			for (const { path, problem } of failure.error.fields ?? []) {
				const name = path.split('.').at(-1) ?? '';
				const control = controls(this.form).find((candidate) => candidate.name === name);
				if (!control) continue;
				const message = problem === 'control_characters' ? this.t('form.error.text') : (control.dataset['errorFormat'] ?? control.dataset['errorRequired']);
				if (message) errors.push({ control, message });
			}
		}
		if (errors.length === 0) errors.push({ message: failureMessage(failure, this.t) });
		this.showErrors(errors);
	}
}

/** Shows the step named `name` of a flow and hides the others; moves focus to its heading unless told not to. */
export function showStep(root: Element, name: string, focus = true): void {
	for (const section of root.querySelectorAll<HTMLElement>('[data-step]')) section.hidden = section.dataset['step'] !== name;
	if (focus) root.querySelector<HTMLElement>(`[data-step="${name}"] [data-step-heading]`)?.focus();
}

/** Announces `message` in the flow's own live region, which stays visible whichever step is shown. */
export function announce(root: Element, message: string): void {
	const region = root.querySelector('[data-flow-status]');
	if (region) region.textContent = message;
}

/** The value of a named field of `form`, trimmed; undefined when empty. */
export function fieldValue(form: HTMLFormElement, name: string): string | undefined {
	const value = new FormData(form).get(name);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * What a shopper wrote in a contact form (the help center's page or the storefront widget), in the fields of the
 * contact request; an order number is sent with its "#", whether or not they typed it.
 */
export function contactFields(form: HTMLFormElement) {
	const orderNumber = fieldValue(form, 'orderNumber');
	return {
		name: fieldValue(form, 'name'),
		email: fieldValue(form, 'email'),
		subject: fieldValue(form, 'subject'),
		message: fieldValue(form, 'message'),
		orderNumber: orderNumber && `#${orderNumber.replace(/^#/, '')}`,
		website: fieldValue(form, 'website'),
	};
}

import { contactLimits } from '../../../functions/contract/form-rules';
import type { ApiFailure } from '../../components/self-service/client/api';
import { h } from '../../components/self-service/client/dom';
import { checkControls, controls, failureMessage, type Control, type FieldError } from '../../components/self-service/client/form-kit';
import { t } from './strings';

export interface FieldOptions {
	id: string;
	name: string;
	label: string;
	hint?: string;
	type?: 'text' | 'email';
	multiline?: boolean;
	required?: boolean;
	autocomplete?: string;
	maxlength?: number;
	/** An HTML pattern (anchored by the browser). */
	pattern?: string;
	spellcheck?: boolean;
	errorRequired?: string;
	errorFormat?: string;
}

/** A labelled field with its hint, like the help center's own forms (text-field.astro). */
export function textField(options: FieldOptions): HTMLElement {
	const { id, name, label, hint, type = 'text', multiline = false, required = true } = options;
	const hintId = hint ? `${id}-hint` : undefined;
	const attributes = {
		id,
		name,
		required,
		autocomplete: options.autocomplete,
		maxlength: options.maxlength === undefined ? undefined : String(options.maxlength),
		spellcheck: options.spellcheck === undefined ? undefined : String(options.spellcheck),
		'aria-describedby': hintId,
		'data-error-required': options.errorRequired,
		'data-error-format': options.errorFormat,
	};
	return h(
		'div',
		{ class: 'field' },
		h('label', { for: id }, label, !required && h('span', { class: 'optional' }, ` (${t('form.optional')})`)),
		hint && h('p', { class: 'hint', id: hintId }, hint),
		multiline ? h('textarea', { ...attributes, rows: '5' }) : h('input', { ...attributes, type, pattern: options.pattern }),
	);
}

function removeErrors(form: HTMLFormElement): void {
	for (const error of form.querySelectorAll('.field-error, .form-error')) error.remove();
	for (const control of controls(form)) {
		if (!control.hasAttribute('aria-invalid')) continue;
		control.removeAttribute('aria-invalid');
		const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${control.id}-error`);
		if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
		else control.removeAttribute('aria-describedby');
	}
}

/**
 * A form of the panel: the browser's constraints checked with our words, one request at a time, and problems shown
 * next to their fields (described by them, so a screen reader reads the problem with the field), with focus on the
 * first. A problem without a field goes at the top of the form. Every problem is also said in the panel's live region.
 * (The site's FormUi links its error summary to fields by `#id`, which in a shop's page would change the shop's own
 * address: the panel moves focus instead.)
 */
export class PanelForm {
	#busy = false;

	constructor(
		readonly form: HTMLFormElement,
		readonly announce: (message: string) => void,
	) {
		form.noValidate = true;
	}

	/** Runs `send` on submit when nothing is on its way and the fields are valid; otherwise shows what is wrong. */
	onSubmit(send: () => Promise<void>): void {
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			if (this.#busy) return;
			const errors = checkControls(this.form);
			if (errors.length > 0) return this.showErrors(errors);
			void send();
		});
	}

	/** Marks the form busy and says `message`; false when a request is already running. */
	start(message: string): boolean {
		if (this.#busy) return false;
		this.#busy = true;
		removeErrors(this.form);
		this.form.setAttribute('aria-busy', 'true');
		for (const button of this.form.querySelectorAll('button')) button.setAttribute('aria-disabled', 'true');
		this.announce(message);
		return true;
	}

	finish(): void {
		this.#busy = false;
		this.form.removeAttribute('aria-busy');
		for (const button of this.form.querySelectorAll('button')) button.removeAttribute('aria-disabled');
	}

	showErrors(errors: FieldError[]): void {
		removeErrors(this.form);
		let first: { focus(): void } | undefined;
		for (const { control, message } of errors) {
			if (control?.id) {
				const errorId = `${control.id}-error`;
				const error = h('p', { class: 'field-error', id: errorId }, message);
				control.parentNode?.insertBefore(error, control);
				control.setAttribute('aria-invalid', 'true');
				control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
				first ??= control;
			} else {
				const error = h('p', { class: 'form-error', tabindex: '-1' }, message);
				this.form.insertBefore(error, this.form.firstChild);
				first ??= error;
			}
		}
		this.announce(`${t('form.errorSummary')}: ${errors.map((error) => error.message).join('. ')}`);
		first?.focus();
	}

	/** A failed call: the API's field problems next to their fields, anything else at the top of the form. */
	showFailure(failure: ApiFailure): void {
		const errors: FieldError[] = [];
		if (failure.kind === 'error') {
			for (const { path, problem } of failure.error.fields ?? []) {
				const name = path.split('.')[0] ?? '';
				const control: Control | undefined = controls(this.form).find((candidate) => candidate.name === name);
				if (!control) continue;
				const message =
					problem === 'control_characters'
						? t('form.error.text')
						: problem === 'too_many_links'
							? t('widget.error.links', { max: contactLimits.links })
							: (control.dataset['errorFormat'] ?? control.dataset['errorRequired'] ?? t('form.error.invalid'));
				errors.push({ control, message });
			}
		}
		if (errors.length === 0) errors.push({ message: failureMessage(failure, t) });
		this.showErrors(errors);
	}
}

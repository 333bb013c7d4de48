interface TurnstileApi {
	reset(container: Element): void;
}

/**
 * The Turnstile token of `form`: `required` is false when the site does not use Turnstile (no widget); the
 * widget adds its token in a hidden `cf-turnstile-response` field once the check passes.
 */
export function turnstileToken(form: HTMLFormElement): { required: boolean; token: string | undefined } {
	const widget = form.querySelector('.cf-turnstile');
	if (!widget) return { required: false, token: undefined };
	const value = widget.querySelector<HTMLInputElement>('input[name="cf-turnstile-response"]')?.value;
	return { required: true, token: value || undefined };
}

/** Tokens are single use: after each call, ask the widget for a fresh one. */
export function resetTurnstile(form: HTMLFormElement): void {
	const widget = form.querySelector('.cf-turnstile');
	const api = (window as { turnstile?: TurnstileApi }).turnstile;
	if (widget && api) {
		try {
			api.reset(widget);
		} catch {
			// A widget that failed to render has nothing to reset; the API will ask for a new check.
		}
	}
}

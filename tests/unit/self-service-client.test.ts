import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../functions/contract/errors';
import { retryAfterSeconds } from '../../src/components/self-service/client/api';
import { failureMessage } from '../../src/components/self-service/client/form-kit';
import { translate, type UiKey } from '../../src/i18n/translate';
import { SubmissionKey } from '../../src/components/self-service/client/submission-key';
import { turnstileToken } from '../../src/components/self-service/client/turnstile';

describe('SubmissionKey', () => {
	it('keeps one Idempotency-Key while the same content is retried, and makes a new one for new content', () => {
		const key = new SubmissionKey();
		const first = key.for({ subject: 'Refund', message: 'Hello' });
		expect(first).toMatch(/^[A-Za-z0-9_.:-]{8,255}$/);
		expect(key.for({ subject: 'Refund', message: 'Hello' })).toBe(first);
		const changed = key.for({ subject: 'Refund', message: 'Hello again' });
		expect(changed).not.toBe(first);
		key.done();
		expect(key.for({ subject: 'Refund', message: 'Hello again' })).not.toBe(changed);
	});
});

// postJson's outcomes are checked against the real Worker in the browser tests: an answer with its reference and
// the same Idempotency-Key on a resend (contact), a rate limit with Retry-After and a lost answer (self-service
// pages), and a stable error code (an order that is not found, track).
describe('retryAfterSeconds', () => {
	it('reads Retry-After as seconds or as a date', () => {
		expect(retryAfterSeconds('30')).toBe(30);
		expect(retryAfterSeconds(new Date(Date.UTC(2030, 0, 1, 0, 2)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(120);
		expect(retryAfterSeconds(null)).toBe(60);
	});
});

describe('turnstileToken', () => {
	const form = (inner: string) => parseHTML(`<form>${inner}</form>`).document.querySelector('form') as unknown as HTMLFormElement;

	it('needs no token when the site has no Turnstile widget', () => {
		expect(turnstileToken(form('<input name="email">'))).toEqual({ required: false, token: undefined });
	});

	it('needs one when the widget is there, and reads it once the check passed', () => {
		expect(turnstileToken(form('<div class="cf-turnstile"></div>'))).toEqual({ required: true, token: undefined });
		const solved = form('<div class="cf-turnstile"><input type="hidden" name="cf-turnstile-response" value="token-1"></div>');
		expect(turnstileToken(solved)).toEqual({ required: true, token: 'token-1' });
	});
});

describe('failureMessage', () => {
	const failure = (code: ErrorCode) => ({ kind: 'error' as const, status: 502, error: { code, message: 'from the API' } });

	it('tells a shop that refused apart from a shop that is down, in each language', () => {
		for (const locale of ['en', 'fr']) {
			const t = (key: UiKey, values?: Record<string, string | number>) => translate(locale, key, values);
			const refused = failureMessage(failure('shop_refused'), t);
			expect(refused).toBe(translate(locale, 'form.error.shopRefused'));
			expect(refused).not.toBe(failureMessage(failure('shop_unavailable'), t));
			expect(refused).not.toBe(translate(locale, 'form.error.server'));
		}
	});
});

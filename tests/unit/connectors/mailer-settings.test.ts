import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../functions/config';
import { createConnectors } from '../../../functions/connectors/create-connectors';

// Only the local inbox touches the database, and none of these tests sends through it.
const db = {} as D1Database;

function connectors(env: Record<string, unknown>) {
	return createConnectors(env, readConfig(env), db);
}

/** The ConfigError a setup raises; fails the test when it raises anything else or nothing. */
function configError(env: Record<string, unknown>): ConfigError {
	try {
		connectors(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('expected a ConfigError, the settings were accepted');
}

/** A stand-in for the `send_email` binding that records what it is given (the real one is tested in workerd). */
function recordingBinding() {
	const sent: unknown[] = [];
	return {
		sent,
		binding: {
			async send(message: unknown) {
				sent.push(message);
				return { messageId: '<recorded@alderandpine.example>' };
			},
		},
	};
}

const message = { reference: 'verification-code/1', to: 'lea.moreau@example.com', subject: 'Code', text: 'Your code is 123456.', locale: 'en' };

describe('mailer settings', () => {
	it('keeps the local inbox without any mail setting', () => {
		expect(() => connectors({})).not.toThrow();
	});

	it('refuses an unknown MAILER by name', () => {
		expect(() => readConfig({ MAILER: 'smtp' })).toThrow(/Invalid settings: MAILER/);
	});

	it('needs MAIL_FROM for a real mailer, and names it without repeating the value', () => {
		const missing = configError({ MAILER: 'resend', RESEND_API_KEY: 're_live_key' });
		expect(missing.message).toContain('MAIL_FROM');
		const invalid = configError({ MAILER: 'resend', RESEND_API_KEY: 're_live_key', MAIL_FROM: 'codes at alderandpine' });
		expect(invalid.message).toBe('Invalid settings: MAILER=resend needs valid MAIL_FROM');
		expect(invalid.message).not.toContain('codes at alderandpine');
	});

	it('refuses a sender name that could break the From header, and a bad reply-to address', () => {
		const base = { MAILER: 'resend', RESEND_API_KEY: 're_live_key', MAIL_FROM: 'codes@alderandpine.example' };
		expect(configError({ ...base, MAIL_FROM_NAME: 'Alder\r\nBcc: victim@example.com' }).message).toContain('MAIL_FROM_NAME');
		expect(configError({ ...base, MAIL_REPLY_TO: 'support' }).message).toContain('MAIL_REPLY_TO');
	});

	it('needs RESEND_API_KEY and an https RESEND_BASE_URL, never showing the key', () => {
		const base = { MAILER: 'resend', MAIL_FROM: 'codes@alderandpine.example' };
		expect(configError(base).message).toBe('Invalid settings: Resend needs valid RESEND_API_KEY');
		const spaced = configError({ ...base, RESEND_API_KEY: 're_secret value' });
		expect(spaced.message).toContain('RESEND_API_KEY');
		expect(spaced.message).not.toContain('re_secret');
		expect(configError({ ...base, RESEND_API_KEY: 're_live_key', RESEND_BASE_URL: 'http://mail.example.com' }).message).toContain('RESEND_BASE_URL');
		expect(() => connectors({ ...base, RESEND_API_KEY: 're_live_key', RESEND_BASE_URL: 'http://127.0.0.1:9999' })).not.toThrow();
	});

	it('fails loudly when MAILER=cloudflare has no send_email binding', () => {
		const error = configError({ MAILER: 'cloudflare', MAIL_FROM: 'codes@alderandpine.example' });
		expect(error.message).toBe('Invalid settings: MAILER=cloudflare needs a send_email binding named EMAIL');
		expect(configError({ MAILER: 'cloudflare', MAIL_FROM: 'codes@alderandpine.example', EMAIL: 'not a binding' })).toBeInstanceOf(ConfigError);
	});

	it('sends through the EMAIL binding as the brand when MAIL_FROM_NAME is not set', async () => {
		const { binding, sent } = recordingBinding();
		const { mailer } = connectors({ MAILER: 'cloudflare', MAIL_FROM: ' codes@alderandpine.example ', EMAIL: binding });
		expect(await mailer.send(message)).toEqual({ messageId: '<recorded@alderandpine.example>' });
		expect(sent).toEqual([
			{
				from: { email: 'codes@alderandpine.example', name: 'Alder & Pine' },
				to: 'lea.moreau@example.com',
				subject: 'Code',
				text: 'Your code is 123456.',
				headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'en' },
			},
		]);
	});
});

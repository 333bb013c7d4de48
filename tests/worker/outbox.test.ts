import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { encryptText } from '../../functions/services/crypto';
import { getDataKey } from '../../functions/services/signing-key';
import { call, eventually } from '../support/api-client';

const seal = async (value: unknown) => encryptText(await getDataKey(readConfig(env), env.DB), JSON.stringify(value));

/** The Worker's scheduled handler, as the cron trigger calls it. */
const runCron = () => (exports.default as unknown as { scheduled(options: { cron: string }): Promise<unknown> }).scheduled({ cron: '*/5 * * * *' });

const ticket = (reference: string) => ({
	reference,
	kind: 'contact',
	customer: { name: 'Jane Doe', email: 'jane@example.com' },
	subject: 'Lost enqueue',
	body: 'This submission reached D1 but never the queue.',
	locale: 'en',
	tags: ['help-center'],
	orderName: null,
});

describe('the outbox sweep', () => {
	it('re-sends a submission whose enqueue was lost, exactly once', async () => {
		const stale = Date.now() - 60 * 60 * 1000;
		await env.DB.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, created_at, updated_at) VALUES ('HC-LOSTENQUE1', 'contact', 'pending', ?1, ?2, ?2)`,
		)
			.bind(await seal(ticket('HC-LOSTENQUE1')), stale)
			.run();
		await env.DB.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, created_at, updated_at) VALUES ('HC-FRESHPEND1', 'contact', 'pending', ?1, ?2, ?2)`,
		)
			.bind(await seal(ticket('HC-FRESHPEND1')), Date.now())
			.run();
		await runCron();
		const row = await eventually(() =>
			env.DB.prepare(`SELECT status, attempts FROM submissions WHERE id = 'HC-LOSTENQUE1' AND status = 'sent'`).first<{ status: string; attempts: number }>().then((r) => r ?? undefined),
		);
		expect(row.attempts).toBe(1);
		const inbox = await env.DB.prepare(`SELECT COUNT(*) AS count FROM inbox WHERE external_id = 'HC-LOSTENQUE1'`).first<{ count: number }>();
		expect(inbox?.count).toBe(1);
		// A fresh pending row is still in the queue's hands: the sweep leaves it alone.
		const fresh = await env.DB.prepare(`SELECT attempts FROM submissions WHERE id = 'HC-FRESHPEND1'`).first<{ attempts: number }>();
		expect(fresh?.attempts).toBe(0);
	});

	it('prunes expired idempotency keys and rate counters', async () => {
		const old = Date.now() - 3 * 86_400_000;
		await env.DB.batch([
			env.DB.prepare(`INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ('tickets', 'old-key-123', 'h', 'done', ?1)`).bind(old),
			env.DB.prepare(`INSERT INTO rate_counters (bucket, window_start, count) VALUES ('lookup:ip:old', ?1, 3)`).bind(Math.floor(old / 1000)),
		]);
		await runCron();
		expect(await env.DB.prepare(`SELECT * FROM idempotency_keys WHERE key = 'old-key-123'`).first()).toBeNull();
		expect(await env.DB.prepare(`SELECT * FROM rate_counters WHERE bucket = 'lookup:ip:old'`).first()).toBeNull();
	});

	it('keeps what shoppers write encrypted in the outbox, and redacts it 30 days after forwarding', async () => {
		const response = await call('/api/tickets', {
			body: { name: 'Zoé Private', email: 'zoe.private@example.com', subject: 'My secret subject', message: 'My secret message' },
			headers: { 'Idempotency-Key': crypto.randomUUID() },
		});
		const reference = response.json.reference as string;
		const stored = await env.DB.prepare('SELECT ticket FROM submissions WHERE id = ?1').bind(reference).first<{ ticket: string }>();
		expect(stored?.ticket).toMatch(/^v1\./);
		expect(stored?.ticket).not.toContain('zoe.private');
		expect(stored?.ticket).not.toContain('secret');
		await eventually(() => env.DB.prepare(`SELECT 1 FROM submissions WHERE id = ?1 AND status = 'sent'`).bind(reference).first().then((r) => r ?? undefined));
		await env.DB.prepare('UPDATE submissions SET sent_at = ?2 WHERE id = ?1').bind(reference, Date.now() - 31 * 86_400_000).run();
		await runCron();
		const redacted = await env.DB.prepare('SELECT ticket, status FROM submissions WHERE id = ?1').bind(reference).first();
		expect(redacted).toEqual({ ticket: 'redacted', status: 'sent' });
	});

	it('sets aside a row it cannot read instead of retrying it forever', async () => {
		await env.DB.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, created_at, updated_at) VALUES ('HC-TAMPERED01', 'contact', 'pending', 'v1.AAAA.BBBB', ?1, ?1)`,
		)
			.bind(Date.now() - 60 * 60 * 1000)
			.run();
		await runCron();
		const row = await eventually(() => env.DB.prepare(`SELECT status, last_error FROM submissions WHERE id = 'HC-TAMPERED01' AND status = 'failed'`).first().then((r) => r ?? undefined));
		expect(row).toEqual({ status: 'failed', last_error: 'unreadable submission' });
	});
});

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/api-client';

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
			.bind(JSON.stringify(ticket('HC-LOSTENQUE1')), stale)
			.run();
		await env.DB.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, created_at, updated_at) VALUES ('HC-FRESHPEND1', 'contact', 'pending', ?1, ?2, ?2)`,
		)
			.bind(JSON.stringify(ticket('HC-FRESHPEND1')), Date.now())
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
});

import { describe, expect, it } from 'vitest';
import { adviceFor, formatDuration, formatRequeued, formatStatus, listSql, type OutboxEntry, retrySql } from '../../scripts/lib/outbox-report.ts';
import { fakeCommands } from '../support/fake-commands.ts';

const now = Date.UTC(2026, 11, 7, 9, 0);
const minute = 60_000;

function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
	return { id: 'HC-7KQ2M9XD4A', kind: 'contact', status: 'failed', attempts: 1, last_error: 'Gorgias: refused, HTTP 401', created_at: now - 125 * minute, next_attempt_at: 0, ...overrides };
}

describe('npm run outbox: what it says', () => {
	it('writes durations the way people read them', () => {
		expect([45_000, 12 * minute, 185 * minute, 52 * 60 * minute, 48 * 60 * minute].map(formatDuration)).toEqual(['45 s', '12 min', '3 h 5 min', '2 d 4 h', '2 d']);
	});

	it('advises on each cause: credentials, a refused ticket, an unreadable row, a long outage, a retry under way', () => {
		expect(adviceFor(entry(), now)).toMatch(/refused our credentials: set the right ones \(GORGIAS_EMAIL and GORGIAS_API_KEY/);
		expect(adviceFor(entry({ last_error: 'Zendesk: refused, HTTP 403' }), now)).toMatch(/credentials/);
		expect(adviceFor(entry({ last_error: 'Zendesk: refused, HTTP 422' }), now)).toMatch(/refused this ticket/);
		expect(adviceFor(entry({ last_error: 'unreadable submission' }), now)).toMatch(/TOKEN_HMAC_KEY/);
		expect(adviceFor(entry({ status: 'dead', last_error: 'Gorgias: unavailable, HTTP 503' }), now)).toMatch(/out of reach for FORWARD_GIVE_UP_HOURS .* retry once it is back/);
		expect(adviceFor(entry({ status: 'pending', attempts: 4, last_error: 'Gorgias: no answer', next_attempt_at: now + 8 * minute }), now)).toBe(
			'retrying by itself, next attempt in 8 min',
		);
		expect(adviceFor(entry({ status: 'pending', attempts: 0, last_error: null }), now)).toBe('waiting for its first attempt');
	});

	it('lists the submissions with their cause and advice under the counts, and says how to retry', () => {
		const lines = formatStatus('local D1', { pending: 1, failed: 1, dead: 0 }, [entry(), entry({ id: 'HC-PENDING234', status: 'pending', attempts: 0, last_error: null, created_at: now - 30_000 })], now);
		expect(lines).toEqual([
			'Outbox (local D1): 1 pending, 1 failed, 0 dead',
			'',
			'reference      kind     state    attempts  waiting    cause',
			'HC-7KQ2M9XD4A  contact  failed   1         2 h 5 min  Gorgias: refused, HTTP 401',
			expect.stringMatching(/^ {4}→ the helpdesk refused our credentials/),
			'HC-PENDING234  contact  pending  0         30 s       –',
			'    → waiting for its first attempt',
			'',
			'Once the cause is fixed, `npm run outbox -- retry` re-sends the failed and dead ones (or name references after retry).',
		]);
		expect(formatStatus('local D1', { pending: 0, failed: 0, dead: 0 }, [], now)).toEqual(['Outbox (local D1): 0 pending, 0 failed, 0 dead', 'Every submission has reached the helpdesk.']);
	});

	it('says what the retry put back and when the sweep sends it, deployed or local', () => {
		const requeued = [{ id: 'HC-7KQ2M9XD4A', kind: 'contact', last_error: 'Gorgias: refused, HTTP 401' }];
		expect(formatRequeued('deployed D1', requeued, true)).toEqual([
			'Outbox (deployed D1): 1 submission pending again:',
			'  HC-7KQ2M9XD4A (contact), last cause: Gorgias: refused, HTTP 401',
			expect.stringMatching(/sweep hands them to the helpdesk within five minutes/),
		]);
		expect(formatRequeued('local D1', requeued, false).at(-1)).toMatch(/curl http:\/\/localhost:8787\/cdn-cgi\/local\/scheduled` runs the sweep/);
		expect(formatRequeued('local D1', [], false)).toEqual(['Outbox (local D1): no failed or dead submission to retry.']);
	});
});

describe('npm run outbox: its SQL', () => {
	it('reads no column a shopper wrote', () => {
		expect(listSql(50)).not.toMatch(/\bticket\b|order_id|shop_reference/);
		expect(retrySql([], now)).not.toMatch(/RETURNING.*\bticket\b/);
	});

	it('retries every failed and dead submission, or the references named, and refuses anything that is not a reference', () => {
		expect(retrySql([], now)).toMatch(/WHERE status IN \('failed', 'dead'\) RETURNING/);
		expect(retrySql(['HC-AAAA', 'HC-BBBB'], now)).toMatch(/WHERE status IN \('failed', 'dead'\) AND id IN \('HC-AAAA', 'HC-BBBB'\) RETURNING/);
		expect(retrySql([], now)).toMatch(new RegExp(`attempts = 0, next_attempt_at = 0, queued_at = ${now}`));
		expect(() => retrySql(["HC-1' OR '1'='1"], now)).toThrow('Not a submission reference');
	});

	it('keeps the listing within bounds', () => {
		expect(listSql(0)).toMatch(/LIMIT 1$/);
		expect(listSql(1e9)).toMatch(/LIMIT 1000$/);
	});
});

describe('npm run outbox, run with a stand-in wrangler', () => {
	const row = JSON.stringify([{ results: [{ id: 'HC-7KQ2M9XD4A', kind: 'return', status: 'dead', attempts: 97, last_error: 'Gorgias: unavailable, HTTP 503', created_at: Date.now() - 97 * 3_600_000, next_attempt_at: 0 }] }]);

	it('reads the local database by default, and the deployed one with --remote and --env', async () => {
		const fakes = fakeCommands({
			wrangler: [
				{ match: 'COUNT', stdout: JSON.stringify([{ results: [{ status: 'dead', count: 1 }] }]) },
				{ match: 'SELECT id', stdout: row },
			],
		});
		const local = await fakes.runScript('outbox.ts', []);
		expect(local.code).toBe(0);
		expect(local.stdout).toMatch(/^Outbox \(local D1\): 0 pending, 0 failed, 1 dead/);
		expect(local.stdout).toMatch(/HC-7KQ2M9XD4A\s+return\s+dead\s+97\s+4 d 1 h\s+Gorgias: unavailable, HTTP 503/);
		expect(fakes.calls().map((call) => call.slice(0, 5))).toEqual([
			['wrangler', 'd1', 'execute', 'DB', '--local'],
			['wrangler', 'd1', 'execute', 'DB', '--local'],
		]);
		expect((await fakes.runScript('outbox.ts', ['--remote', '--env', 'production'])).stdout).toMatch(/^Outbox \(deployed D1, production\)/);
		expect(fakes.calls().at(-1)?.slice(0, 7)).toEqual(['wrangler', 'd1', 'execute', 'DB', '--remote', '--env', 'production']);
	});

	it('retries with one UPDATE, and refuses what it does not know', async () => {
		const fakes = fakeCommands({ wrangler: [{ match: 'UPDATE', stdout: JSON.stringify([{ results: [{ id: 'HC-7KQ2M9XD4A', kind: 'return', last_error: 'Gorgias: refused, HTTP 401' }] }]) }] });
		const retried = await fakes.runScript('outbox.ts', ['retry', 'HC-7KQ2M9XD4A', '--remote']);
		expect(retried.stdout).toMatch(/^Outbox \(deployed D1\): 1 submission pending again:\n {2}HC-7KQ2M9XD4A \(return\), last cause: Gorgias: refused, HTTP 401\n/);
		const [call] = fakes.calls();
		expect(call?.slice(0, 5)).toEqual(['wrangler', 'd1', 'execute', 'DB', '--remote']);
		expect(call?.at(-1)).toMatch(/^UPDATE submissions SET status = 'pending'.* AND id IN \('HC-7KQ2M9XD4A'\)/s);
		expect((await fakes.runScript('outbox.ts', ['resend'])).code).toBe(2);
		expect(await fakes.runScript('outbox.ts', ['retry', "x' --"])).toMatchObject({ code: 2, stderr: "Not a submission reference: x' --\n" });
		expect(fakes.calls()).toHaveLength(1);
	});
});

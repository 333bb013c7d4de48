import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { outboxNeedsAttention, summarizeOutbox } from '../services/outbox';

/**
 * Liveness probe for uptime checks and the test suite, with the outbox's counts: `degraded` when submissions were
 * set aside or have been pending for over an hour (`npm run outbox` says which and why). Public, so numbers only.
 */
export const health = new Hono<AppEnv>().get('/', async (c) => {
	const outbox = await summarizeOutbox(c.env.DB);
	return c.json({ status: outboxNeedsAttention(outbox) ? 'degraded' : 'ok', outbox });
});

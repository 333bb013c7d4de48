import { Hono } from 'hono';

/** Liveness probe for uptime checks and the test suite. */
export const health = new Hono<{ Bindings: Env }>().get('/', (c) => c.json({ status: 'ok' }));

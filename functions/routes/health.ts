import { Hono } from 'hono';
import type { AppEnv } from '../context';

/** Liveness probe for uptime checks and the test suite. */
export const health = new Hono<AppEnv>().get('/', (c) => c.json({ status: 'ok' }));

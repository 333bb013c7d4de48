import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { ShopConnector } from '../connectors/shop';

/** What submitting a return or an address change needs, without the HTTP layer. */
export interface SubmissionDeps {
	db: D1Database;
	queue: Queue;
	shop: ShopConnector;
}

/** Picks the submission dependencies off a request context. */
export function submissionDeps(c: Context<AppEnv>): SubmissionDeps {
	return { db: c.env.DB, queue: c.env.FORWARD_QUEUE, shop: c.var.connectors.shop };
}

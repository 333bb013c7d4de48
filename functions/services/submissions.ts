import type { Context } from 'hono';
import { translate } from '../../src/i18n/translate';
import type { AppEnv } from '../context';
import { ConnectorError } from '../connectors/errors';
import type { ShopConnector } from '../connectors/shop';
import { ApiError } from '../errors';
import { getDataKey } from './signing-key';

/** What submitting a return or an address change needs, without the HTTP layer. */
export interface SubmissionDeps {
	db: D1Database;
	dataKey: CryptoKey;
	queue: Queue;
	shop: ShopConnector;
}

/** Picks the submission dependencies off a request context. */
export async function submissionDeps(c: Context<AppEnv>): Promise<SubmissionDeps> {
	return { db: c.env.DB, dataKey: await getDataKey(c.var.config, c.env.DB), queue: c.env.FORWARD_QUEUE, shop: c.var.connectors.shop };
}

/** The change token already made this kind of change: name the first one, in the shopper's language. */
export function alreadySubmitted(locale: string, reference: string): ApiError {
	return new ApiError(409, 'action_unavailable', translate(locale, 'api.reason.already_submitted', { reference }), {
		details: { code: 'already_submitted', reference },
	});
}

/**
 * Why the shop did not make a change, for the agent who makes it by hand and for the log: a connector's own
 * words (vendor, status, refusal codes), which never carry personal data.
 */
export function shopFailureReason(error: unknown): string {
	return error instanceof ConnectorError ? error.message : 'unexpected error';
}

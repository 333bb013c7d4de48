import { ConnectorError } from '../../../functions/connectors/errors';
import type { Ticket } from '../../../functions/domain/ticket';

/** A ticket as the API would hand it to a helpdesk connector. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
	return {
		reference: 'hc_01JXYZ0000000000000000001',
		kind: 'contact',
		customer: { name: 'Jane Doe', email: 'jane.doe@example.com' },
		subject: 'Where is my order #1001?',
		body: 'Hello,\n\nmy parcel has not arrived yet.\nCould you check?',
		locale: 'en',
		tags: ['help-center', 'unverified'],
		orderName: '#1001',
		...overrides,
	};
}

/** Runs a call and answers the ConnectorError it throws; fails the test when it throws something else or nothing. */
export async function connectorError(call: () => Promise<unknown>): Promise<ConnectorError> {
	try {
		await call();
	} catch (error) {
		if (error instanceof ConnectorError) return error;
		throw new Error(`expected a ConnectorError, got ${String(error)}`);
	}
	throw new Error('expected a ConnectorError, the call succeeded');
}

/**
 * Calls again after every retryable failure, as the forwarding queue does (without its delays), and answers
 * the result with the number of attempts. A permanent failure ends the loop by throwing.
 */
export async function retryLikeTheQueue<T>(call: () => Promise<T>, maxAttempts = 100): Promise<{ result: T; attempts: number }> {
	for (let attempt = 1; ; attempt++) {
		try {
			return { result: await call(), attempts: attempt };
		} catch (error) {
			if (!(error instanceof ConnectorError) || !error.retryable || attempt >= maxAttempts) throw error;
		}
	}
}

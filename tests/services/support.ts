import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';
import { readConfig } from '../../functions/config';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { fixtureOrders } from '../../functions/connectors/demo-shop/fixture-orders';
import type { ShopConnector } from '../../functions/connectors/shop';
import type { Order } from '../../functions/domain/order';
import { ticketSchema, type Ticket } from '../../functions/domain/ticket';
import { decryptText, newReference } from '../../functions/services/crypto';
import type { ForwardMessage } from '../../functions/services/outbox';
import { getDataKey } from '../../functions/services/signing-key';
import type { SubmissionDeps } from '../../functions/services/submissions';

/** The settings of the demo: the demo shop, a signing key kept in D1. */
export const demoConfig = readConfig({});

/** The key the outbox encrypts tickets with, as the API derives it. */
export const dataKey = () => getDataKey(demoConfig, env.DB);

const noBacklog = { backlogCount: 0, backlogBytes: 0 };

/** A forwarding queue that keeps what it is given, so tests see what was forwarded. */
export interface RecordingQueue extends Queue<ForwardMessage> {
	/** The ids sent, in order. */
	sent: string[];
	/** How many messages each `sendBatch` carried. */
	batches: number[];
}

/** A recording queue; a `failing` one refuses every message, as a queue in an outage would. */
export function recordingQueue(options: { failing?: boolean } = {}): RecordingQueue {
	const queue: RecordingQueue = {
		sent: [],
		batches: [],
		async send(message) {
			if (options.failing) throw new Error('queue unavailable');
			queue.sent.push(message.id);
			return { metadata: { metrics: noBacklog } };
		},
		async sendBatch(messages) {
			const bodies = [...messages].map((message) => message.body);
			queue.batches.push(bodies.length);
			queue.sent.push(...bodies.map((body) => body.id));
			return { metadata: { metrics: noBacklog } };
		},
		async metrics() {
			return noBacklog;
		},
	};
	return queue;
}

/** The submission dependencies with the demo shop (or `shop`) and a recording queue. */
export async function submissionDeps(shop: ShopConnector = createDemoShop(env.DB)): Promise<SubmissionDeps & { queue: RecordingQueue }> {
	return { db: env.DB, dataKey: await dataKey(), queue: recordingQueue(), shop };
}

/** An outbox row as stored, its ticket decrypted. */
export async function storedSubmission(id: string) {
	const row = await env.DB.prepare('SELECT * FROM submissions WHERE id = ?1').bind(id).first<{
		kind: string;
		status: string;
		ticket: string;
		order_id: string | null;
		shop_reference: string | null;
		token_id: string | null;
		attempts: number;
		last_error: string | null;
		helpdesk_id: string | null;
	}>();
	if (!row) throw new Error(`no submission ${id}`);
	const ticket = row.ticket.startsWith('v1.') ? ticketSchema.parse(JSON.parse(await decryptText(await dataKey(), row.ticket))) : undefined;
	return { ...row, ticket };
}

/** A contact ticket as the tickets route builds it, under a new reference. */
export function contactTicket(overrides: Partial<Ticket> = {}): Ticket {
	const reference = overrides.reference ?? newReference();
	return {
		reference,
		kind: 'contact',
		customer: { name: 'Jane Doe', email: 'jane.doe@example.com' },
		subject: 'Where is my parcel?',
		body: 'It has not arrived yet.',
		locale: 'en',
		tags: ['help-center'],
		orderName: null,
		...overrides,
	};
}

/** One of the demo shop's orders, as the demo shop answers it now. */
export async function demoOrder(name: string, shop: ShopConnector = createDemoShop(env.DB)): Promise<Order> {
	const order = await shop.findOrderByName(name);
	if (!order) throw new Error(`no demo order ${name}`);
	return order;
}

/** The demo shop's order `#number` as its fixtures describe it at `now`, without the changes kept in D1. */
export function fixtureOrder(number: number, now: number): Order {
	const order = fixtureOrders(now).find((candidate) => candidate.name === `#${number}`);
	if (!order) throw new Error(`no fixture order #${number}`);
	return order;
}

/** A vendor call played by the test: keeps each input and answers `answer(count so far)`, or throws `failure`. */
export function recordingCall<Input, Output>(answer: (count: number) => Output, failure?: Error) {
	const received: Input[] = [];
	const call = async (input: Input): Promise<Output> => {
		if (failure) throw failure;
		received.push(input);
		return answer(received.length);
	};
	return Object.assign(call, { received });
}

/**
 * Keeps what the code logs with console.error during each test of the file (out of the test output), one line
 * per call, for the test to read.
 */
export function captureErrorLog(): { readonly lines: string[] } {
	let spy: MockInstance<typeof console.error> | undefined;
	beforeEach(() => {
		spy = vi.spyOn(console, 'error').mockImplementation(() => {});
	});
	afterEach(() => spy?.mockRestore());
	return {
		get lines() {
			return (spy?.mock.calls ?? []).map((args) => args.map(String).join(' '));
		},
	};
}

/** Runs `call` and answers the error it throws (or rejects with); fails when it succeeds. */
export async function thrown(call: () => unknown): Promise<unknown> {
	try {
		await call();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to throw');
}

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createZendeskHelpdesk, zendeskEnvSchema } from '../../../functions/connectors/zendesk';
import { type RunningFake, serveFake } from '../../fakes/serve';
import { createZendeskFake } from '../../fakes/zendesk-fake';
import { connectorError, retryLikeTheQueue, ticket } from './support';

const fake = createZendeskFake();
let server: RunningFake;
const timeoutMs = 800;

function helpdesk(overrides: Record<string, unknown> = {}) {
	return createZendeskHelpdesk({ subdomain: 'alder-pine', ...fake.credentials, baseUrl: server.url, timeoutMs, ...overrides });
}

beforeAll(async () => {
	server = await serveFake(fake);
});
afterAll(() => server.stop());
beforeEach(() => fake.reset());
afterEach(() => expect(fake.violations()).toEqual([]));

describe('Zendesk connector', () => {
	it('creates a ticket with the documented body and our reference as Idempotency-Key', async () => {
		const { helpdeskId } = await helpdesk().createTicket(ticket({ tags: ['help-center', 'order verified'] }));
		const [stored] = fake.tickets();
		expect(helpdeskId).toBe(String(stored!.id));
		expect(stored!.idempotencyKey).toBe('hc_01JXYZ0000000000000000001');
		expect(stored!.body).toEqual({
			subject: 'Where is my order #1001?',
			comment: { body: 'Hello,\n\nmy parcel has not arrived yet.\nCould you check?' },
			requester: { name: 'Jane Doe', email: 'jane.doe@example.com' },
			tags: ['help-center', 'order_verified'],
			external_id: 'hc_01JXYZ0000000000000000001',
		});
	});

	it('keeps CR/LF out of the subject and the requester name', async () => {
		await helpdesk().createTicket(
			ticket({ subject: 'Help\r\nBcc: victim@example.com', customer: { name: 'Eve\r\nX: 1', email: 'eve@example.com' } }),
		);
		const body = fake.tickets()[0]!.body;
		expect(body.subject).toBe('Help Bcc: victim@example.com');
		expect(body.requester.name).toBe('Eve X: 1');
	});

	it('refuses references that could not be an Idempotency-Key header, before any request', async () => {
		const error = await connectorError(() => helpdesk().createTicket(ticket({ reference: 'key\r\nX-Evil: 1' })));
		expect(error.retryable).toBe(false);
		expect(fake.control.requests).toHaveLength(0);
	});

	it('gets the same ticket back when a timed-out creation is retried', async () => {
		fake.setFaults({ timeouts: 1, timeoutMs: 2_000, timeoutCreates: true });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true });
		expect(fake.tickets()).toHaveLength(1);
		const { helpdeskId } = await helpdesk().createTicket(ticket());
		expect(helpdeskId).toBe(String(fake.tickets()[0]!.id));
		expect(fake.tickets()).toHaveLength(1);
	});

	it('treats 429 as retryable after Retry-After, or after a minute without it', async () => {
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 13 });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({
			retryable: true,
			retryAfterSeconds: 13,
			status: 429,
		});
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: null });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({
			retryable: true,
			retryAfterSeconds: 60,
			status: 429,
		});
		expect(fake.tickets()).toHaveLength(0);
	});

	it('treats 5xx and 409 (same key in flight) as retryable', async () => {
		fake.setFaults({ fail500: 1 });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true, status: 500 });
		fake.respondOnce({ status: 503, body: 'Service Unavailable' });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true, status: 503 });
		fake.respondOnce({ status: 409, body: { error: 'Conflict' } });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true, status: 409 });
	});

	it('gives up on other 4xx', async () => {
		expect(await connectorError(() => helpdesk({ apiToken: 'wrong' }).createTicket(ticket()))).toMatchObject({
			retryable: false,
			status: 401,
		});
		fake.control.violations.length = 0;
		for (const status of [400, 403, 404, 422]) {
			fake.respondOnce({ status, body: { error: 'RecordInvalid', details: {} } });
			expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: false, status });
		}
	});

	it('rejects malformed answers as retryable errors', async () => {
		for (const body of ['<html></html>', { id: 3 }, { ticket: { id: '3' } }, { ticket: null }]) {
			fake.respondOnce({ status: 201, body });
			expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true });
		}
	});

	it('delivers 60 tickets through 500s, 429s and timeouts: none lost, none twice', async () => {
		fake.setFaults({ fail500: 15, rateLimit: 15, retryAfterSeconds: 0, timeouts: 6, timeoutMs: 2_500, timeoutCreates: true });
		const connector = helpdesk();
		const references = Array.from({ length: 60 }, (_, index) => `hc_batch_${index}`);
		await Promise.all(references.map((reference) => retryLikeTheQueue(() => connector.createTicket(ticket({ reference })))));
		expect(
			fake
				.tickets()
				.map((stored) => stored.body.external_id)
				.sort(),
		).toEqual([...references].sort());
	});

	it('reads its configuration from Worker variables', () => {
		const config = zendeskEnvSchema.parse({
			ZENDESK_SUBDOMAIN: 'alder-pine',
			ZENDESK_EMAIL: 'agent@alder-pine.example',
			ZENDESK_API_TOKEN: 't',
		});
		expect(config).toMatchObject({ subdomain: 'alder-pine', timeoutMs: 10_000 });
		expect(
			zendeskEnvSchema.safeParse({ ZENDESK_SUBDOMAIN: 'a.evil.com', ZENDESK_EMAIL: 'a@b.example', ZENDESK_API_TOKEN: 't' })
				.success,
		).toBe(false);
	});
});

describe('Zendesk fake', () => {
	it('replays a known Idempotency-Key and refuses it with another body', async () => {
		const headers = {
			Authorization: `Basic ${btoa(`${fake.credentials.email}/token:${fake.credentials.apiToken}`)}`,
			Accept: 'application/json',
			'Content-Type': 'application/json',
			'Idempotency-Key': 'k1',
		};
		const body = (subject: string) =>
			JSON.stringify({
				ticket: {
					subject,
					comment: { body: 'b' },
					requester: { name: 'n', email: 'n@example.com' },
					tags: [],
					external_id: 'k1',
				},
			});
		const first = await fetch(`${server.url}/api/v2/tickets.json`, { method: 'POST', headers, body: body('s') });
		const again = await fetch(`${server.url}/api/v2/tickets.json`, { method: 'POST', headers, body: body('s') });
		const other = await fetch(`${server.url}/api/v2/tickets.json`, { method: 'POST', headers, body: body('other') });
		expect([first.status, first.headers.get('x-idempotency-lookup')]).toEqual([201, 'miss']);
		expect([again.status, again.headers.get('x-idempotency-lookup')]).toEqual([201, 'hit']);
		expect(other.status).toBe(400);
		expect(fake.tickets()).toHaveLength(1);
	});

	it('records requests without an Idempotency-Key or with password credentials as violations', async () => {
		const response = await fetch(`${server.url}/api/v2/tickets.json`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${fake.credentials.email}:${fake.credentials.apiToken}`)}`,
				'Content-Type': 'application/json',
			},
			body: '{}',
		});
		expect(response.status).toBe(401);
		expect(fake.violations()).toHaveLength(1);
		fake.control.violations.length = 0;
	});
});

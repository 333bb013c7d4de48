import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGorgiasHelpdesk, gorgiasEnvSchema } from '../../../functions/connectors/gorgias';
import { createGorgiasFake } from '../../fakes/gorgias-fake';
import { type RunningFake, serveFake } from '../../fakes/serve';
import { connectorError, retryLikeTheQueue, ticket } from './support';

const fake = createGorgiasFake();
let server: RunningFake;
const timeoutMs = 800;

function helpdesk(overrides: Record<string, unknown> = {}) {
	return createGorgiasHelpdesk({ domain: 'alder-pine', ...fake.credentials, baseUrl: server.url, timeoutMs, ...overrides });
}

beforeAll(async () => {
	server = await serveFake(fake);
});
afterAll(() => server.stop());
beforeEach(() => fake.reset());
afterEach(() => expect(fake.violations()).toEqual([]));

describe('Gorgias connector', () => {
	it('creates an incoming API ticket shaped as Gorgias documents it', async () => {
		const { helpdeskId } = await helpdesk().createTicket(ticket());
		const [stored] = fake.tickets();
		expect(helpdeskId).toBe(String(stored!.id));
		expect(stored!.body).toEqual({
			channel: 'api',
			via: 'api',
			from_agent: false,
			customer: { email: 'jane.doe@example.com', name: 'Jane Doe' },
			external_id: 'hc_01JXYZ0000000000000000001',
			language: 'en',
			tags: [{ name: 'help-center' }, { name: 'unverified' }],
			messages: [
				{
					channel: 'api',
					via: 'api',
					from_agent: false,
					sender: { email: 'jane.doe@example.com' },
					subject: 'Where is my order #1001?',
					body_text: 'Hello,\n\nmy parcel has not arrived yet.\nCould you check?',
					body_html: '<p>Hello,</p><p>my parcel has not arrived yet.<br>Could you check?</p>',
				},
			],
		});
		// Looked up first, then created.
		expect(fake.control.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
	});

	it('addresses the shop by e-mail on the email channel', async () => {
		await helpdesk({ channel: 'email', supportAddress: 'support@alder-pine.example', supportName: 'Alder & Pine' }).createTicket(
			ticket(),
		);
		const message = fake.tickets()[0]!.body.messages[0]!;
		expect(message.channel).toBe('email');
		expect(message.source).toEqual({
			type: 'email',
			from: { name: 'Jane Doe', address: 'jane.doe@example.com' },
			to: [{ name: 'Alder & Pine', address: 'support@alder-pine.example' }],
		});
	});

	it('keeps CR/LF out of one-line fields and markup out of body_html', async () => {
		await helpdesk().createTicket(
			ticket({
				subject: 'Refund\r\nBcc: victim@example.com',
				customer: { name: 'Eve\nX-Injected: 1', email: 'eve@example.com' },
				body: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
			}),
		);
		const body = fake.tickets()[0]!.body;
		const message = body.messages[0]!;
		expect(message.subject).toBe('Refund Bcc: victim@example.com');
		expect(body.customer.name).toBe('Eve X-Injected: 1');
		expect(message.body_html).toBe(
			'<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>',
		);
		expect(message.body_text).toBe('<script>alert("x")</script> & <img src=x onerror=alert(1)>');
	});

	it('refuses references that could not travel in a URL, before any request', async () => {
		const error = await connectorError(() => helpdesk().createTicket(ticket({ reference: 'abc\r\nX-Evil: 1' })));
		expect(error.retryable).toBe(false);
		expect(fake.control.requests).toHaveLength(0);
	});

	it('never opens a second ticket for the same reference', async () => {
		const first = await helpdesk().createTicket(ticket());
		const second = await helpdesk().createTicket(ticket());
		expect(second).toEqual(first);
		expect(fake.tickets()).toHaveLength(1);
	});

	it('finds the ticket a timed-out attempt created instead of creating it again', async () => {
		fake.setFaults({ timeouts: 1, timeoutMs: 2_000, timeoutCreates: true, target: 'create' });
		const error = await connectorError(() => helpdesk().createTicket(ticket()));
		expect(error.retryable).toBe(true);
		expect(error.message).toContain('no answer within 800 ms');
		expect(fake.tickets()).toHaveLength(1);

		const { helpdeskId } = await helpdesk().createTicket(ticket());
		expect(fake.tickets()).toHaveLength(1);
		expect(helpdeskId).toBe(String(fake.tickets()[0]!.id));
	});

	it('creates the ticket after a timeout that created nothing', async () => {
		fake.setFaults({ timeouts: 1, timeoutMs: 2_000, timeoutCreates: false, target: 'create' });
		expect((await connectorError(() => helpdesk().createTicket(ticket()))).retryable).toBe(true);
		expect(fake.tickets()).toHaveLength(0);
		await helpdesk().createTicket(ticket());
		expect(fake.tickets()).toHaveLength(1);
	});

	it('treats 429 as retryable after Retry-after, and 429 without it after a whole window', async () => {
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 7 });
		const limited = await connectorError(() => helpdesk().createTicket(ticket()));
		expect(limited).toMatchObject({ retryable: true, retryAfterSeconds: 7, status: 429 });

		fake.setFaults({ rateLimit: 1, retryAfterSeconds: null });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({
			retryable: true,
			retryAfterSeconds: 20,
		});
		expect(fake.tickets()).toHaveLength(0);
	});

	it('treats 5xx as retryable, on the lookup and on the creation', async () => {
		fake.setFaults({ fail500: 1 });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true, status: 500 });
		fake.setFaults({ fail500: 1, target: 'create' });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true, status: 500 });
		expect(fake.tickets()).toHaveLength(0);
	});

	it('gives up on 4xx: wrong credentials, invalid payload, payload too large', async () => {
		const unauthorized = await connectorError(() => helpdesk({ apiKey: 'wrong' }).createTicket(ticket()));
		expect(unauthorized).toMatchObject({ retryable: false, status: 401 });
		fake.control.violations.length = 0;

		for (const status of [400, 403, 404, 413]) {
			fake.respondOnce({ status: 200, body: { data: [], meta: { next_cursor: null } } });
			fake.respondOnce({ status, body: { error: { msg: 'refused' } } });
			expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: false, status });
		}
	});

	it('looks the ticket up on 409 instead of failing', async () => {
		const strict = createGorgiasFake({ uniqueExternalId: true });
		const strictServer = await serveFake(strict);
		try {
			const connector = createGorgiasHelpdesk({
				domain: 'alder-pine',
				...strict.credentials,
				baseUrl: strictServer.url,
				timeoutMs,
			});
			// Both look up before either creates: one creates, the other gets 409 and finds the first one's ticket.
			const [a, b] = await Promise.all([connector.createTicket(ticket()), connector.createTicket(ticket())]);
			expect(a).toEqual(b);
			expect(strict.tickets()).toHaveLength(1);
			expect(strict.control.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
			expect(strict.violations()).toEqual([]);
		} finally {
			await strictServer.stop();
		}
	});

	it('rejects malformed answers as retryable errors, never as a crash or a made-up id', async () => {
		const malformed = [
			{ status: 201, body: '<html>Bad gateway</html>' },
			{ status: 201, body: { ticket: { id: 1 } } },
			{ status: 201, body: { id: '86538298' } },
			{ status: 201, body: { id: -1 } },
		];
		for (const answer of malformed) {
			fake.respondOnce({ status: 200, body: { data: [], meta: {} } });
			fake.respondOnce(answer);
			expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true });
		}
		fake.respondOnce({ status: 200, body: { data: [{ id: 'x' }] } });
		expect(await connectorError(() => helpdesk().createTicket(ticket()))).toMatchObject({ retryable: true });
	});

	it('ignores look-up results for other references, in case the filter were not applied', async () => {
		fake.respondOnce({
			status: 200,
			body: {
				data: [
					{ id: 5, external_id: 'hc_other' },
					{ id: 6, external_id: null },
				],
				meta: {},
			},
		});
		const { helpdeskId } = await helpdesk().createTicket(ticket());
		expect(helpdeskId).toBe(String(fake.tickets()[0]!.id));
	});

	it('delivers 60 tickets through 500s, 429s and timeouts: none lost, none twice', async () => {
		fake.setFaults({ fail500: 15, rateLimit: 15, retryAfterSeconds: 0, timeouts: 6, timeoutMs: 2_500, timeoutCreates: true });
		const connector = helpdesk();
		const references = Array.from({ length: 60 }, (_, index) => `hc_batch_${index}`);
		const results = await Promise.all(
			references.map((reference) => retryLikeTheQueue(() => connector.createTicket(ticket({ reference })))),
		);
		expect(Object.values(fake.control.pendingFaults()).every((count) => count === 0)).toBe(true);
		expect(
			fake
				.tickets()
				.map((stored) => stored.body.external_id)
				.sort(),
		).toEqual([...references].sort());
		expect(new Set(results.map(({ result }) => result.helpdeskId)).size).toBe(60);
		expect(results.some(({ attempts }) => attempts > 1)).toBe(true);
	});

	it('reads its configuration from Worker variables', () => {
		const config = gorgiasEnvSchema.parse({
			GORGIAS_DOMAIN: 'Alder-Pine',
			GORGIAS_EMAIL: 'agent@alder-pine.example',
			GORGIAS_API_KEY: 'key',
			GORGIAS_BASE_URL: '',
		});
		expect(config).toMatchObject({ domain: 'alder-pine', channel: 'api', timeoutMs: 10_000 });
		expect(config.baseUrl).toBeUndefined();
		expect(
			gorgiasEnvSchema.safeParse({ GORGIAS_DOMAIN: 'evil.com/x', GORGIAS_EMAIL: 'a@b.example', GORGIAS_API_KEY: 'k' }).success,
		).toBe(false);
		expect(
			gorgiasEnvSchema.safeParse({
				GORGIAS_DOMAIN: 'a',
				GORGIAS_EMAIL: 'a@b.example',
				GORGIAS_API_KEY: 'k',
				GORGIAS_BASE_URL: 'http://example.com',
			}).success,
		).toBe(false);
		expect(
			gorgiasEnvSchema.safeParse({
				GORGIAS_DOMAIN: 'a',
				GORGIAS_EMAIL: 'a@b.example',
				GORGIAS_API_KEY: 'k',
				GORGIAS_CHANNEL: 'email',
			}).success,
		).toBe(false);
	});
});

describe('Gorgias fake', () => {
	it('refuses and records requests that break the contract', async () => {
		const response = await fetch(`${server.url}/api/tickets`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${fake.credentials.email}:${fake.credentials.apiKey}`)}`,
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				channel: 'api',
				via: 'api',
				messages: [{ channel: 'api', via: 'api', from_agent: false, body_html: '<b>x</b>' }],
			}),
		});
		expect(response.status).toBe(400);
		expect(fake.violations().length).toBeGreaterThan(0);
		fake.control.violations.length = 0;
	});

	it('is driven and read over HTTP', async () => {
		const set = await fetch(`${server.url}/__fake/faults`, {
			method: 'POST',
			body: JSON.stringify({ fail500: 2, rateLimit: 1, timeouts: 1, timeoutMs: 50 }),
		});
		expect(set.status).toBe(200);
		expect(await (await fetch(`${server.url}/__fake/faults`)).json()).toEqual({
			fail500: 2,
			rateLimit: 1,
			throttled: 0,
			timeouts: 1,
		});
		expect((await fetch(`${server.url}/__fake/faults`, { method: 'POST', body: JSON.stringify({ fail500: -1 }) })).status).toBe(
			400,
		);
		await retryLikeTheQueue(() => helpdesk().createTicket(ticket()));
		const listed = (await (await fetch(`${server.url}/__fake/tickets`)).json()) as { count: number };
		expect(listed.count).toBe(1);
		await fetch(`${server.url}/__fake/reset`, { method: 'POST' });
		expect(fake.tickets()).toHaveLength(0);
	});
});

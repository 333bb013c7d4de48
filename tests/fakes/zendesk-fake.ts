import { Hono } from 'hono';
import { z } from 'zod';
import { addAdminRoutes, decodeBasic, isJson } from './admin-routes.ts';
import { cannedResponse, FakeControl } from './faults.ts';

export interface ZendeskFakeOptions {
	email?: string;
	apiToken?: string;
	subdomain?: string;
}

export interface ZendeskFakeTicket {
	id: number;
	idempotencyKey: string;
	createdAt: string;
	body: ZendeskCreateBody['ticket'];
}

const controlChars = /[\u0000-\u001F\u007F]/;
const oneLine = z
	.string()
	.min(1)
	.refine((value) => !controlChars.test(value), 'control characters');

/** `POST /api/v2/tickets.json` as documented (§2.3); property names are case-sensitive. */
const createBodySchema = z
	.object({
		ticket: z
			.object({
				subject: oneLine.max(255),
				comment: z.object({ body: z.string().min(1) }).strict(),
				requester: z.object({ name: oneLine.max(255), email: z.email() }).strict(),
				tags: z.array(z.string().regex(/^\S+$/, 'tags are single words')),
				external_id: z.string().min(1).max(255),
			})
			.strict(),
	})
	.strict();
export type ZendeskCreateBody = z.infer<typeof createBodySchema>;

/**
 * A fake Zendesk Ticketing API: checks `POST /api/v2/tickets.json` against the documented contract (Basic
 * auth as `{email}/token:{api_token}`, JSON headers, Idempotency-Key, the ticket body), honours
 * Idempotency-Key (replay with `x-idempotency-lookup: hit`; the same key with another body is refused, which
 * Zendesk leaves undocumented) and injects faults. State is readable in process and under `/__fake/`.
 */
export function createZendeskFake(options: ZendeskFakeOptions = {}) {
	const email = options.email ?? 'agent@alder-pine.example';
	const apiToken = options.apiToken ?? 'zendesk-test-token';
	const subdomain = options.subdomain ?? 'alder-pine';
	const control = new FakeControl();
	const tickets: ZendeskFakeTicket[] = [];
	const byKey = new Map<string, { fingerprint: string; ticket: ZendeskFakeTicket }>();
	let nextId = 3;

	function reset() {
		control.reset();
		tickets.length = 0;
		byKey.clear();
	}

	function ticketObject(ticket: ZendeskFakeTicket) {
		return {
			url: `https://${subdomain}.zendesk.com/api/v2/tickets/${ticket.id}.json`,
			id: ticket.id,
			external_id: ticket.body.external_id,
			subject: ticket.body.subject,
			description: ticket.body.comment.body,
			status: 'new',
			requester_id: 20_978_392,
			tags: ticket.body.tags,
			via: { channel: 'api' },
			created_at: ticket.createdAt,
			updated_at: ticket.createdAt,
		};
	}

	function created(ticket: ZendeskFakeTicket, lookup: 'hit' | 'miss'): Response {
		return Response.json(
			{ ticket: ticketObject(ticket) },
			{
				status: 201,
				headers: {
					Location: `https://${subdomain}.zendesk.com/api/v2/tickets/${ticket.id}.json`,
					'x-idempotency-lookup': lookup,
					'X-Rate-Limit': '700',
					'X-Rate-Limit-Remaining': '699',
				},
			},
		);
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/tickets', (c) => c.json({ count: tickets.length, tickets }));

	app.post('/api/v2/tickets.json', async (c) => {
		control.requests.push({ method: c.req.method, path: c.req.path });
		const credentials = decodeBasic(c.req.header('Authorization'));
		if (!credentials || credentials.user !== `${email}/token` || credentials.password !== apiToken) {
			control.violation('POST /api/v2/tickets.json: missing or wrong API token credentials');
			return c.json({ error: "Couldn't authenticate you" }, 401);
		}
		if (!isJson(c.req.header('Content-Type')) || c.req.header('Accept') !== 'application/json') {
			control.violation('POST /api/v2/tickets.json: Content-Type and Accept must be application/json');
			return c.json({ error: 'InvalidEndpoint' }, 400);
		}
		const key = c.req.header('Idempotency-Key');
		if (!key || key.length > 255) {
			control.violation('POST /api/v2/tickets.json: no Idempotency-Key');
			return c.json({ error: 'IdempotencyKeyRequired' }, 400);
		}
		const raw: unknown = await c.req.json().catch(() => undefined);
		const parsed = createBodySchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				control.violation(`POST /api/v2/tickets.json: ${issue.path.join('.')}: ${issue.message}`);
			return c.json({ error: 'RecordInvalid', description: 'Record validation errors' }, 422);
		}
		const fingerprint = JSON.stringify(parsed.data);
		const canned = control.takeCanned();
		if (canned) return cannedResponse(canned);

		const store = () => {
			const known = byKey.get(key);
			if (known) return { ticket: known.ticket, lookup: 'hit' as const, sameBody: known.fingerprint === fingerprint };
			const ticket = { id: nextId++, idempotencyKey: key, createdAt: new Date().toISOString(), body: parsed.data.ticket };
			tickets.push(ticket);
			byKey.set(key, { fingerprint, ticket });
			return { ticket, lookup: 'miss' as const, sameBody: true };
		};

		const fault = control.takeFault(true);
		if (fault?.kind === 'fail500') return c.json({ error: 'InternalServerError' }, 500);
		if (fault?.kind === 'rateLimit') {
			if (fault.retryAfterSeconds === null) return c.text('Too Many Requests', 429);
			return c.json({ error: 'TooManyRequests', description: 'Rate limit exceeded' }, 429, {
				'Retry-After': String(fault.retryAfterSeconds),
			});
		}
		if (fault?.kind === 'timeout') {
			if (fault.creates) store();
			await control.hang(fault.ms);
			return c.json({ error: 'GatewayTimeout' }, 504);
		}

		const result = store();
		if (!result.sameBody) return c.json({ error: 'IdempotentRequestError', description: 'Key reused with another payload' }, 400);
		return created(result.ticket, result.lookup);
	});

	app.all('/api/*', (c) => {
		control.violation(`${c.req.method} ${c.req.path}: not part of the contract`);
		return c.json({ error: 'InvalidEndpoint' }, 404);
	});

	return {
		app,
		control,
		credentials: { email, apiToken },
		tickets: (): readonly ZendeskFakeTicket[] => tickets,
		violations: (): readonly string[] => control.violations,
		setFaults: control.setFaults.bind(control),
		respondOnce: control.respondOnce.bind(control),
		reset,
	};
}
export type ZendeskFake = ReturnType<typeof createZendeskFake>;

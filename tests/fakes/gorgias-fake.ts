import { Hono } from 'hono';
import { z } from 'zod';
import { addAdminRoutes, decodeBasic, isJson } from './admin-routes.ts';
import { cannedResponse, FakeControl } from './faults.ts';

export interface GorgiasFakeOptions {
	email?: string;
	apiKey?: string;
	/** Answer 409 to a second ticket with the same external_id (real Gorgias does not enforce uniqueness). */
	uniqueExternalId?: boolean;
}

/** A stored ticket: the request body as received, plus the id and time the fake gave it. */
export interface GorgiasFakeTicket {
	id: number;
	createdDatetime: string;
	body: GorgiasCreateBody;
}

const channel = z.enum(['api', 'email']);
const controlChars = /[\u0000-\u001F\u007F]/;
const oneLine = z
	.string()
	.min(1)
	.refine((value) => !controlChars.test(value), 'control characters');

/** `POST /api/tickets` as documented, for an incoming shopper message (§1.2), and nothing more. */
const messageSchema = z
	.object({
		channel,
		via: z.literal('api'),
		from_agent: z.literal(false),
		sender: z.object({ email: z.email() }).strict(),
		source: z
			.object({
				type: z.literal('email'),
				from: z.object({ name: oneLine, address: z.email() }).strict(),
				to: z.array(z.object({ name: oneLine, address: z.email() }).strict()).min(1),
			})
			.strict()
			.optional(),
		subject: oneLine.max(998),
		body_text: z.string().min(1),
		body_html: z.string().min(1),
	})
	.strict();

const createBodySchema = z
	.object({
		channel,
		via: z.literal('api'),
		from_agent: z.literal(false),
		customer: z.object({ email: z.email(), name: oneLine.max(255) }).strict(),
		external_id: z.string().min(1).max(255),
		language: z
			.string()
			.regex(/^[a-z]{2}$/)
			.optional(),
		tags: z.array(z.object({ name: oneLine.max(255) }).strict()).optional(),
		messages: z.array(messageSchema).min(1).max(500),
	})
	.strict();
export type GorgiasCreateBody = z.infer<typeof createBodySchema>;

/** Markup we build ourselves; anything else in body_html means unescaped shopper text. */
const allowedTags = /<\/?p>|<br>/g;

function contractProblems(body: GorgiasCreateBody): string[] {
	const problems: string[] = [];
	for (const message of body.messages) {
		if (message.channel !== body.channel) problems.push('message channel differs from ticket channel');
		if (message.channel === 'email' && !message.source) problems.push('email channel without source');
		if (message.channel === 'api' && message.source) problems.push('api channel with an e-mail source');
		if (/[<>]/.test(message.body_html.replace(allowedTags, ''))) problems.push('unescaped markup in body_html');
		if (message.sender.email !== body.customer.email) problems.push('sender is not the customer');
	}
	return problems;
}

/**
 * A fake Gorgias REST API: checks every request against the documented contract (Basic auth with the
 * user's e-mail and API key, JSON headers, the ticket body), records violations, keeps tickets, supports
 * `GET /api/tickets?external_id=` and injects faults. State is readable in process and under `/__fake/`.
 */
export function createGorgiasFake(options: GorgiasFakeOptions = {}) {
	const email = options.email ?? 'agent@alder-pine.example';
	const issuedKey = options.apiKey ?? 'gorgias-test-key';
	/** The key Gorgias accepts now: a test revokes the Worker's with `POST /__fake/api-key`. */
	let apiKey = issuedKey;
	const control = new FakeControl();
	const tickets: GorgiasFakeTicket[] = [];
	let nextId = 86_538_298;
	let calls = 0;

	function reset() {
		control.reset();
		apiKey = issuedKey;
		tickets.length = 0;
		calls = 0;
	}

	function ticketObject(ticket: GorgiasFakeTicket) {
		const { body } = ticket;
		return {
			id: ticket.id,
			uri: `/api/tickets/${ticket.id}/`,
			external_id: body.external_id,
			status: 'open',
			channel: body.channel,
			via: body.via,
			from_agent: body.from_agent,
			spam: false,
			subject: body.messages[0]!.subject,
			priority: 'normal',
			language: body.language ?? null,
			tags: (body.tags ?? []).map((tag, index) => ({ id: index + 1, name: tag.name })),
			customer: {
				id: 387_705_374,
				email: body.customer.email,
				name: body.customer.name,
				channels: [{ type: 'email', address: body.customer.email, preferred: true }],
			},
			messages: body.messages.map((message, index) => ({
				id: ticket.id * 10 + index,
				uri: `/api/tickets/${ticket.id}/messages/${ticket.id * 10 + index}/`,
				ticket_id: ticket.id,
				...message,
				created_datetime: ticket.createdDatetime,
			})),
			created_datetime: ticket.createdDatetime,
			updated_datetime: ticket.createdDatetime,
		};
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/tickets', (c) => c.json({ count: tickets.length, tickets }));
	app.post('/__fake/api-key', async (c) => {
		const body = z.object({ apiKey: z.string().min(1) }).safeParse(await c.req.json().catch(() => undefined));
		if (!body.success) return c.json({ error: 'apiKey expected' }, 400);
		apiKey = body.data.apiKey;
		return c.json({ ok: true });
	});

	app.use('/api/*', async (c, next) => {
		calls += 1;
		control.requests.push({ method: c.req.method, path: c.req.path });
		c.header('X-Gorgias-Account-Api-Call-Limit', `${Math.min(calls, 40)}/40`);
		const credentials = decodeBasic(c.req.header('Authorization'));
		if (!credentials || credentials.user !== email || credentials.password !== apiKey) {
			control.violation(`${c.req.method} ${c.req.path}: missing or wrong Basic credentials`);
			return c.json({ error: { msg: 'Unauthorized' } }, 401);
		}
		if (c.req.header('Accept') !== 'application/json') {
			control.violation(`${c.req.method} ${c.req.path}: Accept is not application/json`);
			return c.json({ error: { msg: 'Accept must be application/json' } }, 400);
		}
		await next();
		return undefined;
	});

	async function faultResponse(creates: boolean, onTimeoutCreate?: () => void): Promise<Response | undefined> {
		const canned = control.takeCanned();
		if (canned) return cannedResponse(canned);
		const fault = control.takeFault(creates);
		if (!fault) return undefined;
		if (fault.kind === 'fail500') return Response.json({ error: { msg: 'Internal server error' } }, { status: 500 });
		if (fault.kind === 'rateLimit') {
			const headers: Record<string, string> =
				fault.retryAfterSeconds === null ? {} : { 'Retry-after': String(fault.retryAfterSeconds) };
			return Response.json({ error: { msg: 'Too many requests' } }, { status: 429, headers });
		}
		if (fault.kind === 'timeout') {
			if (fault.creates) onTimeoutCreate?.();
			await control.hang(fault.ms);
			return Response.json({ error: { msg: 'Gateway timeout' } }, { status: 504 });
		}
		// THROTTLED is Shopify's: Gorgias ignores that part of a schedule.
		return undefined;
	}

	app.get('/api/tickets', async (c) => {
		const faulty = await faultResponse(false);
		if (faulty) return faulty;
		const externalId = c.req.query('external_id');
		const matching = externalId === undefined ? tickets : tickets.filter((ticket) => ticket.body.external_id === externalId);
		return c.json({ data: matching.slice(0, 30).map(ticketObject), meta: { prev_cursor: null, next_cursor: null } });
	});

	app.post('/api/tickets', async (c) => {
		if (!isJson(c.req.header('Content-Type'))) {
			control.violation('POST /api/tickets: Content-Type is not application/json');
			return c.json({ error: { msg: 'Content-Type must be application/json' } }, 400);
		}
		const raw: unknown = await c.req.json().catch(() => undefined);
		const parsed = createBodySchema.safeParse(raw);
		const problems = parsed.success
			? contractProblems(parsed.data)
			: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		if (!parsed.success || problems.length > 0) {
			for (const problem of problems) control.violation(`POST /api/tickets: ${problem}`);
			return c.json({ error: { msg: 'Invalid request', data: problems } }, 400);
		}
		const body = parsed.data;
		const create = () => {
			const ticket = { id: nextId++, createdDatetime: new Date().toISOString(), body };
			tickets.push(ticket);
			return ticket;
		};
		const faulty = await faultResponse(true, create);
		if (faulty) return faulty;
		if (options.uniqueExternalId && tickets.some((ticket) => ticket.body.external_id === body.external_id)) {
			return c.json({ error: { msg: 'external_id already in use' } }, 409);
		}
		return c.json(ticketObject(create()), 201);
	});

	app.all('/api/*', (c) => {
		control.violation(`${c.req.method} ${c.req.path}: not part of the contract`);
		return c.json({ error: { msg: 'Not found' } }, 404);
	});

	return {
		app,
		control,
		credentials: { email, apiKey: issuedKey },
		tickets: (): readonly GorgiasFakeTicket[] => tickets,
		violations: (): readonly string[] => control.violations,
		setFaults: control.setFaults.bind(control),
		respondOnce: control.respondOnce.bind(control),
		reset,
	};
}
export type GorgiasFake = ReturnType<typeof createGorgiasFake>;

import { Hono } from 'hono';
import { z } from 'zod';
import { addAdminRoutes, isJson } from './admin-routes.ts';
import { cannedResponse, FakeControl } from './faults.ts';

export interface ResendFakeOptions {
	apiKey?: string;
}

/** Every well-formed request, whatever its fate: what the shopper would have received had it been sent. */
export interface ResendFakeEmail {
	id: string;
	idempotencyKey: string;
	/** `sent`: accepted (also when the answer was lost to a timeout); `failed`: refused with a fault. */
	outcome: 'sent' | 'failed';
	body: ResendSendBody;
}

const controlChars = /[\u0000-\u001F\u007F]/;
const oneLine = z
	.string()
	.min(1)
	.refine((value) => !controlChars.test(value), 'control characters');

/** `Name <address>`, `"Quoted, Name" <address>` or a bare address, as the `from` field takes them. */
const mailbox = oneLine.refine((value) => {
	const match = /^(?:(?:"(?:[^"\\]|\\.)+"|[^"<>()[\]:;@\\,.]+) )?<([^<>\s]+)>$/.exec(value);
	return z.email().safeParse(match ? match[1] : value).success;
}, 'not an e-mail address or `Name <address>`');
const addresses = z.union([z.email(), z.array(z.email()).min(1).max(50)]);

/** `POST /emails` as documented (resend/resend-openapi `SendEmailRequest`), limited to the fields a mailer may use. */
const sendBodySchema = z
	.object({
		from: mailbox,
		to: addresses,
		subject: oneLine.max(998),
		text: z.string().min(1),
		html: z.string().min(1).optional(),
		reply_to: addresses.optional(),
		headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), oneLine.max(2048)).optional(),
	})
	.strict();
export type ResendSendBody = z.infer<typeof sendBodySchema>;

function error(status: number, name: string, message: string, headers: Record<string, string> = {}): Response {
	return Response.json({ statusCode: status, name, message }, { status, headers });
}

/**
 * A fake Resend API: checks `POST /emails` against the documented contract (Bearer API key, User-Agent, JSON,
 * Idempotency-Key, the body), replays the first answer for a known Idempotency-Key (24 h in Resend) and refuses
 * the key with another body (409 `invalid_idempotent_request`), answers errors as `{ statusCode, name, message }`
 * and injects faults. State is readable in process and under `/__fake/`.
 */
export function createResendFake(options: ResendFakeOptions = {}) {
	const apiKey = options.apiKey ?? 're_test_0123456789';
	const control = new FakeControl();
	const emails: ResendFakeEmail[] = [];
	const byKey = new Map<string, { fingerprint: string; email: ResendFakeEmail }>();

	function reset() {
		control.reset();
		emails.length = 0;
		byKey.clear();
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/emails', (c) => c.json({ count: emails.length, emails }));

	app.post('/emails', async (c) => {
		control.requests.push({ method: c.req.method, path: c.req.path });
		const authorization = c.req.header('Authorization');
		if (!/^Bearer \S+$/.test(authorization ?? '')) {
			control.violation('POST /emails: no Bearer API key');
			return error(401, 'missing_api_key', 'Missing API key in the authorization header.');
		}
		// A wrong key is a setting to fix, not a broken request: answered as Resend does, not a violation.
		if (authorization !== `Bearer ${apiKey}`) return error(403, 'invalid_api_key', 'API key is invalid.');
		if (!c.req.header('User-Agent')) {
			control.violation('POST /emails: no User-Agent header');
			return c.text('error code: 1010', 403);
		}
		if (!isJson(c.req.header('Content-Type'))) {
			control.violation('POST /emails: Content-Type is not application/json');
			return error(400, 'validation_error', 'Content-Type must be application/json.');
		}
		const key = c.req.header('Idempotency-Key');
		if (!key || key.length > 256) {
			control.violation('POST /emails: no Idempotency-Key (1 to 256 characters)');
			return error(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
		}
		const raw: unknown = await c.req.json().catch(() => undefined);
		const parsed = sendBodySchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) control.violation(`POST /emails: ${issue.path.join('.')}: ${issue.message}`);
			return error(422, 'validation_error', 'We found an error with one or more fields in the request.');
		}
		const body = parsed.data;
		const fingerprint = JSON.stringify(body);
		const known = byKey.get(key);
		if (known) {
			if (known.fingerprint !== fingerprint) return error(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.');
			if (known.email.outcome === 'sent') return c.json({ id: known.email.id });
		}

		const record = (outcome: ResendFakeEmail['outcome']) => {
			const email = { id: crypto.randomUUID(), idempotencyKey: key, outcome, body };
			emails.push(email);
			// Only an accepted e-mail holds its key: a refused request may be sent again.
			if (outcome === 'sent') byKey.set(key, { fingerprint, email });
			return email;
		};

		const canned = control.takeCanned();
		if (canned) {
			record(canned.status >= 200 && canned.status < 300 ? 'sent' : 'failed');
			return cannedResponse(canned);
		}
		const fault = control.takeFault(true);
		if (fault?.kind === 'fail500') {
			record('failed');
			return error(500, 'internal_server_error', 'An unexpected error occurred.');
		}
		if (fault?.kind === 'rateLimit') {
			record('failed');
			const headers: Record<string, string> = { 'ratelimit-limit': '5', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' };
			if (fault.retryAfterSeconds !== null) headers['retry-after'] = String(fault.retryAfterSeconds);
			return error(429, 'rate_limit_exceeded', 'Too many requests. You can only make 5 requests per second.', headers);
		}
		if (fault?.kind === 'timeout') {
			record(fault.creates ? 'sent' : 'failed');
			await control.hang(fault.ms);
			return error(500, 'application_error', 'An unexpected error occurred.');
		}
		return c.json({ id: record('sent').id });
	});

	app.all('*', (c) => {
		if (c.req.path.startsWith('/__fake/')) return c.notFound();
		control.violation(`${c.req.method} ${c.req.path}: not part of the contract`);
		return error(404, 'not_found', 'The requested endpoint does not exist.');
	});

	return {
		app,
		control,
		apiKey,
		emails: (): readonly ResendFakeEmail[] => emails,
		violations: (): readonly string[] => control.violations,
		setFaults: control.setFaults.bind(control),
		respondOnce: control.respondOnce.bind(control),
		reset,
	};
}
export type ResendFake = ReturnType<typeof createResendFake>;

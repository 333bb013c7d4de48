import type { Hono } from 'hono';
import { z } from 'zod';
import type { FakeControl } from './faults.ts';

const cannedResponseSchema = z
	.object({
		status: z.number().int().min(100).max(599),
		body: z.union([z.string(), z.record(z.string(), z.unknown())]),
		headers: z.record(z.string(), z.string()).optional(),
	})
	.strict();

/**
 * The `/__fake/*` routes every fake has, so a test running elsewhere (the Worker inside workerd) can drive
 * and read it over HTTP: faults, canned answers, violations, request counts and reset.
 */
export function addAdminRoutes(app: Hono, control: FakeControl, reset: () => void): void {
	app.get('/__fake/faults', (c) => c.json(control.pendingFaults()));
	app.post('/__fake/faults', async (c) => {
		const body: unknown = await c.req.json().catch(() => undefined);
		try {
			return c.json(control.setFaults((body ?? {}) as object));
		} catch {
			return c.json({ error: 'invalid fault schedule' }, 400);
		}
	});
	app.post('/__fake/respond-once', async (c) => {
		const canned = cannedResponseSchema.safeParse(await c.req.json().catch(() => undefined));
		if (!canned.success) return c.json({ error: 'invalid canned response' }, 400);
		const { headers, ...rest } = canned.data;
		control.respondOnce(headers === undefined ? rest : { ...rest, headers });
		return c.json({ ok: true });
	});
	app.get('/__fake/violations', (c) => c.json({ violations: control.violations }));
	app.get('/__fake/requests', (c) => c.json({ requests: control.requests }));
	app.post('/__fake/reset', (c) => {
		reset();
		return c.json({ ok: true });
	});
}

/** Decodes `Authorization: Basic …` into its user and password, or undefined. */
export function decodeBasic(header: string | undefined): { user: string; password: string } | undefined {
	const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
	if (!match) return undefined;
	const decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0)));
	const colon = decoded.indexOf(':');
	return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Whether a header value is exactly JSON (parameters such as charset allowed). */
export function isJson(contentType: string | undefined): boolean {
	return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiErrorBody } from '../support/error-body';

/** A small seeded generator, so a failure can be replayed exactly. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const endpoints = [
	'/api/orders/lookup',
	'/api/orders/verify/code',
	'/api/orders/verify',
	'/api/orders/1005/returns',
	'/api/orders/1001/address',
	'/api/tickets',
];

const validBodies: Record<string, Record<string, unknown>> = {
	'/api/orders/lookup': { orderNumber: '1005', email: 'lea.moreau@example.com' },
	'/api/orders/verify/code': { token: 'x'.repeat(40) },
	'/api/orders/verify': { token: 'x'.repeat(40), code: '123456' },
	'/api/orders/1005/returns': { items: [{ lineItemId: 'gid://demo/LineItem/1005-1', quantity: 1, reasonId: 'too-small' }], resolution: 'refund' },
	'/api/orders/1001/address': { address: { firstName: 'A', lastName: 'B', address1: 'C', city: 'Lyon', postalCode: '69002', countryCode: 'FR' } },
	'/api/tickets': { name: 'Jane', email: 'jane@example.com', subject: 'Hello', message: 'Help' },
};

/** Values no field accepts. */
const invalidEverywhere: unknown[] = [
	null,
	true,
	0,
	-1,
	1e308,
	'',
	' ',
	'x'.repeat(10_000),
	'\u0000\u0007\u001b[31m',
	'line\r\nInjected: header',
	'\u202eevil',
	[],
	[1, 2, 3],
	{},
	{ $gt: '' },
];

/** Hostile strings that are fine as free text (escaped later) but never valid for identifiers, codes or e-mails. */
const invalidForIdentifiers: unknown[] = ['<script>alert(1)</script>', '😀'.repeat(30), '1 OR 1=1', '#1001 OR email:*', '../../etc/passwd'];

const freeTextFields = new Set(['name', 'subject', 'message']);

function deepNesting(depth: number): string {
	return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** One malformed request: a wrong type, a missing or extra field, a huge or hostile value, a broken body or type. */
function malformedRequest(next: () => number): { path: string; body: string; contentType: string } {
	const pick = <T,>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
	const path = pick(endpoints);
	const valid = validBodies[path] ?? {};
	const fields = Object.keys(valid);
	const kind = Math.floor(next() * 9);
	const json = (value: unknown) => ({ path, body: JSON.stringify(value), contentType: 'application/json' });
	switch (kind) {
		case 0: { // a field with a wrong or hostile value
			const field = pick(fields);
			const values = freeTextFields.has(field) ? invalidEverywhere : [...invalidEverywhere, ...invalidForIdentifiers];
			return json({ ...valid, [field]: pick(values) });
		}
		case 1: { // a missing field
			const { [pick(fields)]: _removed, ...rest } = valid;
			return json(rest);
		}
		case 2: // an unknown field
			return json({ ...valid, [pick(['isAdmin', '__proto__', 'constructor', 'email2', 'x'.repeat(300)])]: pick(invalidEverywhere) });
		case 3: // the whole body of the wrong type
			return json(pick([...invalidEverywhere, ...invalidForIdentifiers]));
		case 4: // deep nesting
			return { path, body: `{"${pick(fields)}":${deepNesting(200 + Math.floor(next() * 3000))}}`, contentType: 'application/json' };
		case 5: // not JSON at all
			return { path, body: pick(['{', '{"a":', 'undefined', '\u0000', '{"orderNumber":"1005",}', "{'a':1}"]), contentType: 'application/json' };
		case 6: // the wrong content type
			return { path, body: JSON.stringify(valid), contentType: pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/jsonx']) };
		case 7: // an oversized body
			return json({ ...valid, padding: 'x'.repeat(17_000 + Math.floor(next() * 50_000)) });
		default: // nested arrays and objects where strings belong
			return json(Object.fromEntries(fields.map((field) => [field, next() < 0.5 ? [valid[field]] : { value: valid[field] }])));
	}
}

async function countRows(): Promise<Record<string, number>> {
	const tables = ['submissions', 'inbox', 'idempotency_keys', 'verification_codes', 'demo_order_changes', 'rate_counters'];
	const counts: Record<string, number> = {};
	for (const table of tables) {
		counts[table] = (await env.DB.prepare(`SELECT COUNT(*) AS count FROM ${table}`).first<{ count: number }>())?.count ?? -1;
	}
	return counts;
}

describe('bad input', () => {
	it('answers 1,000 generated malformed requests with a 4xx JSON error code, never a 5xx, and writes nothing', async () => {
		const before = await countRows();
		const next = random(20261125);
		const failures: string[] = [];
		const statuses = new Map<number, number>();
		for (let index = 0; index < 1000; index++) {
			const request = malformedRequest(next);
			const headers: Record<string, string> = { 'Idempotency-Key': `fuzz-key-${index}`, Authorization: `Bearer ${'y'.repeat(30)}` };
			if (request.contentType) headers['Content-Type'] = request.contentType;
			const response = await exports.default.fetch(new Request(`https://help.alderandpine.example${request.path}`, { method: 'POST', headers, body: request.body }));
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			const text = await response.text();
			if (response.status < 400 || response.status >= 500 || !apiErrorBody(text)) {
				failures.push(`${index} ${request.path} → ${response.status} ${text.slice(0, 120)}`);
			}
			if (/at .*\.(ts|js):\d+/.test(text)) failures.push(`${index}: stack trace in the answer`);
		}
		expect(failures).toEqual([]);
		expect(await countRows()).toEqual(before);
		// The generator must really exercise every refusal path, not one.
		expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 413, 415]));
	});
});

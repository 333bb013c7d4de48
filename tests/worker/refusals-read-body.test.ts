import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiErrorBody } from '../support/error-body';

/** A streamed body (no Content-Length) of `chunks` chunks of `chunkBytes` that records how many the Worker read. */
function trackedBody(chunks: number, chunkBytes: number) {
	const tracked = { pulled: 0, done: false };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (tracked.pulled === chunks) {
				tracked.done = true;
				controller.close();
				return;
			}
			tracked.pulled += 1;
			controller.enqueue(new Uint8Array(chunkBytes).fill(0x78));
		},
	});
	return { stream, tracked };
}

/** Sends `size` kilobytes, or 64 chunks of 16 KiB for a body over the API's limit. */
async function post(path: string, headers: Record<string, string>, size: number | 'oversized') {
	const { stream, tracked } = size === 'oversized' ? trackedBody(64, 16 * 1024) : trackedBody(size, 1000);
	const response = await exports.default.fetch(new Request(`https://help.alderandpine.example${path}`, { method: 'POST', headers, body: stream }));
	return { status: response.status, body: apiErrorBody(await response.text()), tracked };
}

// A refusal sent while the client is still sending breaks the connection (wrangler dev answers a plain-text 500 of
// its own): every refusal reads the body to its end first.
describe('refusals of the API', () => {
	it('read an oversized body to its end before answering 413', async () => {
		const answer = await post('/api/tickets', { 'Content-Type': 'application/json' }, 'oversized');
		expect(answer.status).toBe(413);
		expect(answer.body?.error.code).toBe('payload_too_large');
		expect(answer.tracked).toEqual({ pulled: 64, done: true });
	});

	it('read a body of the wrong type to its end before answering 415', async () => {
		const answer = await post('/api/orders/lookup', { 'Content-Type': 'text/plain' }, 16);
		expect(answer.status).toBe(415);
		expect(answer.body?.error.code).toBe('unsupported_media_type');
		expect(answer.tracked).toEqual({ pulled: 16, done: true });
	});

	it('read the body of a call from another site, or to no endpoint, before refusing it', async () => {
		const foreign = await post('/api/tickets', { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, 16);
		expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'origin_not_allowed' } }, tracked: { pulled: 16, done: true } });
		const nowhere = await post('/api/nowhere', { 'Content-Type': 'application/json' }, 16);
		expect(nowhere).toMatchObject({ status: 404, body: { error: { code: 'not_found' } }, tracked: { pulled: 16, done: true } });
	});
});

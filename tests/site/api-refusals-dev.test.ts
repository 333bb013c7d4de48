import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '../../scripts/lib/worker-server';
import { apiErrorBody } from '../support/error-body';

/**
 * The built Worker under `wrangler dev`, which turned refusals sent before the body was read into plain-text
 * 500s ("Network connection lost", with local file paths) and reset connections once bodies were large and
 * requests many: each of 300 malformed requests must get our JSON answer with the code it deserves.
 */
let worker: RunningWorker;
beforeAll(async () => {
	worker = await startWorker({ vars: { RATE_LIMIT_SCALE: '1000000' } });
});
afterAll(() => worker?.stop());

const maxBodyBytes = 16 * 1024;
const sizes = [2_000, 15_000, 20_000, 70_000, 300_000, 1_000_000, 3_000_000];
const types = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];
const paths = ['/api/orders/lookup', '/api/tickets', '/api/events', '/api/orders/1001/address'];

interface Malformed {
	path: string;
	type: string;
	size: number;
	/** Sent as a stream (no Content-Length, chunked) rather than with its length. */
	streamed: boolean;
	expected: string;
}

/** Request `index`: too large, of the wrong type, or JSON that is not JSON, each sent whole or streamed. */
function malformed(index: number): Malformed {
	const size = sizes[index % sizes.length]!;
	const type = types[Math.floor(index / sizes.length) % types.length]!;
	const oversized = size > maxBodyBytes;
	// Bodies the API can read and must parse go to the lookup, which parses before anything else.
	const path = oversized || type !== 'application/json' ? paths[index % paths.length]! : paths[0]!;
	const expected = oversized ? 'payload_too_large' : type === 'application/json' ? 'malformed_json' : 'unsupported_media_type';
	return { path, type, size, streamed: index % 2 === 1, expected };
}

async function send(request: Malformed): Promise<string> {
	const bytes = new TextEncoder().encode(`{"orderNumber": "${'9'.repeat(request.size)}`).subarray(0, request.size);
	const body = request.streamed
		? new ReadableStream<Uint8Array>({
				start(controller) {
					for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
					controller.close();
				},
			})
		: bytes;
	try {
		const response = await fetch(`${worker.url}${request.path}`, {
			method: 'POST',
			headers: { 'Content-Type': request.type, 'Idempotency-Key': crypto.randomUUID() },
			body,
			duplex: 'half',
		} as RequestInit);
		const text = await response.text();
		const answer = apiErrorBody(text);
		return answer ? `${response.status} ${answer.error.code}` : `${response.status} not ours: ${text.slice(0, 80)}`;
	} catch (error) {
		return `no answer: ${String((error as Error).cause ?? error)}`;
	}
}

describe('refusals under wrangler dev', () => {
	it('answers 300 malformed requests with large bodies, ten at a time, each with our JSON and its own code', { timeout: 120_000 }, async () => {
		const statuses: Record<string, number> = { payload_too_large: 413, unsupported_media_type: 415, malformed_json: 400 };
		const wrong: string[] = [];
		for (let start = 0; start < 300; start += 10) {
			await Promise.all(
				Array.from({ length: 10 }, async (_, offset) => {
					const request = malformed(start + offset);
					const answer = await send(request);
					if (answer !== `${statuses[request.expected]} ${request.expected}`)
						wrong.push(`${start + offset} ${request.path} ${request.type} ${request.size} B${request.streamed ? ' streamed' : ''} → ${answer}`);
				}),
			);
		}
		expect(wrong).toEqual([]);
	});
});

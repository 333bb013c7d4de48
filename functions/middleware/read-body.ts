import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';

/**
 * Reads the whole request body before any other middleware may refuse the request, and refuses bodies over
 * `maxBytes` with 413 once it has read them to the end. A server that answers while the client is still sending
 * breaks the connection: `wrangler dev` then turns our 413 or 415 into a plain-text 500 "Network connection
 * lost" (with local file paths), and clients see resets. So nothing is refused unread, whatever Content-Length
 * claims; the platform's own request size limit bounds what this reads. What is kept (at most `maxBytes`) becomes
 * the body the routes parse.
 */
export const readBody = (maxBytes: number): MiddlewareHandler =>
	async function readBody(c, next) {
		const body = c.req.raw.body;
		if (body) {
			const kept = await readUpTo(body, maxBytes);
			if (!kept) throw new ApiError(413, 'payload_too_large', 'The request is too large.');
			c.req.raw = new Request(c.req.raw, { body: kept });
		}
		await next();
	};

/** Reads `stream` to its end; answers its bytes, or undefined when there were more than `maxBytes`. */
async function readUpTo(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
	const reader = stream.getReader();
	let chunks: Uint8Array[] | undefined = [];
	let size = 0;
	for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
		size += chunk.value.byteLength;
		// Past the limit, the rest is read only to be dropped.
		if (size > maxBytes) chunks = undefined;
		chunks?.push(chunk.value);
	}
	if (!chunks) return undefined;
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

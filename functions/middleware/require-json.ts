import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';

/**
 * Refuses bodies that are not JSON with 415. Besides keeping parsing simple, this is the CSRF defence: a
 * cross-site page cannot send `application/json` without a CORS preflight, which our allow-list refuses.
 */
export const requireJson = (): MiddlewareHandler =>
	async function requireJson(c, next) {
		if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
			const type = c.req.header('Content-Type') ?? '';
			if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type.trim())) {
				throw new ApiError(415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).');
			}
		}
		await next();
	};

import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

/**
 * Parses the JSON body with `schema`. Errors name the fields and what is wrong with them, but never echo what
 * was sent (it may be personal data or an attack string).
 */
export async function readJson<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
	let data: unknown;
	try {
		data = JSON.parse(await c.req.text());
	} catch {
		throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		const fields = result.error.issues.slice(0, 20).map((issue) => ({
			path: issue.path.map(String).join('.') || '(body)',
			problem:
				issue.code === 'unrecognized_keys'
					? `unknown field: ${issue.keys.slice(0, 5).join(', ').slice(0, 100)}`
					: /^[a-z_]{3,40}$/.test(issue.message)
						? issue.message
						: issue.code,
		}));
		throw new ApiError(400, 'invalid_request', 'Some fields are missing or not valid.', { fields });
	}
	return result.data;
}

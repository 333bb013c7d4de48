import { z } from 'zod';

/** Stable error codes; clients and tests rely on them, so never rename one. */
export const errorCodeSchema = z.enum([
	'invalid_request',
	'malformed_json',
	'unsupported_media_type',
	'payload_too_large',
	'not_found',
	'method_not_allowed',
	'origin_not_allowed',
	'order_not_found',
	'rate_limited',
	'invalid_token',
	'verification_required',
	'code_invalid',
	'code_expired',
	'code_locked',
	'action_unavailable',
	'idempotency_key_required',
	'idempotency_key_reused',
	'request_in_progress',
	'turnstile_failed',
	'shop_unavailable',
	'mail_unavailable',
	'internal_error',
	'shop_refused',
	'cms_auth_not_configured',
	'cms_auth_state_invalid',
	'cms_auth_refused',
	'cms_auth_unavailable',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
	error: z.object({
		code: errorCodeSchema,
		message: z.string(),
		/** Which fields were wrong and why (a zod issue code), never the values sent. */
		fields: z.array(z.object({ path: z.string(), problem: z.string() })).optional(),
		/** Machine-readable extras, for example a reason code and its numbers. */
		details: z.record(z.string(), z.unknown()).optional(),
	}),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The JSON body of every API error: a stable code and a message safe to show, never a stack trace. */
export function errorBody(code: ErrorCode, message: string, extra: Omit<ErrorBody['error'], 'code' | 'message'> = {}): ErrorBody {
	return { error: { code, message, ...extra } };
}

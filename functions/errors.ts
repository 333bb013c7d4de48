import { z } from 'zod';

/** Stable error codes; clients and tests rely on them, so never rename one. */
export const errorCodeSchema = z.enum(['not_found', 'method_not_allowed', 'internal_error']);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: errorCodeSchema, message: z.string() }) });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The JSON body of every API error: a stable code and a message safe to show, never a stack trace. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
	return { error: { code, message } };
}

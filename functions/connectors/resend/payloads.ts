import { z } from 'zod';

/** `POST /emails` answers `{ "id": "49a3999c-…" }` (also when replaying a known Idempotency-Key). */
export const sentEmailSchema = z.object({ id: z.string().min(1).max(200) });

/** Error answers: `{ "statusCode": 422, "name": "validation_error", "message": "…" }`; only `name` is ever read. */
export const resendErrorSchema = z.object({ name: z.string().regex(/^[a-z_]{1,64}$/) });

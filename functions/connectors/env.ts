import { z } from 'zod';

/** An optional Worker variable or secret: trimmed, and an empty value counts as unset (`wrangler` writes `""`). */
export const optionalEnv = z
	.string()
	.trim()
	.optional()
	.transform((value) => (value === '' ? undefined : value));

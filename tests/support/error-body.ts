import { type ErrorBody, errorBodySchema } from '../../functions/contract/errors';

/** The API's error answer `text` holds, or undefined when it is anything else (not JSON, or not ours). */
export function apiErrorBody(text: string): ErrorBody | undefined {
	try {
		return errorBodySchema.safeParse(JSON.parse(text)).data;
	} catch {
		return undefined;
	}
}

import { z } from 'zod';
import type { ApiConfig } from '../config';
import { ApiError } from '../errors';

const siteverifySchema = z.object({
	success: z.boolean(),
	'error-codes': z.array(z.string()).default([]),
	hostname: z.string().optional(),
	action: z.string().optional(),
});

/**
 * Checks a Turnstile token when the site has Turnstile enabled (TURNSTILE_SECRET set); otherwise does nothing.
 * Fails closed: a timeout or an unreadable answer refuses the request.
 */
export async function verifyTurnstile(
	config: ApiConfig,
	token: string | undefined,
	clientIp: string,
	expected: { hostname: string; action: string },
	fetchFn: typeof fetch = fetch,
): Promise<void> {
	if (!config.TURNSTILE_SECRET) return;
	const refuse = () => new ApiError(403, 'turnstile_failed', 'We could not check that you are not a robot. Reload the page and try again.');
	if (!token) throw refuse();
	try {
		const response = await fetchFn(config.TURNSTILE_VERIFY_URL, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ secret: config.TURNSTILE_SECRET, response: token, remoteip: clientIp }),
			signal: AbortSignal.timeout(4000),
		});
		const result = siteverifySchema.parse(await response.json());
		const hostnameMatches = !result.hostname || result.hostname === expected.hostname;
		const actionMatches = !result.action || result.action === expected.action;
		if (!result.success || !hostnameMatches || !actionMatches) throw refuse();
	} catch {
		throw refuse();
	}
}

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { locales } from '../../src/config/site';
import { eventSchema, maxEventBytes } from '../contract/events';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { readJson } from '../middleware/read-json';
import { enforceRateLimits } from '../services/rate-limit';
import { eventLimits } from '../services/rate-limit-rules';
import { recordEvent } from '../services/events';

/**
 * What shoppers search for, open and find helpful, from the search box, the suggestion lists and the articles'
 * "Was this helpful?", sent with `navigator.sendBeacon`. Stored with the day only: no time, no address, no
 * identifier.
 */
export const events = new Hono<AppEnv>().post(
	'/',
	bodyLimit({
		maxSize: maxEventBytes,
		onError: () => {
			throw new ApiError(413, 'payload_too_large', 'The event is too large.');
		},
	}),
	async (c) => {
		const event = await readJson(c, eventSchema);
		if (!locales.includes(event.locale)) {
			throw new ApiError(400, 'invalid_request', 'Some fields are missing or not valid.', { fields: [{ path: 'locale', problem: 'unknown_locale' }] });
		}
		await enforceRateLimits(c.env.DB, eventLimits(c.var.clientIp), c.var.config.RATE_LIMIT_SCALE);
		await recordEvent(c.env.DB, event);
		return c.body(null, 204);
	},
);

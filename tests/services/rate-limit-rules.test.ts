import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../functions/errors';
import { withFailureBudget } from '../../functions/services/rate-limit';
import { codeCheckLimits, lookupLimits } from '../../functions/services/rate-limit-rules';

/** 10:00:30 UTC on a day no other test uses. */
const now = Date.UTC(2031, 5, 1, 10, 0, 30);
const wrong = new ApiError(404, 'order_not_found', 'No.');
const isWrong = (error: unknown) => error === wrong;

/** One lookup of `order` with `email` from `ip`, against the lookup's failure budgets: what it answers. */
async function lookUp(ip: string, order: string, email: string, right: boolean): Promise<string> {
	try {
		return await withFailureBudget(env.DB, lookupLimits(ip, order, email).failures, async () => {
			if (!right) throw wrong;
			return 'found';
		}, isWrong, 1, now);
	} catch (error) {
		return error instanceof ApiError ? error.code : String(error);
	}
}

/** An order number no other test uses. */
const newOrder = () => `#${Math.floor(Math.random() * 1e11)}`;

describe('lookupLimits', () => {
	it('does not let strangers lock the owner out: ten wrong guesses from elsewhere leave the right pair working', async () => {
		const order = newOrder();
		for (let index = 0; index < 10; index++) expect(await lookUp(`192.0.2.${index}`, order, `guess-${index}`, false)).toBe('order_not_found');
		// Even ten from one network only lock that network out (of this order).
		for (let index = 0; index < 10; index++) await lookUp('198.51.100.7', order, `guess-${index}`, false);
		expect(await lookUp('198.51.100.7', order, 'owner', true)).toBe('rate_limited');
		expect(await lookUp('203.0.113.1', order, 'owner', true)).toBe('found');
	});

	it('bounds guessing: 5 wrong per order and per e-mail from one network, 20 from one network, 50 per order from everyone', async () => {
		const order = newOrder();
		const answers = [];
		for (let index = 0; index < 6; index++) answers.push(await lookUp('198.51.100.8', order, `guess-${index}`, false));
		expect(answers).toEqual([...Array(5).fill('order_not_found'), 'rate_limited']);
		const email = `target-${crypto.randomUUID()}`;
		for (let index = 0; index < 5; index++) await lookUp('198.51.100.9', newOrder(), email, false);
		expect(await lookUp('198.51.100.9', newOrder(), email, false)).toBe('rate_limited');
		const walker = '198.51.100.10';
		for (let index = 0; index < 20; index++) await lookUp(walker, newOrder(), `guess-${index}`, false);
		expect(await lookUp(walker, newOrder(), 'anyone', false)).toBe('rate_limited');
		// A distributed attack: 50 networks, one wrong guess each, lock the order for everyone until the hour ends.
		const target = newOrder();
		for (let index = 0; index < 50; index++) expect(await lookUp(`10.1.${index}.1`, target, `guess-${index}`, false)).toBe('order_not_found');
		expect(await lookUp('10.2.0.1', target, 'guess-51', false)).toBe('rate_limited');
		expect(await lookUp('10.2.0.2', target, 'owner', true)).toBe('rate_limited');
	});

	it('counts IPv6 clients by their /64', async () => {
		const order = newOrder();
		for (let index = 0; index < 5; index++) await lookUp(`2001:db8:1:2::${index + 1}`, order, `guess-${index}`, false);
		expect(await lookUp('2001:db8:1:2:ffff::1', order, 'guess-6', false)).toBe('rate_limited');
		expect(await lookUp('2001:db8:1:3::1', order, 'guess-6', false)).toBe('order_not_found');
	});
});

describe('codeCheckLimits', () => {
	it('allows 5 wrong codes per order an hour in all, from anywhere', async () => {
		const order = `gid://demo/Order/${crypto.randomUUID()}`;
		const check = (ip: string) =>
			withFailureBudget(env.DB, codeCheckLimits(ip, order).failures, async () => {
				throw wrong;
			}, isWrong, 1, now).catch((error: ApiError) => error.code);
		for (let index = 0; index < 5; index++) expect(await check(`192.0.2.${index}`)).toBe('order_not_found');
		expect(await check('192.0.2.99')).toBe('rate_limited');
	});
});

import { clientNetwork, isLoopback } from './rate-limit-keys';
import type { RateLimitRule } from './rate-limit';

const hour = 3600;

/**
 * Lookups (threats S1 and S3). A lookup is a guess at an order number and e-mail pair, and answering a correct
 * pair differently from a wrong one is the whole point, so no rule may let a pair through *because* it is
 * right: that would turn the lockout into an oracle. What tells the owner from a stranger is where they ask
 * from. So only wrong guesses are counted (a correct pair never uses a failure up), and mostly per client:
 *
 * - 5 wrong guesses per order number, and 5 per e-mail address, from one client network an hour: S3's per-order
 *   limit, without letting one stranger lock the owner out (the owner asks from another network);
 * - 20 wrong guesses from one client network an hour, whatever the order (S3's per-IP limit; walking order numbers);
 * - 50 wrong guesses per order number, and per e-mail address, from everyone an hour: the bound on a distributed
 *   attack. Reaching it locks everyone out of that order for the rest of the hour, the owner too, but it takes ten
 *   networks each solving Turnstile ten times an hour, where it took one script sending ten requests before;
 * - 30 lookups from one client network an hour, right or wrong (the shop's API budget).
 *
 * Order numbers and e-mails are counted whether or not such an order exists, so a lockout tells nothing either.
 */
export function lookupLimits(ip: string, orderNumber: string, emailKey: string): { attempts: RateLimitRule[]; failures: RateLimitRule[] } {
	const client = clientNetwork(ip);
	return {
		attempts: [{ bucket: `lookup:ip:${client}`, limit: 30, windowSeconds: hour }],
		failures: [
			{ bucket: `lookup-failed:ip:${client}`, limit: 20, windowSeconds: hour },
			{ bucket: `lookup-failed:order:${orderNumber}:ip:${client}`, limit: 5, windowSeconds: hour },
			{ bucket: `lookup-failed:email:${emailKey}:ip:${client}`, limit: 5, windowSeconds: hour },
			{ bucket: `lookup-failed:order:${orderNumber}`, limit: 50, windowSeconds: hour },
			{ bucket: `lookup-failed:email:${emailKey}`, limit: 50, windowSeconds: hour },
		],
	};
}

/**
 * Sending a code: at most 3 e-mails per order every 15 minutes (the owner's mailbox is not a spam target), 10
 * per client an hour. Only someone who knows the order's e-mail (a lookup token) can get this far.
 */
export function codeSendLimits(ip: string, orderId: string): RateLimitRule[] {
	return [
		{ bucket: `code:ip:${clientNetwork(ip)}`, limit: 10, windowSeconds: hour },
		{ bucket: `code:order:${orderId}`, limit: 3, windowSeconds: 15 * 60 },
	];
}

/**
 * Checking a code (S3): each code allows 5 tries (verification-codes.ts), and the order 5 wrong codes an hour
 * across all its codes, so asking for new codes does not buy more guesses (it did: 12 codes × 5 tries an hour).
 * Whoever can make these guesses already passed the lookup with the order's e-mail; a wrong code cannot be told
 * from the owner's typo, so this lock is per order, and the right code is refused once it is reached.
 */
export function codeCheckLimits(ip: string, orderId: string): { attempts: RateLimitRule[]; failures: RateLimitRule[] } {
	return {
		attempts: [{ bucket: `verify:ip:${clientNetwork(ip)}`, limit: 30, windowSeconds: hour }],
		failures: [{ bucket: `code-failed:order:${orderId}`, limit: 5, windowSeconds: hour }],
	};
}

/**
 * A return or an address change. Per client before the token is checked, so requests without a valid token are
 * refused after a few and write nothing but this counter (keyed by the network, never by the order id in the URL);
 * per order once the token proved who asks, which only the order's owner can use up.
 */
export function orderChangeLimits(change: 'returns' | 'address') {
	return {
		client: (ip: string): RateLimitRule[] => [{ bucket: `${change}:ip:${clientNetwork(ip)}`, limit: 20, windowSeconds: hour }],
		order: (orderId: string): RateLimitRule[] => [{ bucket: `${change}:order:${orderId}`, limit: 10, windowSeconds: hour }],
	};
}

/** Contact tickets (S5): 20 per client network and 10 per sender address an hour. */
export function ticketLimits(ip: string, emailKey: string): RateLimitRule[] {
	return [
		{ bucket: `ticket:ip:${clientNetwork(ip)}`, limit: 20, windowSeconds: hour },
		{ bucket: `ticket:email:${emailKey}`, limit: 10, windowSeconds: hour },
	];
}

/** Events (searches, clicks, votes): generous for people, tight for scripts filling the tables: 120 per client network in 10 minutes. */
export function eventLimits(ip: string): RateLimitRule[] {
	return [{ bucket: `events:ip:${clientNetwork(ip)}`, limit: 120, windowSeconds: 600 }];
}

/** The editors' GitHub sign-in (/api/cms/auth and its callback): a sign-in takes two requests; 20 per client network in 10 minutes. */
export function cmsAuthLimits(ip: string): RateLimitRule[] {
	return [{ bucket: `cms-auth:ip:${clientNetwork(ip)}`, limit: 20, windowSeconds: 600 }];
}

/**
 * Questions to the answer engine: plenty for a shopper asking again in other words, few for a script: 60 per client
 * network in 10 minutes. None from the machine itself (`npm start`, a question set run against the local demo): the
 * answers are public, and the limit is there to keep the internet from spending the deployment's model budget.
 */
export function answerLimits(ip: string): RateLimitRule[] {
	if (isLoopback(ip)) return [];
	return [{ bucket: `answer:ip:${clientNetwork(ip)}`, limit: 60, windowSeconds: 600 }];
}

/**
 * The MCP endpoint (`/mcp`): every JSON-RPC message an AI agent sends, whatever it asks, 120 per client network in
 * 10 minutes. An agent helping one shopper sends a handful per question (a search, an article, an answer); a script
 * copying the help center through it is slowed to a crawl, and every file it could read is public anyway.
 */
export function mcpLimits(ip: string): RateLimitRule[] {
	// As for answers: an agent run against the local demo is the developer's own.
	if (isLoopback(ip)) return [];
	return [{ bucket: `mcp:ip:${clientNetwork(ip)}`, limit: 120, windowSeconds: 600 }];
}

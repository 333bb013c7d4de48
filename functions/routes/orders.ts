import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { site } from '../../src/config/site';
import { translate } from '../../src/i18n/translate';
import type { AppEnv } from '../context';
import type { Order } from '../domain/order';
import type { ErrorCode } from '../contract/errors';
import { ApiError } from '../errors';
import { ConnectorError } from '../connectors/errors';
import { readJson } from '../middleware/read-json';
import { addressChangeRequestSchema, lookupRequestSchema, returnRequestSchema, sendCodeRequestSchema, verifyCodeRequestSchema } from '../contract/requests';
import { timingSafeEqualText } from '../services/crypto';
import { addressChangeAvailability, returnableItems, returnAvailability, type ActionReason } from '../services/eligibility';
import { readIdempotencyKey, runIdempotent, type IdempotencyClaim } from '../services/idempotency';
import { issueVerificationCode, checkVerificationCode, maskEmail } from '../services/verification-codes';
import { emailDigest, issueOrderToken, normalizeEmail, tokenHolder, verifyOrderToken, type TokenPurpose } from '../services/order-tokens';
import { recordOutcome } from '../services/events';
import { summarizeOrder } from '../services/order-summary';
import { enforceRateLimits, withFailureBudget } from '../services/rate-limit';
import { codeCheckLimits, codeSendLimits, lookupLimits, orderChangeLimits } from '../services/rate-limit-rules';
import { getDataKey, getSigningKey } from '../services/signing-key';
import { verifyTurnstile } from '../services/turnstile';
import { submitReturn } from '../services/submit-return';
import type { SubmissionDeps } from '../services/submissions';
import { submitAddressChange } from '../services/submit-address-change';
import { hashForKey } from '../services/rate-limit-keys';
import { publicOrderId } from '../services/public-order-id';

const notFound = () =>
	new ApiError(404, 'order_not_found', 'We could not find an order with this number and e-mail address. Check both and try again.');

/** Why this change cannot be made to this order, in the shopper's language, with the reason's own numbers. */
function actionUnavailable(refusal: ActionReason, locale: string): ApiError {
	return new ApiError(409, 'action_unavailable', translate(locale, `api.reason.${refusal.code}`, { ...refusal }), { details: { ...refusal } });
}

/**
 * Reads the bearer token, checks it and loads the order it names; every refusal looks the same. Answers the
 * token's id and its holder (who the idempotency ledger keeps an answer for).
 */
async function authorizedOrder(c: Context<AppEnv>, purpose: TokenPurpose, token: string | undefined, orderId?: string): Promise<{ order: Order; tokenId: string; holder: string }> {
	if (!token) throw new ApiError(401, 'invalid_token', 'This link has expired or is not valid. Look up your order again.');
	const key = await getSigningKey(c.var.config, c.env.DB);
	const claims = await verifyOrderToken(key, token, purpose);
	if (orderId !== undefined && publicOrderId(claims.o) !== orderId) throw new ApiError(401, 'invalid_token', 'This link has expired or is not valid. Look up your order again.');
	const order = await c.var.connectors.shop.getOrder(claims.o);
	// The token dies with the order's e-mail: if it changed since, the old mailbox owner loses access.
	if (!order?.email || (await emailDigest(order.email)) !== claims.e) {
		throw new ApiError(401, 'invalid_token', 'This link has expired or is not valid. Look up your order again.');
	}
	return { order, tokenId: claims.j, holder: await tokenHolder(claims) };
}

/** What the submission services need, picked off the request's context. */
async function submissionDeps(c: Context<AppEnv>): Promise<SubmissionDeps> {
	return { db: c.env.DB, dataKey: await getDataKey(c.var.config, c.env.DB), queue: c.env.FORWARD_QUEUE, shop: c.var.connectors.shop };
}

function bearer(c: Context<AppEnv>): string | undefined {
	return /^Bearer ([A-Za-z0-9_.-]{20,1024})$/.exec(c.req.header('Authorization') ?? '')?.[1];
}

// Matches the ApiError that is a wrong guess, the only answer a failure budget charges.
function isCode(code: ErrorCode): (error: unknown) => boolean {
	return (error) => error instanceof ApiError && error.code === code;
}

// Everything a change of an order checks before it may touch the idempotency ledger, in this order: the key and
// the body are well formed, the client is within its limit, the change token is valid for the order in the URL,
// the order is within its limit. The ledger entry is then bound to the token's holder.
async function authorizedChange<Schema extends z.ZodType>(c: Context<AppEnv>, change: 'returns' | 'address', schema: Schema) {
	const key = readIdempotencyKey(c.req.header('Idempotency-Key'), true);
	const body = await readJson(c, schema);
	const orderId = c.req.param('orderId') ?? '';
	const limits = orderChangeLimits(change);
	const scale = c.var.config.RATE_LIMIT_SCALE;
	await enforceRateLimits(c.env.DB, limits.client(c.var.clientIp), scale);
	const { order, tokenId, holder } = await authorizedOrder(c, 'change', bearer(c), orderId);
	await enforceRateLimits(c.env.DB, limits.order(order.id), scale);
	const claim: IdempotencyClaim = { scope: `${change}:${orderId}`, key, requester: holder };
	return { order, tokenId, body, claim };
}

/** The sizes and colours the shop lists for exchanges; none when it cannot say now (the page then asks in words). */
async function exchangeOptions(c: Context<AppEnv>, order: Order) {
	try {
		return await c.var.connectors.shop.exchangeOptions(order);
	} catch (error) {
		console.error(`exchange options unavailable: ${error instanceof ConnectorError ? error.message : 'unexpected error'}`);
		return {};
	}
}

const policies = site.policies;
const hostname = new URL(site.siteUrl).hostname;

/** Order self-service: lookup, e-mailed code, returns and address changes. */
export const orders = new Hono<AppEnv>()
	.post('/lookup', async (c) => {
		const body = await readJson(c, lookupRequestSchema);
		await verifyTurnstile(c.var.config, body.turnstileToken, c.var.clientIp, { hostname, action: 'lookup' });
		const emailKey = await hashForKey(c.var.config, normalizeEmail(body.email));
		const limits = lookupLimits(c.var.clientIp, body.orderNumber, emailKey);
		const scale = c.var.config.RATE_LIMIT_SCALE;
		await enforceRateLimits(c.env.DB, limits.attempts, scale);
		const order = await withFailureBudget(c.env.DB, limits.failures, async () => {
			const found = await c.var.connectors.shop.findOrderByName(body.orderNumber);
			// Compare even when there is no order, so both refusals take the same time and give the same answer.
			const matches = await timingSafeEqualText(normalizeEmail(found?.email ?? '\u0000'), normalizeEmail(body.email));
			if (!found?.email || !matches) throw notFound();
			return found;
		}, isCode('order_not_found'), scale);
		const now = Date.now();
		const key = await getSigningKey(c.var.config, c.env.DB);
		await recordOutcome(c.env.DB, 'tracking', body.locale, now);
		return c.json({
			order: summarizeOrder(order, policies, now, body.locale),
			token: await issueOrderToken(key, order.id, order.email ?? '', 'view', now),
		});
	})
	.post('/verify/code', async (c) => {
		const body = await readJson(c, sendCodeRequestSchema);
		await verifyTurnstile(c.var.config, body.turnstileToken, c.var.clientIp, { hostname, action: 'verify' });
		const { order } = await authorizedOrder(c, 'view', body.token);
		await enforceRateLimits(c.env.DB, codeSendLimits(c.var.clientIp, order.id), c.var.config.RATE_LIMIT_SCALE);
		const key = await getSigningKey(c.var.config, c.env.DB);
		const { expiresAt } = await issueVerificationCode(c.env.DB, key, c.var.connectors.mailer, order, body.locale);
		return c.json({ status: 'code_sent', sentTo: maskEmail(order.email ?? ''), expiresAt }, 202);
	})
	.post('/verify', async (c) => {
		const body = await readJson(c, verifyCodeRequestSchema);
		const { order } = await authorizedOrder(c, 'view', body.token);
		const limits = codeCheckLimits(c.var.clientIp, order.id);
		const scale = c.var.config.RATE_LIMIT_SCALE;
		await enforceRateLimits(c.env.DB, limits.attempts, scale);
		const key = await getSigningKey(c.var.config, c.env.DB);
		await withFailureBudget(c.env.DB, limits.failures, () => checkVerificationCode(c.env.DB, key, order.id, body.code), isCode('code_invalid'), scale);
		// The shopper has proved the mailbox is theirs: the full address can now be shown, to be corrected.
		const token = await issueOrderToken(key, order.id, order.email ?? '', 'change');
		if (body.purpose !== 'return') return c.json({ token, shippingAddress: order.shippingAddress });
		return c.json({ token, shippingAddress: order.shippingAddress, exchangeOptions: await exchangeOptions(c, order) });
	})
	.post('/:orderId/returns', async (c) => {
		const { order, tokenId, body, claim } = await authorizedChange(c, 'returns', returnRequestSchema);
		const response = await runIdempotent(c.env.DB, claim, body, async () => {
			const now = Date.now();
			const refusal = returnAvailability(order, policies, now);
			if (refusal) throw actionUnavailable(refusal, body.locale);
			const eligible = returnableItems(order, policies, now);
			const result = await submitReturn(await submissionDeps(c), order, eligible, body, tokenId);
			await recordOutcome(c.env.DB, 'return', body.locale, now);
			return { status: 201, body: result };
		});
		return c.json(response.body as object, response.status as 201);
	})
	.post('/:orderId/address', async (c) => {
		const { order, tokenId, body, claim } = await authorizedChange(c, 'address', addressChangeRequestSchema);
		const response = await runIdempotent(c.env.DB, claim, body, async () => {
			const refusal = addressChangeAvailability(order, policies, Date.now());
			if (refusal) throw actionUnavailable(refusal, body.locale);
			const result = await submitAddressChange(await submissionDeps(c), order, body, tokenId);
			await recordOutcome(c.env.DB, 'address_change', body.locale);
			return { status: 200, body: result };
		});
		return c.json(response.body as object, response.status as 200);
	});

import { describe, expect, it } from 'vitest';
import { fromBase64Url, importHmacKey, toBase64Url } from '../../functions/services/crypto';
import { emailDigest, issueOrderToken, normalizeEmail, verifyOrderToken } from '../../functions/services/order-tokens';
import { thrown } from './support';

const key = () => importHmacKey('a signing key of at least thirty-two characters');
const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const orderId = 'gid://demo/Order/1005';

describe('issueOrderToken and verifyOrderToken', () => {
	it('bind the order, its e-mail and the purpose, with a 30-minute view token and a 15-minute change token', async () => {
		const view = await issueOrderToken(await key(), orderId, 'Lea.Moreau@Example.com ', 'view', now);
		expect(view).toMatchObject({ purpose: 'view', expiresAt: new Date(now + 30 * 60_000).toISOString() });
		const claims = await verifyOrderToken(await key(), view.value, 'view', now);
		expect(claims).toMatchObject({ v: 1, o: orderId, p: 'view', e: await emailDigest('lea.moreau@example.com') });
		const change = await issueOrderToken(await key(), orderId, 'lea.moreau@example.com', 'change', now);
		expect(change.expiresAt).toBe(new Date(now + 15 * 60_000).toISOString());
		// Every token has its own id: one change per token is counted by it.
		expect((await verifyOrderToken(await key(), change.value, 'change', now)).j).not.toBe(claims.j);
	});

	it('refuse an expired token, another key’s, an altered one and garbage alike, with 401 invalid_token', async () => {
		const { value } = await issueOrderToken(await key(), orderId, 'lea.moreau@example.com', 'view', now);
		const [payload = '', signature = ''] = value.split('.');
		const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
		const forged = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, o: 'gid://demo/Order/1001' })));
		const otherKey = await importHmacKey('another signing key, also thirty-two characters long');
		for (const [token, checkedWith, at] of [
			[value, await key(), now + 30 * 60_000],
			[value, otherKey, now],
			[`${forged}.${signature}`, await key(), now],
			[`${value}.extra`, await key(), now],
			['not-a-token-at-all-really', await key(), now],
		] as const) {
			expect(await thrown(() => verifyOrderToken(checkedWith, token, 'view', at))).toMatchObject({ status: 401, code: 'invalid_token' });
		}
	});

	it('let a change token view the order, but ask a view token to verify the mailbox before changing it', async () => {
		const change = await issueOrderToken(await key(), orderId, 'lea.moreau@example.com', 'change', now);
		await expect(verifyOrderToken(await key(), change.value, 'view', now)).resolves.toMatchObject({ p: 'change' });
		const view = await issueOrderToken(await key(), orderId, 'lea.moreau@example.com', 'view', now);
		expect(await thrown(async () => verifyOrderToken(await key(), view.value, 'change', now))).toMatchObject({ status: 403, code: 'verification_required' });
	});
});

describe('normalizeEmail and emailDigest', () => {
	it('compare addresses trimmed, lowercased and in NFC, keeping dots and +tags', async () => {
		expect(normalizeEmail('  Ame\u0301lie@Example.COM ')).toBe('am\u00e9lie@example.com');
		expect(normalizeEmail('jane.doe+shop@example.com')).toBe('jane.doe+shop@example.com');
		expect(await emailDigest('JANE@example.com')).toBe(await emailDigest('jane@example.com'));
		expect(await emailDigest('jane.doe@example.com')).not.toBe(await emailDigest('janedoe@example.com'));
		expect(await emailDigest('jane@example.com')).toMatch(/^[0-9a-f]{64}$/);
	});
});

import { describe, expect, it } from 'vitest';
import { publicOrderId } from '../../functions/services/public-order-id';

describe('publicOrderId', () => {
	it('keeps the last segment of a global id, so paths carry no slashes', () => {
		expect(publicOrderId('gid://shopify/Order/5123456789')).toBe('5123456789');
		expect(publicOrderId('gid://demo/Order/1005')).toBe('1005');
		expect(publicOrderId('1005')).toBe('1005');
	});
});

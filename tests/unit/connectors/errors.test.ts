import { describe, expect, it } from 'vitest';
import { ConnectorError, permanentFailure, retryAfterSeconds, temporaryFailure } from '../../../functions/connectors/errors';
import { shopFailure } from '../../../functions/errors';

describe('ConnectorError', () => {
	it('is retryable when the vendor was unavailable, and only then', () => {
		const unavailable = new ConnectorError('Shopify is unavailable: server error', { vendor: 'Shopify', kind: 'unavailable', status: 502 });
		expect(unavailable).toMatchObject({ vendor: 'Shopify', kind: 'unavailable', retryable: true, status: 502, retryAfterSeconds: undefined });
		const refused = new ConnectorError('invalid ticket', { vendor: 'Zendesk', kind: 'refused', status: 422 });
		expect(refused).toMatchObject({ vendor: 'Zendesk', kind: 'refused', retryable: false, status: 422 });
		expect(refused.name).toBe('ConnectorError');
	});

	it('temporaryFailure: unavailable, with the detail, the wait and the status', () => {
		const error = temporaryFailure({ vendor: 'Gorgias', detail: 'rate limited', retryAfterSeconds: 20, status: 429 });
		expect(error.message).toBe('Gorgias is unavailable: rate limited');
		expect(error).toMatchObject({ vendor: 'Gorgias', kind: 'unavailable', retryable: true, retryAfterSeconds: 20, status: 429 });
	});

	it('permanentFailure: refused, naming the vendor and the status only', () => {
		const error = permanentFailure({ vendor: 'Shopify', status: 403 });
		expect(error.message).toBe('Shopify refused the request (HTTP 403)');
		expect(error).toMatchObject({ vendor: 'Shopify', kind: 'refused', retryable: false, status: 403, retryAfterSeconds: undefined });
	});
});

describe('retryAfterSeconds', () => {
	it('reads seconds, caps them at an hour, and treats anything else as absent', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(retryAfterSeconds(' 0 ')).toBe(0);
		expect(retryAfterSeconds('86400')).toBe(3600);
		expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
		expect(retryAfterSeconds('-1')).toBeUndefined();
		expect(retryAfterSeconds(null)).toBeUndefined();
	});
});

describe('shopFailure', () => {
	it('answers an unavailable shop with 503 shop_unavailable and when to try again', () => {
		const answer = shopFailure(temporaryFailure({ vendor: 'Shopify', detail: 'throttled', retryAfterSeconds: 3, status: 429 }));
		expect(answer.status).toBe(503);
		expect(answer.code).toBe('shop_unavailable');
		expect(answer.headers).toEqual({ 'Retry-After': '3' });
		expect(shopFailure(temporaryFailure({ vendor: 'Shopify', detail: 'network error' })).headers).toEqual({ 'Retry-After': '5' });
	});

	it('answers a refusing shop with 502 shop_refused, without the vendor’s name or words, and no Retry-After', () => {
		const answer = shopFailure(new ConnectorError('Shopify rejected the query (ACCESS_DENIED)', { vendor: 'Shopify', kind: 'refused', status: 200 }));
		expect(answer.status).toBe(502);
		expect(answer.code).toBe('shop_refused');
		expect(answer.headers).toEqual({});
		const body = JSON.stringify(answer.toBody());
		expect(body).not.toContain('Shopify');
		expect(body).not.toContain('ACCESS_DENIED');
	});
});

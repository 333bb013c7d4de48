import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { clientNetwork, hashForKey, isLoopback } from '../../functions/services/rate-limit-keys';

describe('hashForKey', () => {
	it('keys a personal value by a short hash that depends on the pepper, never the value itself', async () => {
		const peppered = readConfig({ HASH_PEPPER: 'pepper-one' });
		const key = await hashForKey(peppered, 'jane@example.com');
		expect(key).toMatch(/^[0-9a-f]{32}$/);
		expect(key).not.toContain('jane');
		expect(await hashForKey(peppered, 'jane@example.com')).toBe(key);
		expect(await hashForKey(peppered, 'john@example.com')).not.toBe(key);
		expect(await hashForKey(readConfig({ HASH_PEPPER: 'pepper-two' }), 'jane@example.com')).not.toBe(key);
		expect(await hashForKey(readConfig({}), 'jane@example.com')).not.toBe(key);
	});
});

describe('clientNetwork', () => {
	it('counts an IPv4 address as itself and an IPv6 address by its /64, however it is written', () => {
		expect(clientNetwork('203.0.113.9')).toBe('203.0.113.9');
		expect(clientNetwork('::ffff:203.0.113.9')).toBe('203.0.113.9');
		expect(clientNetwork('local')).toBe('local');
		const network = '2001:db8:0:12::/64';
		for (const address of ['2001:db8:0:12::1', '2001:0db8:0000:0012:ffff:1:2:3', '2001:DB8::12:0:0:0:9', '2001:db8:0:12:a::%eth0']) {
			expect(clientNetwork(address)).toBe(network);
		}
		expect(clientNetwork('2001:db8:0:13::1')).not.toBe(network);
		expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
	});
});

describe('isLoopback', () => {
	it('knows the machine itself, as wrangler dev names it, and nothing else', () => {
		for (const address of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopback(address), address).toBe(true);
		for (const address of ['203.0.113.9', '10.0.0.1', '::2', '2001:db8::1', 'local', '1270.0.0.1', '::ffff:203.0.113.9']) expect(isLoopback(address), address).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { hashForKey } from '../../functions/services/rate-limit-keys';

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

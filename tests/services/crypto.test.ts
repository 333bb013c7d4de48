import { describe, expect, it } from 'vitest';
import {
	decryptText,
	encryptText,
	fromBase64Url,
	hmac,
	importHmacKey,
	newReference,
	newSixDigitCode,
	sha256Hex,
	timingSafeEqualText,
	toBase64Url,
	verifyHmac,
} from '../../functions/services/crypto';

const aesKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('base64url', () => {
	it('round-trips bytes without padding or URL-unsafe characters, and refuses other text', () => {
		const bytes = Uint8Array.from([0xfb, 0xff, 0xbf, 0x00, 0x3e]);
		const text = toBase64Url(bytes);
		expect(text).toBe('-_-_AD4');
		expect(fromBase64Url(text)).toEqual(bytes);
		expect(fromBase64Url('a+b/')).toBeUndefined();
		expect(fromBase64Url('abc=')).toBeUndefined();
		expect(fromBase64Url('a')).toBeUndefined();
	});
});

describe('sha256Hex, hmac and timingSafeEqualText', () => {
	it('hash as the standard says', async () => {
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('verify a MAC made with the same key and text only', async () => {
		const key = await importHmacKey('key');
		const mac = await hmac(key, 'The quick brown fox jumps over the lazy dog');
		// RFC 4231-style known answer for HMAC-SHA-256("key", …).
		expect([...mac].map((byte) => byte.toString(16).padStart(2, '0')).join('')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
		const copy = Uint8Array.from(mac);
		expect(await verifyHmac(key, copy, 'The quick brown fox jumps over the lazy dog')).toBe(true);
		expect(await verifyHmac(key, copy, 'The quick brown fox jumps over the lazy cat')).toBe(false);
		expect(await verifyHmac(await importHmacKey('other'), copy, 'The quick brown fox jumps over the lazy dog')).toBe(false);
	});

	it('compare texts for equality', async () => {
		expect(await timingSafeEqualText('jane@example.com', 'jane@example.com')).toBe(true);
		expect(await timingSafeEqualText('jane@example.com', 'jane@example.org')).toBe(false);
		expect(await timingSafeEqualText('', 'a')).toBe(false);
	});
});

describe('newReference and newSixDigitCode', () => {
	it('make references readable on the phone and codes of six digits, different each time', () => {
		const references = new Set(Array.from({ length: 200 }, newReference));
		expect(references.size).toBe(200);
		for (const reference of references) expect(reference).toMatch(/^HC-[2-9A-HJ-NP-Z]{10}$/);
		const codes = Array.from({ length: 200 }, newSixDigitCode);
		for (const code of codes) expect(code).toMatch(/^\d{6}$/);
		expect(new Set(codes).size).toBeGreaterThan(190);
	});
});

describe('encryptText and decryptText', () => {
	it('seal a text so only the same key opens it, with a new IV each time', async () => {
		const key = await aesKey();
		const sealed = await encryptText(key, 'Léa Moreau, 3 place Bellecour');
		expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
		expect(sealed).not.toContain('Bellecour');
		expect(await encryptText(key, 'Léa Moreau, 3 place Bellecour')).not.toBe(sealed);
		expect(await decryptText(key, sealed)).toBe('Léa Moreau, 3 place Bellecour');
	});

	it('refuse an altered text, another key and anything not sealed', async () => {
		const key = await aesKey();
		const sealed = await encryptText(key, 'secret');
		const [version, iv, ciphertext = ''] = sealed.split('.');
		const altered = `${version}.${iv}.${ciphertext.slice(0, -2)}${ciphertext.endsWith('AA') ? 'BA' : 'AA'}`;
		await expect(decryptText(key, altered)).rejects.toThrow();
		await expect(decryptText(await aesKey(), sealed)).rejects.toThrow();
		await expect(decryptText(key, 'redacted')).rejects.toThrow('not an encrypted value');
		await expect(decryptText(key, `v2.${iv}.${ciphertext}`)).rejects.toThrow('not an encrypted value');
	});
});

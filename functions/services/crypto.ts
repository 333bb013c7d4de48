const encoder = new TextEncoder();

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; undefined when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
	try {
		const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		return Uint8Array.from(binary, (char) => char.charCodeAt(0));
	} catch {
		return undefined;
	}
}

/** SHA-256 of a text, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Imports an HMAC-SHA-256 key from a secret text. */
export function importHmacKey(secret: string): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

export async function hmac(key: CryptoKey, text: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** Verifies an HMAC in constant time (crypto.subtle.verify, never a string comparison). */
export function verifyHmac(key: CryptoKey, mac: Uint8Array<ArrayBuffer>, text: string): Promise<boolean> {
	return crypto.subtle.verify('HMAC', key, mac, encoder.encode(text));
}

/** Compares two texts in time independent of where they differ, by comparing equal-length digests. */
export async function timingSafeEqualText(a: string, b: string): Promise<boolean> {
	const [left, right] = await Promise.all([
		crypto.subtle.digest('SHA-256', encoder.encode(a)),
		crypto.subtle.digest('SHA-256', encoder.encode(b)),
	]);
	const [x, y] = [new Uint8Array(left), new Uint8Array(right)];
	let difference = 0;
	for (let index = 0; index < x.length; index++) difference |= (x[index] ?? 0) ^ (y[index] ?? 0);
	return difference === 0;
}

const referenceAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A reference shoppers can read out on the phone: "HC-" and 10 characters without 0/O or 1/I. */
export function newReference(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	return `HC-${[...bytes].map((byte) => referenceAlphabet[byte % referenceAlphabet.length]).join('')}`;
}

/** A uniformly random 6-digit code. */
export function newSixDigitCode(): string {
	// Rejection sampling avoids the modulo bias of 2^32 % 10^6.
	const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
	for (;;) {
		const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
		if (value < limit) return String(value % 1_000_000).padStart(6, '0');
	}
}

/** Encrypts a text with AES-GCM: `v1.<iv>.<ciphertext>`, base64url. */
export async function encryptText(key: CryptoKey, text: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
	return `v1.${toBase64Url(iv)}.${toBase64Url(ciphertext)}`;
}

/** Decrypts what `encryptText` produced; throws when the text was altered or the key is wrong. */
export async function decryptText(key: CryptoKey, sealed: string): Promise<string> {
	const [version, iv, ciphertext] = sealed.split('.');
	const ivBytes = fromBase64Url(iv ?? '');
	const cipherBytes = fromBase64Url(ciphertext ?? '');
	if (version !== 'v1' || !ivBytes || !cipherBytes) throw new Error('not an encrypted value');
	return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivBytes }, key, cipherBytes));
}

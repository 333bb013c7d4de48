function newKey(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per logical submission. Retrying the same content (after a network error, a double click
 * or a 429) reuses the key, so the API acts once; changed content is a new submission with a new key.
 */
export class SubmissionKey {
	#key: string | undefined;
	#fingerprint: string | undefined;

	/** The key for this content. */
	for(content: unknown): string {
		const fingerprint = JSON.stringify(content);
		if (this.#key === undefined || fingerprint !== this.#fingerprint) {
			this.#key = newKey();
			this.#fingerprint = fingerprint;
		}
		return this.#key;
	}

	/** The submission succeeded: whatever comes next is a new one. */
	done(): void {
		this.#key = undefined;
		this.#fingerprint = undefined;
	}
}

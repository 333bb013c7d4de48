import { z } from 'zod';
import { ConnectorError, temporaryFailure } from './errors';

/** The subset of `fetch` connectors use, so tests can hand them a fake or point them at a local server. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** What connectors need from their surroundings besides their config. */
export interface ConnectorDeps {
	/** Defaults to the global `fetch`. */
	fetch?: FetchFn;
}

/** A vendor answer, read in full before the timeout ran out. */
export interface VendorResponse {
	status: number;
	headers: Headers;
	text: string;
}

/** Vendor answers larger than this are not ours to read (the biggest order payload is a few dozen KB). */
const maxResponseChars = 2_000_000;

/**
 * Calls a vendor with a deadline that covers the whole exchange, body included. Timeouts and network errors
 * become retryable ConnectorErrors; HTTP statuses are left to the caller, who knows what each means.
 */
export async function callVendor(
	vendor: string,
	fetchFn: FetchFn,
	url: string,
	init: RequestInit,
	timeoutMs: number,
): Promise<VendorResponse> {
	try {
		// Redirects are never followed: a vendor has no reason to send our credentials elsewhere.
		const response = await fetchFn(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
		const text = await response.text();
		if (text.length > maxResponseChars) throw temporaryFailure({ vendor, detail: 'oversized response', status: response.status });
		return { status: response.status, headers: response.headers, text };
	} catch (error) {
		if (error instanceof ConnectorError) throw error;
		const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
		throw temporaryFailure({ vendor, detail: timedOut ? `no answer within ${timeoutMs} ms` : 'network error' });
	}
}

/** POSTs `body` as JSON to a vendor through {@link callVendor}, asking for JSON back; `headers` add to those. */
export function postJsonToVendor(
	vendor: string,
	fetchFn: FetchFn,
	url: string,
	headers: Record<string, string>,
	body: unknown,
	timeoutMs: number,
): Promise<VendorResponse> {
	const init = { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
	return callVendor(vendor, fetchFn, url, init, timeoutMs);
}

/** The default fetch, wrapped so Workers never see it called with a foreign `this`. */
export function resolveFetch(deps: ConnectorDeps | undefined): FetchFn {
	return deps?.fetch ?? ((input, init) => fetch(input, init));
}

/** Parses a JSON body, answering undefined for anything that is not JSON. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** `Authorization: Basic …` for any Unicode user name or secret (btoa alone only takes Latin-1). */
export function basicAuth(user: string, password: string): string {
	const bytes = new TextEncoder().encode(`${user}:${password}`);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return `Basic ${btoa(binary)}`;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A vendor base URL from the configuration: HTTPS, or plain HTTP on loopback only (local fake servers), so
 * credentials never travel in clear text. Trailing slashes are dropped.
 */
export const vendorBaseUrlSchema = z
	.url()
	.refine((value) => {
		const url = new URL(value);
		return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
	}, 'must be https:// (or http:// on localhost)')
	.transform((value) => value.replace(/\/+$/, ''));

/** Deadline of one vendor call in milliseconds. */
export const timeoutMsSchema = z.number().int().min(100).max(60_000).default(10_000);

import type { ApiConfig } from '../config';
import { sha256Hex } from './crypto';

/** A short keyed hash of a personal value (an e-mail), so rate-limit rows never hold the value itself. */
export async function hashForKey(config: ApiConfig, value: string): Promise<string> {
	return (await sha256Hex(`${config.HASH_PEPPER ?? 'help-center'}:${value}`)).slice(0, 32);
}

/**
 * The client a rate limit counts: an IPv4 address as it is, an IPv6 address by its /64, the block one subscriber
 * is usually given. Counting single IPv6 addresses would hand one client billions of buckets.
 */
export function clientNetwork(ip: string): string {
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
	if (mapped?.[1]) return mapped[1];
	if (!ip.includes(':')) return ip;
	const [head = '', tail] = (ip.toLowerCase().split('%')[0] ?? '').split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right];
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

/**
 * Whether a request comes from the machine the Worker runs on: `wrangler dev` gives local requests the address
 * 127.0.0.1 (or ::1). Behind Cloudflare, CF-Connecting-IP is the client's public address and never a loopback one.
 */
export function isLoopback(ip: string): boolean {
	return /^127(?:\.\d{1,3}){3}$/.test(clientNetwork(ip)) || /^(?:::|(?:0{1,4}:){7})0{0,3}1$/.test(ip.trim());
}

import type { ApiConfig } from '../config';
import { sha256Hex } from './crypto';

/** A short keyed hash of a personal value (an e-mail), so rate-limit rows never hold the value itself. */
export async function hashForKey(config: ApiConfig, value: string): Promise<string> {
	return (await sha256Hex(`${config.HASH_PEPPER ?? 'help-center'}:${value}`)).slice(0, 32);
}

import type { LookupResponse } from '../../../../functions/contract/responses';

const storageKey = 'help-center:order-lookup';

/**
 * Keeps the last order found in this tab (its summary and 30-minute view token, never the e-mail address), so
 * "Return items" on the tracking page opens the return page on that order instead of asking again.
 */
export function rememberLookup(result: LookupResponse, locale: string): void {
	try {
		sessionStorage.setItem(storageKey, JSON.stringify({ locale, ...result }));
	} catch {
		// Private modes may refuse storage: the shopper simply looks the order up again.
	}
}

/** The order found earlier in this tab, if its token still has a few minutes left and it was shown in `locale`. */
export function recallLookup(locale: string, now = Date.now()): LookupResponse | undefined {
	try {
		const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as (LookupResponse & { locale: string }) | null;
		if (!saved || saved.locale !== locale || Date.parse(saved.token.expiresAt) - now < 5 * 60_000) return undefined;
		return { order: saved.order, token: saved.token };
	} catch {
		return undefined;
	}
}

export function forgetLookup(): void {
	try {
		sessionStorage.removeItem(storageKey);
	} catch {
		// Nothing was stored.
	}
}

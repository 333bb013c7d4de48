// What a return gives back, worked out the same way by the return page (before the shopper confirms), the API (in
// its answer, the ticket and the confirmation e-mail). No zod here: the page imports it.

/** An amount in the currency's minor unit (cents for EUR), so sums never drift. */
export interface Money {
	amount: number;
	currencyCode: string;
}

/** The return label policy of content/site.yaml (`policies.returnLabelFee`), as the estimate needs it. */
export interface LabelFeePolicy {
	/** In the currency's minor unit. */
	amount: number;
	currencyCode: string;
	/** Reasons (ids) that make the label free when every returned item has one of them. */
	freeForReasons: readonly string[];
	/** Resolutions that make the label free (an exchange). */
	freeForResolutions: readonly string[];
}

export type Resolution = 'refund' | 'exchange' | 'store_credit';

export interface RefundEstimate {
	resolution: Resolution;
	/** The returned items' prices, as paid: null when a price is unknown or in another currency. */
	items: Money | null;
	/** The label fee taken off; null when the label is free or there is no fee. */
	labelFee: Money | null;
	/** What the shopper gets back (refund or store credit), never below zero; null for an exchange or unknown prices. */
	total: Money | null;
}

/** The number of minor-unit digits of a currency (2 for EUR, 0 for JPY), as Intl knows it. */
export function currencyDigits(currencyCode: string): number {
	try {
		return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		return 2;
	}
}

/** "59.00" in EUR → 5900; undefined for anything that is not a plain decimal number. */
export function toMinorUnits(decimal: string | number, currencyCode: string): number | undefined {
	const text = typeof decimal === 'number' ? String(decimal) : decimal.trim();
	const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text);
	if (!match) return undefined;
	const digits = currencyDigits(currencyCode);
	const fraction = (match[2] ?? '').padEnd(digits, '0');
	// Rounds half up past the currency's digits (Shopify sends at most its digits anyway).
	const kept = Number(`${match[1]}${fraction.slice(0, digits)}`);
	return Number(fraction.charAt(digits) || '0') >= 5 ? kept + 1 : kept;
}

/** An amount as the shopper reads it, in their language: "59,00 €", "€59.00". */
export function formatMoney(money: Money, locale: string): string {
	const digits = currencyDigits(money.currencyCode);
	return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(money.amount / 10 ** digits);
}

/**
 * What the shopper gets back for these lines: the items' prices as paid, minus the label fee unless the resolution
 * or every line's reason makes the label free (one label per return). An exchange gives no money back.
 */
export function estimateRefund(
	lines: readonly { quantity: number; reasonId: string; unitPrice: Money | null }[],
	resolution: Resolution,
	fee: LabelFeePolicy | null,
): RefundEstimate {
	const currency = lines[0]?.unitPrice?.currencyCode;
	const known = currency !== undefined && lines.every((line) => line.unitPrice?.currencyCode === currency);
	const items = known ? { amount: lines.reduce((sum, line) => sum + line.quantity * (line.unitPrice?.amount ?? 0), 0), currencyCode: currency } : null;
	const free = !fee || fee.amount === 0 || fee.freeForResolutions.includes(resolution) || lines.every((line) => fee.freeForReasons.includes(line.reasonId));
	const labelFee = free ? null : { amount: fee.amount, currencyCode: fee.currencyCode };
	if (resolution === 'exchange' || !items) return { resolution, items, labelFee, total: null };
	// A fee in another currency than the order's cannot be taken off here: the estimate then says nothing of the total.
	if (labelFee && labelFee.currencyCode !== items.currencyCode) return { resolution, items, labelFee, total: null };
	return { resolution, items, labelFee, total: { amount: Math.max(0, items.amount - (labelFee?.amount ?? 0)), currencyCode: items.currencyCode } };
}

/** The label fee as content/site.yaml gives it (`policies.returnLabelFee`, in currency units), for `estimateRefund`. */
export function labelFeePolicy(
	fee: { amount: number; currency: string; freeForReasons: readonly string[]; freeForResolutions: readonly string[] } | undefined,
): LabelFeePolicy | null {
	if (!fee) return null;
	return {
		amount: toMinorUnits(fee.amount.toFixed(currencyDigits(fee.currency)), fee.currency) ?? 0,
		currencyCode: fee.currency,
		freeForReasons: fee.freeForReasons,
		freeForResolutions: fee.freeForResolutions,
	};
}

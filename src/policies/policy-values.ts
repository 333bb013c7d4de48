import { formatMoney, labelFeePolicy } from '../../functions/contract/refund-estimate.ts';
import type { SiteConfig } from '../schemas/site-config.ts';

type Policies = SiteConfig['policies'];

/**
 * The policies of content/site.yaml an article may quote, as `{policies.<name>}`, and how each is written in a
 * language: counts as plain numbers, the label fee as money in the policy's currency ("€4.95", "4,95 €", formatted as
 * the return page formats it). Undefined when site.yaml does not set the policy. The one list of names: the check,
 * the build and content/README.md all go by it.
 */
const formats = {
	returnWindowDays: (policies: Policies) => String(policies.returnWindowDays),
	addressChangeWindowHours: (policies: Policies) => String(policies.addressChangeWindowHours),
	missingParcelReportDays: (policies: Policies) => (policies.missingParcelReportDays === undefined ? undefined : String(policies.missingParcelReportDays)),
	returnLabelFee: (policies: Policies, locale: string) => {
		const fee = labelFeePolicy(policies.returnLabelFee);
		return fee ? formatMoney({ amount: fee.amount, currencyCode: fee.currencyCode }, locale) : undefined;
	},
} satisfies Record<string, (policies: Policies, locale: string) => string | undefined>;

export type PolicyName = keyof typeof formats;

/** Every name an article may quote, in the order content/README.md lists them. */
export const policyNames = Object.keys(formats) as PolicyName[];

export function isPolicyName(name: string): name is PolicyName {
	return Object.hasOwn(formats, name);
}

/** The policy `name` as a reader of `locale` reads it; undefined for an unknown name or a policy site.yaml lacks. */
export function policyValue(name: string, policies: Policies, locale: string): string | undefined {
	return isPolicyName(name) ? formats[name](policies, locale) : undefined;
}

/**
 * A policy written as text: `{policies.returnWindowDays}`, also as a Markdown editor escapes its braces
 * (`\{policies.returnWindowDays\}`). The name is the first group.
 */
export const policyTokenPattern = /\\?\{\s*policies\.([\w$.]*)\s*\\?\}/g;

/** The policy name of an MDX expression's code when that code is only `policies.<name>` (`" policies.x "` → `x`). */
export function expressionPolicyName(code: string): string | undefined {
	return /^\s*policies\.([\w$.]*)\s*$/.exec(code)?.[1];
}

/** `text` with every `{policies.<name>}` of a policy site.yaml sets replaced by its value; others are left as written. */
export function withPolicyValues(text: string, policies: Policies, locale: string): string {
	if (!text.includes('policies.')) return text;
	return text.replace(policyTokenPattern, (token, name: string) => policyValue(name, policies, locale) ?? token);
}

/** `data` (an article's frontmatter) with the policies written out in every string it holds, lists and FAQ pairs included. */
export function withPolicyValuesInData<T>(data: T, policies: Policies, locale: string): T {
	const visit = (value: unknown): unknown => {
		if (typeof value === 'string') return withPolicyValues(value, policies, locale);
		if (Array.isArray(value)) return value.map(visit);
		if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)]));
		return value;
	};
	return visit(data) as T;
}

/**
 * The values of the policies an article's file quotes, as one string: it joins the file's digest, so that a change of
 * a quoted policy in site.yaml renders the article again (and only the articles that quote it).
 */
export function quotedPolicies(fileText: string, policies: Policies): string {
	if (!fileText.includes('policies.')) return '';
	const names = new Set([...fileText.matchAll(/policies\.([\w$]+)/g)].map((match) => match[1] ?? ''));
	return JSON.stringify([...names].sort().map((name) => [name, isPolicyName(name) ? (name === 'returnLabelFee' ? policies.returnLabelFee : policies[name]) : null]));
}

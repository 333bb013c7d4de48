/**
 * The id of an order in API paths: the last segment of the shop's global id ("gid://shopify/Order/123" → "123"),
 * so URLs carry no slashes. Routes still take the real id from the signed token and only compare this one.
 */
export function publicOrderId(id: string): string {
	return id.split('/').at(-1) ?? id;
}

/**
 * Every GraphQL document the connector sends. They are fixed: shopper input only ever travels as variables
 * (S10). Connection sizes keep each query's requested cost well under Shopify's 1,000-point cap while
 * covering realistic orders (50 line items, 5 parcels of 20 items, 5 returns).
 */

/** Everything the help center reads of an order (the fields of `shopifyOrderSchema`). */
const orderFields = `
		id name email createdAt processedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
		shippingAddress { firstName lastName address1 address2 city provinceCode zip countryCodeV2 phone }
		lineItems(first: 50) {
			nodes {
				id title variantTitle sku quantity customAttributes { key value } product { tags }
				discountedUnitPriceAfterAllDiscountsSet { presentmentMoney { amount currencyCode } }
				image { url altText }
			}
		}
		fulfillments(first: 5) {
			id status displayStatus createdAt inTransitAt deliveredAt
			trackingInfo(first: 5) { company number url }
			fulfillmentLineItems(first: 20) { nodes { id quantity lineItem { id } } }
		}
		returns(first: 5) {
			nodes { status returnLineItems(first: 20) { nodes { quantity ... on ReturnLineItem { fulfillmentLineItem { id } } } } }
		}`;

/**
 * Finds an order by name and reads all of it in one call, so a lookup costs one round trip whether the order
 * exists or not (S1, S12: a second call only for existing orders would tell them apart by latency). `name:` may
 * match by prefix; sorted by order number, the exact name (the shortest match) comes first, and callers re-check
 * it. One order keeps the query's cost as low as `OrderDetail`'s.
 */
export const orderLookupQuery = `query OrderLookup($query: String!) {
	orders(first: 1, query: $query, sortKey: ORDER_NUMBER) { nodes {${orderFields}
	} }
}`;

export const orderDetailQuery = `query OrderDetail($id: ID!) {
	order(id: $id) {${orderFields}
	}
}`;

/**
 * The choices each line item's product comes in (sizes, colours) and the ones the shopper has: asked only when a
 * verified shopper starts a return, as it would take the lookup past Shopify's cost cap.
 */
export const exchangeOptionsQuery = `query ExchangeOptions($id: ID!) {
	order(id: $id) {
		lineItems(first: 50) {
			nodes { id variant { selectedOptions { name value } } product { options(first: 3) { name optionValues { name } } } }
		}
	}
}`;

/** What `orderUpdate` must re-check right before changing an address (§3.4 of the vendor notes). */
export const orderChangeabilityQuery = `query OrderChangeability($id: ID!) {
	order(id: $id) {
		id cancelledAt displayFulfillmentStatus
		fulfillmentOrders(first: 10) { nodes { status requestStatus } }
	}
}`;

export const returnableFulfillmentsQuery = `query ReturnableFulfillments($orderId: ID!) {
	returnableFulfillments(orderId: $orderId, first: 10) {
		edges { node { id fulfillment { id }
			returnableFulfillmentLineItems(first: 25) { edges { node { fulfillmentLineItem { id } quantity } } } } }
	}
}`;

export const returnReasonDefinitionsQuery = `query ReturnReasonDefinitions($handles: [String!]) {
	returnReasonDefinitions(first: 20, handles: $handles) { nodes { id handle deleted } }
}`;

/** `returnRequest`, never `returnCreate`: the merchant approves or declines what shoppers ask for. */
export const returnRequestMutation = `mutation ReturnRequest($input: ReturnRequestInput!) {
	returnRequest(input: $input) {
		return { id status }
		userErrors { field message code }
	}
}`;

export const orderUpdateMutation = `mutation OrderUpdate($input: OrderInput!) {
	orderUpdate(input: $input) {
		order { id shippingAddress { address1 address2 city provinceCode zip countryCodeV2 } }
		userErrors { field message }
	}
}`;

import type { Address, Order, ProductOption } from '../domain/order';

export interface ReturnLineRequest {
	lineItemId: string;
	/** The shop's id for the fulfilled unit being returned. */
	fulfillmentLineItemId: string;
	quantity: number;
	/** One of the reasons in the site config (`policies.returnReasons[].id`). */
	reasonId: string;
	customerNote: string | null;
	/** For an exchange: what the shopper wants instead ("Size: L"), or null. */
	exchangeFor: string | null;
}

/** What the help center needs from a shop. Implementations: the embedded demo shop, Shopify Admin GraphQL. */
export interface ShopConnector {
	/** Finds an order by the number shoppers know ("#1001" or "1001"); undefined when absent or out of reach. */
	findOrderByName(name: string): Promise<Order | undefined>;
	/** Finds an order by its id, as returned in `Order.id`. */
	getOrder(id: string): Promise<Order | undefined>;
	/**
	 * Asks the shop for a return the merchant approves later; answers the shop's return id and, when the shop made
	 * one at once, the address of the prepaid return label.
	 */
	requestReturn(order: Order, lines: ReturnLineRequest[]): Promise<{ returnId: string; labelUrl: string | null }>;
	/** The choices (sizes, colours) each line item's product comes in, by line item id; an item without any is absent. */
	exchangeOptions(order: Order): Promise<Record<string, ProductOption[]>>;
	/** Replaces the order's shipping address. */
	updateShippingAddress(order: Order, address: Address): Promise<void>;
}

import { z } from 'zod';
import { addressSchema, type Address, type Order, type ProductOption } from '../../domain/order';
import type { ReturnLineRequest, ShopConnector } from '../shop';
import { demoProductOptions, fixtureOrders } from './fixture-orders';

const returnChangeSchema = z.object({ lines: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })) });

/**
 * The embedded demo shop: fixture orders, with the returns and address changes shoppers make kept in D1 so
 * the demo behaves like a real shop across requests and restarts.
 */
export function createDemoShop(db: D1Database, now: () => number = Date.now): ShopConnector {
	/**
	 * Reads the order's changes even when there is no such order (an id that matches no row): a lookup then does the
	 * same work whether the order exists or not, so its timing cannot tell the two apart (S1).
	 */
	async function withChanges(order: Order | undefined): Promise<Order | undefined> {
		const { results } = await db
			.prepare('SELECT kind, data FROM demo_order_changes WHERE order_id = ?1 ORDER BY id')
			.bind(order?.id ?? '')
			.all<{ kind: 'return' | 'address'; data: string }>();
		if (!order) return undefined;
		const changed: Order = { ...order, returnedQuantities: { ...order.returnedQuantities } };
		for (const change of results) {
			const data: unknown = JSON.parse(change.data);
			if (change.kind === 'address') {
				changed.shippingAddress = addressSchema.parse(data);
			} else {
				for (const line of returnChangeSchema.parse(data).lines) {
					changed.returnedQuantities[line.lineItemId] = (changed.returnedQuantities[line.lineItemId] ?? 0) + line.quantity;
				}
			}
		}
		return changed;
	}

	async function record(orderId: string, kind: 'return' | 'address', data: unknown): Promise<number> {
		const result = await db
			.prepare('INSERT INTO demo_order_changes (order_id, kind, data, created_at) VALUES (?1, ?2, ?3, ?4)')
			.bind(orderId, kind, JSON.stringify(data), now())
			.run();
		return result.meta.last_row_id;
	}

	return {
		async findOrderByName(name) {
			const digits = name.replace(/^#/, '');
			return withChanges(fixtureOrders(now()).find((candidate) => candidate.name === `#${digits}`));
		},
		async getOrder(id) {
			return withChanges(fixtureOrders(now()).find((candidate) => candidate.id === id));
		},
		async requestReturn(order: Order, lines: ReturnLineRequest[]) {
			const id = await record(order.id, 'return', { lines: lines.map(({ lineItemId, quantity }) => ({ lineItemId, quantity })) });
			// Like Shopify's `returnRequest`, the demo shop makes no label: the merchant sends one after approving.
			return { returnId: `gid://demo/Return/${id}`, labelUrl: null };
		},
		async exchangeOptions(order: Order) {
			const options: Record<string, ProductOption[]> = {};
			for (const item of order.lineItems) {
				const choices = demoProductOptions(item.title, item.variantTitle);
				if (choices.length > 0) options[item.id] = choices;
			}
			return options;
		},
		async updateShippingAddress(order: Order, address: Address) {
			await record(order.id, 'address', address);
		},
	};
}

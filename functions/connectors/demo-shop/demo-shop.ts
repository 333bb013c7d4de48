import { z } from 'zod';
import { addressSchema, type Address, type Order } from '../../domain/order';
import type { ReturnLineRequest, ShopConnector } from '../shop';
import { fixtureOrders } from './fixture-orders';

const returnChangeSchema = z.object({ lines: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })) });

/**
 * The embedded demo shop: fixture orders, with the returns and address changes shoppers make kept in D1 so
 * the demo behaves like a real shop across requests and restarts.
 */
export function createDemoShop(db: D1Database, now: () => number = Date.now): ShopConnector {
	async function withChanges(order: Order): Promise<Order> {
		const { results } = await db
			.prepare('SELECT kind, data FROM demo_order_changes WHERE order_id = ?1 ORDER BY id')
			.bind(order.id)
			.all<{ kind: 'return' | 'address'; data: string }>();
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
			const order = fixtureOrders(now()).find((candidate) => candidate.name === `#${digits}`);
			return order && withChanges(order);
		},
		async getOrder(id) {
			const order = fixtureOrders(now()).find((candidate) => candidate.id === id);
			return order && withChanges(order);
		},
		async requestReturn(order: Order, lines: ReturnLineRequest[]) {
			const id = await record(order.id, 'return', { lines: lines.map(({ lineItemId, quantity }) => ({ lineItemId, quantity })) });
			return { returnId: `gid://demo/Return/${id}` };
		},
		async updateShippingAddress(order: Order, address: Address) {
			await record(order.id, 'address', address);
		},
	};
}

/** The order changes a shopper makes themselves; each names its steps' strings (`return.…`) and element ids. */
export type OrderChange = 'address' | 'return';

/** The props of a step that every order change has (order-change-start.astro, review-step.astro). */
export interface OrderChangeStepProps {
	locale: string;
	change: OrderChange;
}

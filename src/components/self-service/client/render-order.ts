import type { OrderSummary } from '../../../../functions/contract/responses';
import { h } from './dom';
import { countryName, formatDate } from './intl';
import type { Translate } from './strings';

export interface OrderLinks {
	/** The return page, when the order can be returned. */
	returnUrl: string;
	/** The address-change page, when the address can still be changed. */
	addressUrl: string;
}

/**
 * The order as the tracking page shows it: status, progress, items, each parcel with its tracking link, and
 * the actions open to the shopper, each with its reason when it is not.
 */
export function renderOrder(order: OrderSummary, t: Translate, locale: string, links: OrderLinks, headingLevel: number): DocumentFragment {
	const heading = `h${Math.min(headingLevel, 6)}` as 'h3';
	const place = order.shippingAddress ? `${order.shippingAddress.city}, ${countryName(order.shippingAddress.countryCode, locale)}` : null;
	const fragment = document.createDocumentFragment();

	fragment.append(
		h('p', { class: 'ss-order-meta' }, `${t('order.statusLabel')} `, h('strong', { class: 'ss-badge' }, t(`order.status.${order.status}`))),
		h('p', { class: 'ss-order-meta' }, t('order.placed', { date: formatDate(order.placedAt, locale) }), place && ` · ${t('order.deliveringTo', { place })}`),
	);

	const lastDone = order.timeline.findLastIndex((step) => step.done);
	fragment.append(
		h(heading, {}, t('order.progress')),
		h(
			'ol',
			{ class: 'ss-timeline' },
			...order.timeline.map((step, index) =>
				h(
					'li',
					{ class: step.done ? 'done' : undefined, 'aria-current': index === lastDone ? 'step' : undefined },
					t(`order.step.${step.step}`),
					h('span', { class: 'visually-hidden' }, ` (${step.done ? t('order.stepDone') : t('order.stepPending')})`),
					step.at && step.done && h('span', { class: 'when' }, h('time', { datetime: step.at }, formatDate(step.at, locale, true))),
				),
			),
		),
	);

	fragment.append(
		h(heading, {}, t('order.items')),
		h(
			'ul',
			{ class: 'ss-list' },
			...order.items.map((item) =>
				h(
					'li',
					{},
					h('strong', {}, item.title),
					h('p', { class: 'ss-muted' }, [item.variantTitle, t('order.quantity', { quantity: item.quantity })].filter(Boolean).join(' · ')),
				),
			),
		),
	);

	fragment.append(h(heading, {}, t('order.parcels')));
	if (order.parcels.length === 0) fragment.append(h('p', {}, t('order.noParcels')));
	else {
		fragment.append(
			h(
				'ul',
				{ class: 'ss-list' },
				...order.parcels.map((parcel, index) => {
					const number = index + 1;
					const status = t(`order.parcelStatus.${parcel.status}` as 'order.parcelStatus.in_transit');
					return h(
						'li',
						{},
						h('strong', {}, t('order.parcel', { number })),
						` — ${status}`,
						h('p', {}, t('order.parcelTracking', { carrier: parcel.carrier ?? t('order.unknownCarrier'), tracking: parcel.trackingNumber })),
						parcel.trackingUrl && h('p', {}, h('a', { href: parcel.trackingUrl, rel: 'noopener noreferrer' }, t('order.trackParcel', { number }))),
					);
				}),
			),
		);
	}

	const action = (available: boolean, label: string, url: string, unavailableLabel: string, reason: string | undefined) =>
		h('li', {}, available ? h('a', { class: 'button button-secondary', href: url }, label) : h('p', {}, h('strong', {}, unavailableLabel), ` ${reason ?? ''}`));
	fragment.append(
		h(heading, {}, t('order.actions')),
		h(
			'ul',
			{ class: 'ss-list', 'data-order-actions': true },
			action(order.actions.return.available, t('order.action.return'), links.returnUrl, t('order.action.returnUnavailable'), order.actions.return.reason?.message),
			action(
				order.actions.changeAddress.available,
				t('order.action.address'),
				links.addressUrl,
				t('order.action.addressUnavailable'),
				order.actions.changeAddress.reason?.message,
			),
		),
	);
	return fragment;
}

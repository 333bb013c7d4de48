import type { z } from 'zod';
import type { eventSchema } from '../../../functions/contract/events.ts';

/** An event as the page sends it (`eventSchema` in the HTTP contract says what the endpoint accepts). */
export type EventToSend = z.input<typeof eventSchema>;

/** Where events go. */
const endpoint = '/api/events';

/**
 * Reports an event with `navigator.sendBeacon`: fire and forget, sent even when the page is being left, no cookies
 * of ours, no answer awaited. An unreachable endpoint or a browser without beacons changes nothing for the shopper.
 */
export function sendEvent(event: EventToSend): void {
	if (typeof navigator.sendBeacon !== 'function') return;
	try {
		navigator.sendBeacon(endpoint, new Blob([JSON.stringify(event)], { type: 'application/json' }));
	} catch {
		// Some browsers throw instead of returning false (quota, policy): the event is simply lost.
	}
}

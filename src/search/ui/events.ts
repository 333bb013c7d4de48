import type { SearchEvent } from '../../../functions/contract/events.ts';
import { anonymizeQuery } from '../../../functions/contract/query-privacy.ts';

/** Where events go; the endpoint validates them with `searchEventSchema`. */
const endpoint = '/api/events';

/**
 * Reports a search, a click or a deflection with `navigator.sendBeacon`: fire and forget, sent even when the page
 * is being left, no cookies of ours, no answer awaited. An unreachable endpoint or a browser without beacons changes
 * nothing for the shopper.
 */
export function sendSearchEvent(event: Omit<SearchEvent, 'query'> & { query: string }): void {
	const query = anonymizeQuery(event.query);
	if (!query || typeof navigator.sendBeacon !== 'function') return;
	const payload: SearchEvent = { ...event, query };
	try {
		navigator.sendBeacon(endpoint, new Blob([JSON.stringify(payload)], { type: 'application/json' }));
	} catch {
		// Some browsers throw instead of returning false (quota, policy): the event is simply lost.
	}
}

import type { SearchEvent } from '../../../functions/contract/events.ts';
import { anonymizeQuery } from '../../../functions/contract/privacy.ts';
import { sendEvent } from '../../components/client/send-event.ts';

/** A search event with the query as the shopper typed it. */
type TypedSearchEvent = SearchEvent extends infer Event ? (Event extends SearchEvent ? Omit<Event, 'query'> & { query: string } : never) : never;

/** Reports a search, a click or a deflection with its query anonymised; nothing when no query is left. */
export function sendSearchEvent(event: TypedSearchEvent): void {
	const query = anonymizeQuery(event.query);
	if (query) sendEvent({ ...event, query });
}

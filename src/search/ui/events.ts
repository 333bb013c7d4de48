import type { SearchEvent } from '../../../functions/contract/events.ts';
import { anonymizeQuery } from '../../../functions/contract/privacy.ts';
import { sendEvent } from '../../components/client/send-event.ts';

/** Each kind of search event, with the query as the shopper typed it (distributed over the kinds). */
type Typed<Event> = Event extends SearchEvent ? Omit<Event, 'query'> & { query: string } : never;
type TypedSearchEvent = Typed<SearchEvent>;

/** Reports a search, a click or a deflection with its query anonymised; nothing when no query is left. */
export function sendSearchEvent(event: TypedSearchEvent): void {
	const query = anonymizeQuery(event.query);
	if (query) sendEvent({ ...event, query });
}

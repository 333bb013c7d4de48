import { z } from 'zod';
import { anonymizeQuery } from './query-privacy.ts';
import { maxQueryLength } from './query-text.ts';

/** The largest event body the endpoint accepts, in bytes; a valid event is well under it. */
export const maxSearchEventBytes = 512;

/**
 * What the search UI reports to `POST /api/events`, sent with `navigator.sendBeacon`, without cookies:
 * - `search`: a query the shopper settled on, and how many articles it found;
 * - `click`: the shopper opened the result at `rank` (1 = first) of that query;
 * - `deflection`: the shopper opened a suggested article while writing to us (the contact form's subject).
 * The query must already be anonymised (see `anonymizeQuery`): normalised, no e-mail address, no long number.
 * Nothing else is sent: no identifier, no page address, no time (the server stamps it).
 */
export const searchEventSchema = z
	.strictObject({
		kind: z.enum(['search', 'click', 'deflection']),
		query: z
			.string()
			.min(1)
			.max(maxQueryLength)
			.refine((query) => query === anonymizeQuery(query), 'The query must be normalised and carry no e-mail address or long number.'),
		results: z.number().int().min(0).max(100_000),
		rank: z.number().int().min(1).max(100).optional(),
		locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
	})
	.refine((event) => (event.kind === 'search') === (event.rank === undefined), {
		message: 'A click or a deflection has a rank; a search has none.',
		path: ['rank'],
	});

export type SearchEvent = z.output<typeof searchEventSchema>;

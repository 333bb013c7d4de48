import { z } from 'zod';
import { anonymizeQuery, redactPersonalData } from './privacy.ts';
import { maxQueryLength } from './query-text.ts';
import { multiLine } from './text-policy.ts';

/** The largest event body the endpoint accepts, in bytes; a valid event is well under it. */
export const maxEventBytes = 2048;

/** The longest comment a shopper may leave with a "no" vote. */
export const feedbackCommentMaxLength = 300;

/** Why an article did not help, as the shopper picks it after voting "no". */
export const feedbackReasons = ['outdated', 'unclear', 'not_answered', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

// Markup has no place in what shoppers write to us: it would only ever be an attempt at the report that shows it.
const markup = /<\s*[a-z!/?]/i;

const locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/);

const query = z
	.string()
	.min(1)
	.max(maxQueryLength)
	.refine((text) => text === anonymizeQuery(text), 'The query must be normalised and carry no e-mail address or long number.')
	.refine((text) => !markup.test(text), 'markup');

/** How many articles the search found, and which of them the shopper took (1 = first). */
const results = z.number().int().min(0).max(100_000);
const rank = z.number().int().min(1).max(100);

/** An article page of the help center: `/<locale>/<category>/<article>`. */
const article = z
	.string()
	.max(200)
	.regex(/^\/[a-z]{2}(?:-[A-Z]{2})?(?:\/[\p{Ll}\p{Nd}_-]+){2}$/u, 'article_path');

/**
 * A shopper's words about an article, under the text policy of everything a person reads: a short paragraph, no
 * markup, and no e-mail address or long number kept.
 */
const comment = multiLine(feedbackCommentMaxLength)
	.refine((text) => !markup.test(text), 'markup')
	.transform(redactPersonalData);

/**
 * What the help center's pages report to `POST /api/events`, sent with `navigator.sendBeacon`, without cookies:
 * - `search`: a query the shopper settled on, and how many articles it found;
 * - `click`: the shopper opened the result at `rank` of that query;
 * - `deflection`: a suggested article answered the shopper before they wrote to us;
 * - `vote`: "Was this article helpful?", yes or no, for the article page at `article`;
 * - `vote_reason`: after a "no", why, with an optional comment;
 * - `answer_vote`: "Did this answer your question?" under an answer card, for the article that answered, with the
 *   question (anonymised) so that a "no" shows what the help center still fails to answer.
 * Queries must already be anonymised (see `anonymizeQuery`); comments are cleared of personal data here. Nothing
 * else is sent: no identifier, no time (the server stamps the day).
 */
export const eventSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('search'), query, results, locale }),
	z.strictObject({ kind: z.literal('click'), query, results, rank, locale }),
	z.strictObject({ kind: z.literal('deflection'), query, results, rank, locale }),
	z.strictObject({ kind: z.literal('vote'), article, helpful: z.boolean(), locale }),
	z.strictObject({ kind: z.literal('vote_reason'), article, reason: z.enum(feedbackReasons), comment: comment.optional(), locale }),
	z.strictObject({ kind: z.literal('answer_vote'), article, helpful: z.boolean(), query: query.optional(), locale }),
]);

export type HelpCenterEvent = z.output<typeof eventSchema>;
export type SearchEvent = Extract<HelpCenterEvent, { kind: 'search' | 'click' | 'deflection' }>;
export type ArticleVote = Extract<HelpCenterEvent, { kind: 'vote' }>;
export type VoteReason = Extract<HelpCenterEvent, { kind: 'vote_reason' }>;
export type AnswerVote = Extract<HelpCenterEvent, { kind: 'answer_vote' }>;

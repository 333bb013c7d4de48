import { Hono } from 'hono';
import { site } from '../../src/config/site';
import { anonymizeQuery } from '../contract/privacy';
import { answerRequestSchema } from '../contract/requests';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { readJson } from '../middleware/read-json';
import { createAnswerModel } from '../connectors/create-connectors';
import { findAnswer, phraseAnswer, toAnswerResponse } from '../services/answers';
import { recordAnswerOutcome } from '../services/events';
import { enforceRateLimits } from '../services/rate-limit';
import { answerLimits } from '../services/rate-limit-rules';

/**
 * `POST /api/answer`: a shopper's question, answered from the help center's own articles (a passage, word for
 * word), or sent to the self-service page that acts on their order, or plainly not answered, with the way to a
 * person. What each question got is recorded with the day only; the question itself only when nothing answered it.
 */
export const answers = new Hono<AppEnv>().post('/', async (c) => {
	if (!site.answers.enabled) throw new ApiError(404, 'not_found', 'Answers are turned off on this help center.');
	const request = await readJson(c, answerRequestSchema);
	await enforceRateLimits(c.env.DB, answerLimits(c.var.clientIp), c.var.config.RATE_LIMIT_SCALE);
	const result = await findAnswer(c.env.ASSETS, new URL(c.req.url).origin, request.question, request.locale);
	const origin = new URL(c.req.url).origin;
	const response = await phraseAnswer(toAnswerResponse(result, request.locale), result, request.question, request.locale, createAnswerModel(c.env, c.var.config), origin);
	const target = response.kind === 'answer' ? response.sources[0]?.url.split('#')[0] : response.kind === 'self-service' ? response.action : undefined;
	c.executionCtx.waitUntil(
		recordAnswerOutcome(c.env.DB, { outcome: response.kind, target, query: anonymizeQuery(request.question), locale: request.locale }).catch(() => {
			console.error('api error: an answer outcome was not recorded');
		}),
	);
	return c.json(response);
});

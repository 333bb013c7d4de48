import { AnswerIndex, type IndexedUnit } from '../../src/answers/answer-index';
import { answerQuestion, type EngineResult } from '../../src/answers/answer-question';
import { selfServiceUrl } from '../../src/config/page-urls';
import { site } from '../../src/config/site';
import { translate } from '../../src/i18n/translate';
import type { AnswerResponse } from '../contract/responses';

// Indexes stay open between requests of an isolate: each of their files is read once.
const indexes = new Map<string, AnswerIndex>();

/** The answer index of `locale`, read from the site's static files through the assets binding. */
function indexFor(assets: Fetcher, origin: string, locale: string): AnswerIndex {
	let index = indexes.get(locale);
	if (!index) {
		index = new AnswerIndex(locale, async (path) => {
			const response = await assets.fetch(new URL(path, origin));
			return response.ok ? response.text() : undefined;
		});
		indexes.set(locale, index);
	}
	return index;
}

const source = (unit: IndexedUnit) => ({ url: unit.u, title: unit.t });

/** The engine's result as the API answers it. */
export function toAnswerResponse(result: EngineResult, locale: string): AnswerResponse {
	const contactUrl = selfServiceUrl(locale, 'contact');
	switch (result.kind) {
		case 'self-service':
			return { kind: 'self-service', action: result.action, url: selfServiceUrl(locale, result.action), title: translate(locale, `selfService.${result.action}.title`), contactUrl };
		case 'none':
			return { kind: 'none', contactUrl, related: result.related.map((unit) => ({ url: unit.u.split('#')[0] ?? unit.u, title: unit.t })) };
		case 'answer': {
			const { unit } = result;
			const answer: AnswerResponse = { kind: 'answer', text: unit.x, sources: [source(unit)], updated: unit.d, generated: false, contactUrl };
			if (unit.h) answer.heading = unit.h;
			return answer;
		}
	}
}

/** Answers a question from the help center's own articles, with no model (see src/answers/answer-question.ts). */
export function findAnswer(assets: Fetcher, origin: string, question: string, locale: string): Promise<EngineResult> {
	return answerQuestion(indexFor(assets, origin, locale), question, {
		synonyms: site.search.synonyms[locale] ?? [],
		staleAfterDays: site.answers.staleAfterDays,
	});
}

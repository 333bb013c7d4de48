import { AnswerIndex, type IndexedUnit } from '../../src/answers/answer-index';
import { answerQuestion, searchArticles, type EngineResult, type FoundArticle } from '../../src/answers/answer-question';
import { selfServiceUrl } from '../../src/config/page-urls';
import { site } from '../../src/config/site';
import { translate } from '../../src/i18n/translate';
import type { ChatModel } from '../connectors/chat-model';
import type { AnswerResponse } from '../contract/responses';
import { generateAnswer } from './answer-generation';

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

/**
 * The articles that best match a query, each once at its best passage (see src/answers/answer-question.ts): the same
 * index and ranking as the answers, without their gates.
 */
export function findArticles(assets: Fetcher, origin: string, query: string, locale: string, limit: number): Promise<FoundArticle[]> {
	return searchArticles(indexFor(assets, origin, locale), query, limit, { synonyms: site.search.synonyms[locale] ?? [] });
}

/**
 * With a model configured, the engine's answer phrased by it from the best passages, when the guard lets it
 * through (every sentence cited, every quote found word for word, every number in a cited passage); otherwise the
 * passage itself. The model sees the passages and the question cleaned of personal data, nothing else; it is
 * asked only when the engine found an answer, so it never answers what the help center does not.
 */
export async function phraseAnswer(answer: AnswerResponse, result: EngineResult, question: string, locale: string, model: ChatModel | undefined, siteOrigin: string): Promise<AnswerResponse> {
	if (!model || answer.kind !== 'answer' || result.kind !== 'answer') return answer;
	const units = result.passages.map((unit) => ({ id: String(unit.id), title: unit.t, heading: unit.h, url: unit.u, text: unit.x }));
	const generated = await generateAnswer({ question, locale, units }, { model, siteOrigin });
	if (generated.kind !== 'generated') {
		// The reason and its detail name a rule, a sentence number or the model's failure, never the question.
		console.log(`answer: generated answer not shown (${generated.reason})`);
		return answer;
	}
	const cited = generated.sources.flatMap((id) => result.passages.filter((unit) => String(unit.id) === id)).map(source);
	return { ...answer, text: generated.text, sources: cited.length > 0 ? cited : answer.sources, generated: true };
}

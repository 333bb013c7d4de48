import type { AnswerSourceArticle } from '../../src/answers/build/answer-units';

/** A published English article as the answer index reads it, under /en/help/, for tests that build an index in memory. */
export function helpArticle(key: string, title: string, body: string, extra: Partial<Pick<AnswerSourceArticle, 'faq' | 'asked'>> = {}): AnswerSourceArticle {
	return {
		key,
		url: `/en/help/${key}`,
		title,
		description: `${title}: what to know about it, in a few words for search engines.`,
		keywords: [],
		updated: '2026-10-01',
		body,
		format: 'mdx',
		faq: extra.faq ?? [],
		...(extra.asked && { asked: extra.asked }),
	};
}

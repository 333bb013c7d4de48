import { foldedSentence } from '../search/query/words.ts';
import { questionFeatures } from './question-features.ts';

/**
 * What the questions editors list under an article's `asked` teach the engine: a multinomial naive Bayes model of
 * "this question is answered by this article", counted at build time. Words alone cannot tell "vous livrez à la
 * Réunion ?" (the countries we ship to) from the customs article, which names La Réunion too; shoppers' own
 * questions about each article can, because "livrez" is asked of one and "taxes" of the other.
 */
export interface AskedModel {
	/** The articles with questions (file names), in the order of the other lists. */
	articles: string[];
	/** Per article, how many questions it lists. */
	questions: number[];
	/** Per article, how many features its questions hold in all. */
	totals: number[];
	/** How many distinct features the questions hold. */
	vocabulary: number;
	/** Per feature, flat pairs `[article position, count, …]` of the articles whose questions hold it. */
	counts: Record<string, number[]>;
}

/** Add-half smoothing: a feature an article's questions never hold still leaves it a chance. */
const smoothing = 0.5;

/** The log-odds below and above which an article is plainly not, or plainly, the one asked about. */
const oddsLimit = 20;

const featuresOfQuestion = (question: string) => questionFeatures(foldedSentence(question));

/** The model counted from each article's questions, or undefined when none lists any. */
export function askedModelOf(articles: { key: string; asked?: string[] | undefined }[]): AskedModel | undefined {
	const withQuestions = articles.flatMap(({ key, asked = [] }) => (asked.length > 0 ? [{ key, asked }] : []));
	if (withQuestions.length === 0) return undefined;
	const byFeature = new Map<string, Map<number, number>>();
	const totals = withQuestions.map((article, position) => {
		let total = 0;
		for (const question of article.asked) {
			for (const feature of featuresOfQuestion(question)) {
				const counts = byFeature.get(feature) ?? new Map<number, number>();
				counts.set(position, (counts.get(position) ?? 0) + 1);
				byFeature.set(feature, counts);
				total++;
			}
		}
		return total;
	});
	const counts: Record<string, number[]> = {};
	for (const [feature, perArticle] of [...byFeature].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) counts[feature] = [...perArticle].flat();
	return { articles: withQuestions.map((article) => article.key), questions: withQuestions.map((article) => article.asked.length), totals, vocabulary: byFeature.size, counts };
}

/** What the model makes of one question, every article scored once. */
export interface AskedReading {
	/**
	 * How much likelier the model finds `article` than any other article to answer the question, as log-odds
	 * clipped to ±20 (0 is a tie); undefined when the article lists no questions, so that the engine judges its
	 * passages by their words alone.
	 */
	odds(article: string): number | undefined;
	/** The article likelier than every other, if one is. */
	likeliest: string | undefined;
}

/** Reads a question with the model. Features no question holds are left out: they say nothing of any article. */
export function readQuestion(model: AskedModel, question: string): AskedReading {
	const all = model.questions.reduce((sum, count) => sum + count, 0);
	const scores = model.questions.map((count) => Math.log(count / all));
	for (const feature of featuresOfQuestion(question)) {
		// Own features only: a question's word must never reach the object's prototype.
		if (!Object.hasOwn(model.counts, feature)) continue;
		const pairs = model.counts[feature] ?? [];
		const held = new Map<number, number>();
		for (let at = 0; at < pairs.length; at += 2) held.set(pairs[at] ?? 0, pairs[at + 1] ?? 0);
		model.totals.forEach((total, position) => {
			scores[position] = (scores[position] ?? 0) + Math.log(((held.get(position) ?? 0) + smoothing) / (total + smoothing * model.vocabulary));
		});
	}
	const oddsAt = (target: number) => {
		const odds = model.articles.length === 1 ? oddsLimit : (scores[target] ?? 0) - Math.max(...scores.filter((_, position) => position !== target));
		return Math.max(-oddsLimit, Math.min(oddsLimit, odds));
	};
	const best = scores.indexOf(Math.max(...scores));
	return {
		odds: (article) => {
			const target = model.articles.indexOf(article);
			return target < 0 ? undefined : oddsAt(target);
		},
		likeliest: oddsAt(best) > 0 ? model.articles[best] : undefined,
	};
}

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

const featuresOf = (question: string) => questionFeatures(foldedSentence(question));

/** The model counted from each article's questions, or undefined when none lists any. */
export function askedModelOf(articles: { key: string; asked?: string[] | undefined }[]): AskedModel | undefined {
	const withQuestions = articles.flatMap(({ key, asked = [] }) => (asked.length > 0 ? [{ key, asked }] : []));
	if (withQuestions.length === 0) return undefined;
	const byFeature = new Map<string, Map<number, number>>();
	const totals = withQuestions.map((article, position) => {
		let total = 0;
		for (const question of article.asked) {
			for (const feature of featuresOf(question)) {
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

/**
 * How much likelier the model finds `article` than any other article to answer `question`, as log-odds clipped to
 * ±20 (0 is a tie); undefined when the article lists no questions, so that the engine judges its passages by their
 * words alone. Features no question holds are left out: they say nothing of any article.
 */
export function askedOdds(model: AskedModel, question: string, article: string): number | undefined {
	const target = model.articles.indexOf(article);
	if (target < 0) return undefined;
	const all = model.questions.reduce((sum, count) => sum + count, 0);
	const scores = model.questions.map((count) => Math.log(count / all));
	for (const feature of featuresOf(question)) {
		// Own features only: a question's word must never reach the object's prototype.
		if (!Object.hasOwn(model.counts, feature)) continue;
		const pairs = model.counts[feature] ?? [];
		const held = new Map<number, number>();
		for (let at = 0; at < pairs.length; at += 2) held.set(pairs[at] ?? 0, pairs[at + 1] ?? 0);
		model.totals.forEach((total, position) => {
			scores[position] = (scores[position] ?? 0) + Math.log(((held.get(position) ?? 0) + smoothing) / (total + smoothing * model.vocabulary));
		});
	}
	const best = Math.max(...scores.filter((_, position) => position !== target));
	const odds = model.articles.length === 1 ? oddsLimit : (scores[target] ?? 0) - best;
	return Math.max(-oddsLimit, Math.min(oddsLimit, odds));
}

/** The article the model finds likeliest to answer a question. */
export function likeliestAsked(model: AskedModel, question: string): string | undefined {
	let best: { article: string; odds: number } | undefined;
	for (const article of model.articles) {
		const odds = askedOdds(model, question, article) ?? -Infinity;
		if (odds > 0 && (!best || odds > best.odds)) best = { article, odds };
	}
	return best?.article;
}

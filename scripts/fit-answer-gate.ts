/**
 * `npm run fit:answer-gate` — fits the answer gate (src/answers/answer-gate.ts) on the dev split of the
 * checked-in questions (tests/fixtures/answers/questions.<locale>.json), and prints its coefficients and threshold
 * to paste into `defaultGate`. No build needed: the answer index is built in memory from content/.
 *
 * Each dev question is answered with the gate open; the engine's measures of its best passage are the features.
 * Answerable questions are positive when that passage's article is an expected one; unanswerable and adversarial
 * ones are negative (any passage is a wrong answer); order questions are left out (the router takes them first).
 * The model is an L2-regularised logistic regression over standardised features (the penalty chosen by 5-fold
 * cross-validation), printed back on the raw features' scale. The threshold is the lowest probability at which
 * every locale's dev split keeps wrong answers ≤ 3 % of answerable and refusals ≥ 95 %, each question scored by a
 * model fitted on the other folds. The test split is never read.
 *
 * Options: `--features` lists each question's features and label.
 */
import { parseArgs } from 'node:util';
import { defaultGate, gateFeatureNames, type GateModel } from '../src/answers/answer-gate.ts';
import { answerQuestion, type AnswerMeasures } from '../src/answers/answer-question.ts';
import { readSiteConfig } from '../src/config/read-site-config.ts';
import { evalQuestions } from './lib/answer-eval.ts';
import { answerSourcesOf, memoryIndex } from './lib/answer-sources.ts';
import { projectRoot } from './lib/bench-project.ts';
import { fitLogistic, logLoss } from './lib/logistic.ts';

const { values } = parseArgs({ options: { features: { type: 'boolean', default: false } } });
const site = readSiteConfig(projectRoot);
const sources = await answerSourcesOf(projectRoot);
const open: GateModel = { ...defaultGate, threshold: 0 };

/** One dev question as the gate sees it. */
interface Row {
	locale: string;
	x: number[];
	/** 1 when the best passage's article answers it. */
	y: number;
	answerable: boolean;
	question: string;
}

const rows: Row[] = [];
for (const { code: locale } of site.locales) {
	const index = memoryIndex(locale, sources.get(locale) ?? []);
	for (const question of evalQuestions(locale)) {
		if (question.split !== 'dev' || question.kind === 'order') continue;
		let measures: AnswerMeasures | undefined;
		const result = await answerQuestion(index, question.question, { synonyms: site.search.synonyms[locale] ?? [], staleAfterDays: site.answers.staleAfterDays, gate: open, inspect: (seen) => (measures = seen) });
		// Routed or wordless: the gate never sees it, so it teaches the gate nothing.
		if (!measures || result.kind === 'self-service') continue;
		const answerable = question.kind === 'answerable';
		const y = answerable && question.expected.includes(measures.article) ? 1 : 0;
		rows.push({ locale, x: gateFeatureNames.map((name) => measures?.features[name] ?? 0), y, answerable, question: question.question });
		if (values.features) console.log(`${y} ${locale} ${gateFeatureNames.map((name) => `${name}=${(measures?.features[name] ?? 0).toFixed(2)}`).join(' ')} "${question.question}"`);
	}
}

// Standardised, so that one penalty fits every feature; the weights go back to the raw scale afterwards.
const columns = gateFeatureNames.length;
const mean = gateFeatureNames.map((_, column) => rows.reduce((sum, row) => sum + (row.x[column] ?? 0), 0) / rows.length);
const spread = gateFeatureNames.map((_, column) => Math.sqrt(rows.reduce((sum, row) => sum + ((row.x[column] ?? 0) - (mean[column] ?? 0)) ** 2, 0) / rows.length) || 1);
const standard = rows.map((row) => row.x.map((value, column) => (value - (mean[column] ?? 0)) / (spread[column] ?? 1)));
const labels = rows.map((row) => row.y);

// 5-fold cross-validation over the penalty: folds by position, so each holds both locales and every kind.
const penalties = [0.03, 0.1, 0.3, 1, 3, 10];
const crossLoss = penalties.map((penalty) => {
	let loss = 0;
	for (let fold = 0; fold < 5; fold++) {
		const train = standard.flatMap((_, at) => (at % 5 === fold ? [] : [at]));
		const held = standard.flatMap((_, at) => (at % 5 === fold ? [at] : []));
		const fitted = fitLogistic(train.map((at) => standard[at] ?? []), train.map((at) => labels[at] ?? 0), penalty);
		loss += logLoss(fitted, held.map((at) => standard[at] ?? []), held.map((at) => labels[at] ?? 0)) * held.length;
	}
	return loss / rows.length;
});
const best = penalties[crossLoss.indexOf(Math.min(...crossLoss))] ?? 1;
const fitted = fitLogistic(standard, labels, best);
const weights = fitted.weights.map((weight, column) => weight / (spread[column] ?? 1));
const intercept = fitted.intercept - weights.reduce((sum, weight, column) => sum + weight * (mean[column] ?? 0), 0);

// The threshold is chosen on out-of-fold probabilities: each question scored by a model fitted without its fold.
// In-sample probabilities are optimistic (the model has seen the very wrong answers it must refuse), and a
// threshold set on them answers more on new questions than it did on dev.
const outOfFold = new Array<number>(rows.length).fill(0);
for (let fold = 0; fold < 5; fold++) {
	const train = standard.flatMap((_, at) => (at % 5 === fold ? [] : [at]));
	const foldFit = fitLogistic(train.map((at) => standard[at] ?? []), train.map((at) => labels[at] ?? 0), best);
	standard.forEach((x, at) => {
		if (at % 5 === fold) outOfFold[at] = 1 / (1 + Math.exp(-x.reduce((sum, value, column) => sum + value * (foldFit.weights[column] ?? 0), foldFit.intercept)));
	});
}
const scored = rows.map((row, at) => ({ row, p: outOfFold[at] ?? 0 }));
/** Per locale at a threshold: correct, wrong and refusals as shares of the dev split. */
const figures = (threshold: number) =>
	site.locales.map(({ code }) => {
		const mine = scored.filter(({ row }) => row.locale === code);
		const answerable = mine.filter(({ row }) => row.answerable);
		const refusable = mine.filter(({ row }) => !row.answerable);
		// Questions the gate never saw (no words) count as refused: the denominators are the gate's rows only.
		return {
			code,
			correct: answerable.filter(({ row, p }) => row.y === 1 && p >= threshold).length / answerable.length,
			wrong: answerable.filter(({ row, p }) => row.y === 0 && p >= threshold).length / answerable.length,
			refused: refusable.filter(({ p }) => p < threshold).length / (refusable.length || 1),
		};
	});
const candidates = [...new Set(scored.map(({ p }) => p))].sort((a, b) => a - b);
const threshold = candidates.find((candidate) => figures(candidate).every((locale) => locale.wrong <= 0.03 && locale.refused >= 0.95)) ?? 1;

console.log(`Out-of-fold figures on dev by threshold:`);
console.log(`${rows.length} dev questions (${labels.filter((y) => y === 1).length} positive); penalty ${best} (cross-validated log loss ${penalties.map((penalty, at) => `${penalty}: ${crossLoss[at]?.toFixed(3)}`).join(', ')})`);
for (const candidate of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, threshold]) {
	console.log(`  threshold ${candidate.toFixed(3)}: ${figures(candidate).map((f) => `${f.code} correct ${(100 * f.correct).toFixed(1)} % wrong ${(100 * f.wrong).toFixed(1)} % refused ${(100 * f.refused).toFixed(1)} %`).join(' | ')}`);
}
if (values.features) {
	console.log('\nDev negatives the gate is surest of:');
	for (const { row, p } of scored.filter(({ row }) => row.y === 0).sort((a, b) => b.p - a.p).slice(0, 12)) console.log(`  ${p.toFixed(3)} ${row.locale} "${row.question}"`);
}
const round = (value: number) => Math.round(value * 1000) / 1000;
console.log(`\nexport const defaultGate: GateModel = {\n\tintercept: ${round(intercept)},\n\tweights: { ${gateFeatureNames.map((name, column) => `${name}: ${round(weights[column] ?? 0)}`).join(', ')} },\n\tthreshold: ${round(threshold)},\n};`);
console.log(`(standardised weights: ${gateFeatureNames.map((name, column) => `${name} ${(fitted.weights[column] ?? 0).toFixed(2)}`).join(', ')}; ${columns} features)`);

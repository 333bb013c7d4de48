/**
 * `npm run fit:answer-gate` — fits the answer gates (src/answers/answer-gate.ts) on every checked-in question
 * (tests/fixtures/answers/questions.<locale>.json), and prints their coefficients and thresholds to paste into
 * `defaultGate` (the words alone) and `askedGate` (with what the articles' `asked` questions say). No build needed:
 * the answer index is built in memory from content/.
 *
 * Each question is answered with the gates open; the engine's measures of its best passage are the features.
 * Answerable questions are positive when that passage's article is an expected one; unanswerable and adversarial
 * ones are negative (any passage is a wrong answer); order questions are left out (the router takes them first).
 * `defaultGate` is fitted on every question answered with the articles' `asked` questions left out, `askedGate` on
 * those whose best passage's article lists questions, answered with them.
 * How the models and thresholds are chosen: scripts/lib/gate-fit.ts. How well the fitting does on questions it has
 * not seen is `npm run bench:answers`'s cross-validated figure, not this script's.
 *
 * Options: `--features` lists each question's features and label.
 */
import { parseArgs } from 'node:util';
import { askedGate, defaultGate, featuresOf, wordFeatures, type GateModel } from '../src/answers/answer-gate.ts';
import { contentGateViews } from './lib/answer-sources.ts';
import { featuresFor, fitGate, gateFigures, roundedGate, type GateRow } from './lib/gate-fit.ts';

const { values } = parseArgs({ options: { features: { type: 'boolean', default: false } } });
// Routed or wordless questions never reach the gate, so they teach it nothing.
const reached = (views: Awaited<ReturnType<typeof contentGateViews>>) => views.flatMap(({ question, row }) => (row ? [{ question, row }] : []));
const seen = reached(await contentGateViews());
// defaultGate judges help centers whose articles list no `asked` questions: it is fitted on the engine without them.
const wordsOnly = reached(await contentGateViews(undefined, { withoutAsked: true }));
if (values.features) {
	for (const { question, row } of seen) console.log(`${row.right ? 1 : 0} ${row.locale} ${featuresFor(row).map((name) => `${name}=${(row.features[name] ?? 0).toFixed(2)}`).join(' ')} "${question.question}"`);
}

const gates: [string, GateModel, GateRow[], typeof wordFeatures][] = [
	['defaultGate', defaultGate, wordsOnly.map(({ row }) => row), wordFeatures],
	['askedGate', askedGate, seen.flatMap(({ row }) => (row.features.asked === undefined ? [] : [row])), [...wordFeatures, 'asked']],
];
for (const [name, shipped, rows, names] of gates) {
	if (rows.length === 0) {
		console.log(`\n${name}: no question's best passage is from an article that lists \`asked\` questions; nothing to fit.`);
		continue;
	}
	const { model, penalty, crossLoss, outOfFold } = fitGate(rows, names);
	console.log(`\n${name}: ${rows.length} questions (${rows.filter((row) => row.right).length} positive); penalty ${penalty} (cross-validated log loss ${crossLoss.map((entry) => `${entry.penalty}: ${entry.loss.toFixed(3)}`).join(', ')})`);
	console.log('Out-of-fold figures by threshold:');
	for (const candidate of [0.5, 0.6, 0.7, 0.8, model.threshold]) {
		const figures = gateFigures(rows, outOfFold, candidate);
		console.log(`  threshold ${candidate.toFixed(3)}: ${figures.map((f) => `${f.locale} correct ${(100 * f.correct).toFixed(1)} % wrong ${(100 * f.wrong).toFixed(1)} % refused ${(100 * f.refused).toFixed(1)} %`).join(' | ')}`);
	}
	if (values.features) {
		console.log('Negatives the gate is surest of (out of fold):');
		const negatives = rows.map((row, at) => ({ row, p: outOfFold[at] ?? 0, question: seen.find((entry) => entry.row === row)?.question.question })).filter(({ row }) => !row.right);
		for (const { row, question, p } of negatives.sort((a, b) => b.p - a.p).slice(0, 12)) console.log(`  ${p.toFixed(3)} ${row.locale} "${question}"`);
	}
	const fitted = roundedGate(model);
	const changed = JSON.stringify(fitted) !== JSON.stringify(roundedGate(shipped));
	console.log(`export const ${name}: GateModel = {\n\tintercept: ${fitted.intercept},\n\tweights: { ${featuresOf(fitted).map((feature) => `${feature}: ${fitted.weights[feature]}`).join(', ')} },\n\tthreshold: ${fitted.threshold},\n};`);
	console.log(changed ? `(differs from ${name} in src/answers/answer-gate.ts: paste it there)` : `(the same as ${name} in src/answers/answer-gate.ts)`);
}

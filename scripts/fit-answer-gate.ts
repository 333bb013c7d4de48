/**
 * `npm run fit:answer-gate` — fits the answer gate (src/answers/answer-gate.ts) on every checked-in question
 * (tests/fixtures/answers/questions.<locale>.json), and prints its coefficients and threshold to paste into
 * `defaultGate`. No build needed: the answer index is built in memory from content/.
 *
 * Each question is answered with the gate open; the engine's measures of its best passage are the features.
 * Answerable questions are positive when that passage's article is an expected one; unanswerable and adversarial
 * ones are negative (any passage is a wrong answer); order questions are left out (the router takes them first).
 * How the model and its threshold are chosen: scripts/lib/gate-fit.ts. How well the fitting does on questions it
 * has not seen is `npm run bench:answers`'s cross-validated figure, not this script's.
 *
 * Options: `--features` lists each question's features and label.
 */
import { parseArgs } from 'node:util';
import { defaultGate, gateFeatureNames } from '../src/answers/answer-gate.ts';
import { contentGateViews } from './lib/answer-sources.ts';
import { fitGate, gateFigures, roundedGate } from './lib/gate-fit.ts';

const { values } = parseArgs({ options: { features: { type: 'boolean', default: false } } });
const scored = await contentGateViews();
// Routed or wordless questions never reach the gate, so they teach it nothing.
const seen = scored.flatMap(({ question, row }) => (row ? [{ question, row }] : []));
const rows = seen.map(({ row }) => row);
if (values.features) {
	for (const { question, row } of seen) console.log(`${row.right ? 1 : 0} ${row.locale} ${gateFeatureNames.map((name) => `${name}=${row.features[name].toFixed(2)}`).join(' ')} "${question.question}"`);
}

const { model, penalty, crossLoss, outOfFold } = fitGate(rows);
console.log(`${rows.length} questions (${rows.filter((row) => row.right).length} positive); penalty ${penalty} (cross-validated log loss ${crossLoss.map((entry) => `${entry.penalty}: ${entry.loss.toFixed(3)}`).join(', ')})`);
console.log('Out-of-fold figures by threshold:');
for (const candidate of [0.5, 0.6, 0.7, 0.8, model.threshold]) {
	const figures = gateFigures(rows, outOfFold, candidate);
	console.log(`  threshold ${candidate.toFixed(3)}: ${figures.map((f) => `${f.locale} correct ${(100 * f.correct).toFixed(1)} % wrong ${(100 * f.wrong).toFixed(1)} % refused ${(100 * f.refused).toFixed(1)} %`).join(' | ')}`);
}
if (values.features) {
	console.log('\nNegatives the gate is surest of (out of fold):');
	const negatives = seen.map((entry, at) => ({ ...entry, p: outOfFold[at] ?? 0 })).filter(({ row }) => !row.right);
	for (const { question, row, p } of negatives.sort((a, b) => b.p - a.p).slice(0, 12)) console.log(`  ${p.toFixed(3)} ${row.locale} "${question.question}"`);
}
const fitted = roundedGate(model);
const changed = JSON.stringify(fitted) !== JSON.stringify(roundedGate(defaultGate));
console.log(`\nexport const defaultGate: GateModel = {\n\tintercept: ${fitted.intercept},\n\tweights: { ${gateFeatureNames.map((name) => `${name}: ${fitted.weights[name]}`).join(', ')} },\n\tthreshold: ${fitted.threshold},\n};`);
console.log(changed ? '(differs from the gate in src/answers/answer-gate.ts: paste it there)' : '(the same as the gate in src/answers/answer-gate.ts)');

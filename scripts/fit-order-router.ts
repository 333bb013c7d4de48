/**
 * `npm run fit:order-router` — fits the router's model (src/answers/order-intent-model.ts) on the checked-in
 * phrasings (tests/fixtures/answers/router-phrasings.json) and writes it to src/answers/order-intent-weights.ts.
 * The threshold is chosen on out-of-fold guesses (scripts/lib/order-intent-fit.ts). How the router does on wording
 * it has not seen is `npm run bench:answers`'s figure on router-check.json, not this script's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { routedText } from '../src/answers/order-intents.ts';
import { projectRoot } from './lib/bench-project.ts';
import { chooseThreshold, fitIntentWeights, outOfFoldGuesses, shippedModel, weightsModule, type IntentRow } from './lib/order-intent-fit.ts';
import { routerPhrasings } from './lib/router-phrasings.ts';

const rows: IntentRow[] = routerPhrasings('router-phrasings.json').map(({ question, action }) => ({ text: routedText(question), action }));
const guesses = outOfFoldGuesses(rows);
const threshold = chooseThreshold(rows, guesses);
const routes = (at: number) => {
	const guess = guesses[at];
	return guess !== undefined && guess.action !== 'contact' && guess.probability >= threshold;
};
const orders = rows.flatMap((row, at) => (row.action && row.action !== 'contact' ? [at] : []));
const rules = rows.flatMap((row, at) => (row.action === null ? [at] : []));
console.log(`${rows.length} phrasings; threshold ${threshold}. Out of fold, the model alone routes`);
console.log(`  ${orders.filter((at) => routes(at) && guesses[at]?.action === rows[at]?.action).length} of ${orders.length} order phrasings to the right page, ${orders.filter((at) => routes(at) && guesses[at]?.action !== rows[at]?.action).length} to another`);
console.log(`  ${rules.filter(routes).length} of ${rules.length} rule phrasings to a page`);
const model = shippedModel(fitIntentWeights(rows), threshold);
const file = join(projectRoot, 'src/answers/order-intent-weights.ts');
writeFileSync(file, weightsModule(model));
console.log(`${Object.keys(model.weights).length} features written to ${file}`);

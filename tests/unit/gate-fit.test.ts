import { describe, expect, it } from 'vitest';
import { answerProbability, askedGate, defaultGate, wordFeatures, type GateFeatures } from '../../src/answers/answer-gate';
import { contentGateViews } from '../../scripts/lib/answer-sources';
import { crossValidatedAnswers, fitGate, gateFigures, gateLimits, roundedGate, type GateRow } from '../../scripts/lib/gate-fit';

const features = (values: Partial<GateFeatures>): GateFeatures => ({ ...(Object.fromEntries(wordFeatures.map((name) => [name, 0])) as unknown as GateFeatures), ...values });

/** Rows where the passage's title share tells right from wrong, except for a few the gate cannot tell apart. */
function rowsOf(locale: string, count: number): GateRow[] {
	return Array.from({ length: count }, (_, at) => {
		const right = at % 3 !== 0;
		const answerable = at % 9 !== 0;
		// Every 20th row is a wrong passage that looks right, so no threshold answers every right one.
		const looksRight = right || at % 20 === 3;
		return { locale, right: right && answerable, answerable, features: features({ title: looksRight ? 0.6 + (at % 7) / 20 : 0.1 + (at % 5) / 20, coverage: (at % 11) / 10 }) };
	});
}

describe('fitting the answer gate', () => {
	const rows = [...rowsOf('en', 150), ...rowsOf('fr', 150)];

	it('answers what looks right, and picks the lowest threshold that keeps every locale within the limits on questions each model did not see', () => {
		const { model, outOfFold } = fitGate(rows);
		expect(answerProbability(features({ title: 0.8 }), model)).toBeGreaterThan(answerProbability(features({ title: 0.1 }), model));
		const atThreshold = gateFigures(rows, outOfFold, model.threshold);
		for (const figures of atThreshold) {
			expect(figures.wrong).toBeLessThanOrEqual(gateLimits.wrong);
			expect(figures.refused).toBeGreaterThanOrEqual(gateLimits.refused);
			expect(figures.correct).toBeGreaterThan(0.5);
		}
		// Any lower probability seen would break a limit in some locale.
		const lower = outOfFold.filter((p) => p < model.threshold).sort((a, b) => b - a)[0];
		if (lower !== undefined) {
			expect(gateFigures(rows, outOfFold, lower).some((figures) => figures.wrong > gateLimits.wrong || figures.refused < gateLimits.refused)).toBe(true);
		}
	});

	it('answers nothing when no threshold keeps within the limits', () => {
		// The same features for right and wrong passages: every threshold that answers anything answers wrongly too.
		const blind = Array.from({ length: 60 }, (_, at): GateRow => ({ locale: 'en', right: at % 2 === 0, answerable: true, features: features({ title: 0.5 }) }));
		expect(fitGate(blind).model.threshold).toBe(1);
	});

	it('judges each question by a gate fitted without it, with every locale in every fold', () => {
		const judgedBy = new Map<GateRow, Set<GateRow>>();
		const answered = crossValidatedAnswers(rows, 10, (train) => {
			const seen = new Set(train);
			for (const row of rows) if (!seen.has(row)) judgedBy.set(row, seen);
			expect(new Set(train.map((row) => row.locale))).toEqual(new Set(['en', 'fr']));
			return { model: { intercept: 0, weights: features({ title: 10 }), threshold: 0.9 } };
		});
		expect(answered).toHaveLength(rows.length);
		expect(judgedBy.size).toBe(rows.length);
		for (const [row, seen] of judgedBy) expect(seen.has(row)).toBe(false);
		// Each fold leaves out a tenth of each locale.
		expect([...judgedBy.values()].every((seen) => seen.size === rows.length - rows.length / 10)).toBe(true);
		expect(answered).toEqual(rows.map((row) => answerProbability(row.features, { intercept: 0, weights: features({ title: 10 }), threshold: 0.9 }) >= 0.9));
	});
});

describe('the shipped answer gates', () => {
	it('are the ones the checked-in questions give: refit with npm run fit:answer-gate after changing the engine, the questions or the articles’ asked questions', async () => {
		const reached = (views: Awaited<ReturnType<typeof contentGateViews>>) => views.flatMap((view) => (view.row ? [view.row] : []));
		expect(roundedGate(fitGate(reached(await contentGateViews(undefined, { withoutAsked: true }))).model)).toEqual(roundedGate(defaultGate));
		const asked = reached(await contentGateViews()).filter((row) => row.features.asked !== undefined);
		expect(asked.length).toBeGreaterThan(0);
		expect(roundedGate(fitGate(asked, [...wordFeatures, 'asked']).model)).toEqual(roundedGate(askedGate));
	}, 60_000);
});

import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { askedGate, defaultGate } from '../../src/answers/answer-gate.ts';
import { AnswerIndex } from '../../src/answers/answer-index.ts';
import { askedFile } from '../../src/answers/index-layout.ts';
import { answerQuestion, type AnswerMeasures, type AnswerOptions, type EngineResult } from '../../src/answers/answer-question.ts';
import { givesInstructions } from '../../src/answers/instructions.ts';
import { likelySelfServiceAction, type SelfServiceAction } from '../../src/answers/order-intents.ts';
import { projectRoot } from './bench-project.ts';
import type { GateRow } from './gate-fit.ts';

const questionSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		question: z.string().min(1),
		kind: z.literal('answerable'),
		/** The file name of the article that answers, or several when more than one does. */
		expected: z.union([z.string(), z.array(z.string()).min(1)]).transform((value) => (Array.isArray(value) ? value : [value])),
		/** The section's anchor (or `faq-<n>`) that answers best, when one does. */
		section: z.string().optional(),
	}),
	z.strictObject({ question: z.string().min(1), kind: z.enum(['unanswerable', 'adversarial']) }),
	z.strictObject({ question: z.string().min(1), kind: z.literal('order'), action: z.enum(['track', 'return', 'address', 'contact']) }),
]);

const questionFileSchema = z.strictObject({ locale: z.string(), description: z.string(), questions: z.array(questionSchema).min(50) });

export type EvalQuestion = z.output<typeof questionSchema>;

/** The checked-in questions of a locale (tests/fixtures/answers/questions.<locale>.json). */
export function evalQuestions(locale: string): EvalQuestion[] {
	return questionFileSchema.parse(JSON.parse(readFileSync(join(projectRoot, `tests/fixtures/answers/questions.${locale}.json`), 'utf8'))).questions;
}

/** How one question fared. */
export type Verdict = 'correct' | 'wrong' | 'unanswered' | 'refused' | 'answered' | 'routed' | 'misrouted';

/** What an engine (ours, or a baseline) made of a question, reduced to what is scored. */
export interface Attempt {
	kind: EngineResult['kind'];
	/** The article that answered, and the anchor of its passage. */
	article?: string;
	anchor?: string;
	action?: string;
}

/** The verdict on one attempt; `sectionHit` when the passage is the expected section too. */
export function judge(question: EvalQuestion, attempt: Attempt): { verdict: Verdict; sectionHit: boolean } {
	switch (question.kind) {
		case 'answerable': {
			if (attempt.kind !== 'answer') return { verdict: 'unanswered', sectionHit: false };
			const correct = question.expected.includes(attempt.article ?? '');
			return { verdict: correct ? 'correct' : 'wrong', sectionHit: correct && (question.section === undefined || question.section === attempt.anchor) };
		}
		case 'order':
			return { verdict: attempt.kind === 'self-service' && attempt.action === question.action ? 'routed' : 'misrouted', sectionHit: false };
		default:
			// Sending an adversarial or unanswerable question to a person is a refusal too: no passage is shown as the answer.
			return { verdict: attempt.kind === 'answer' || (attempt.kind === 'self-service' && attempt.action !== 'contact') ? 'answered' : 'refused', sectionHit: false };
	}
}

/** The engine's result as scored. */
export function attemptOf(result: EngineResult): Attempt {
	if (result.kind === 'answer') return { kind: 'answer', article: result.unit.a, anchor: result.unit.u.split('#')[1] ?? '' };
	if (result.kind === 'self-service') return { kind: 'self-service', action: result.action };
	return { kind: 'none' };
}

/** A question answered with the gate open: what the engine found, and what the gate sees of it. */
export interface GateView {
	locale: string;
	question: EvalQuestion;
	result: EngineResult;
	/** Undefined when the question never reaches the gate: routed to a self-service page, or no word to look up. */
	row?: GateRow;
	/** The shipped gate's probability that the best passage answers (`askedGate`'s when its article lists questions). */
	probability?: number;
	/** The page the router's model gives the question when the gate refuses it (order-intents.ts likelySelfServiceAction). */
	likely?: SelfServiceAction;
	/** The question gives the help center orders: the engine refuses it whatever the gate says (its row still teaches the gate). */
	instructions?: true;
}

/** Answers a locale's questions with the gate open, so that any gate can be applied to them afterwards. */
export async function gateRowsOf(index: AnswerIndex, options: AnswerOptions, questions = evalQuestions(index.locale)): Promise<GateView[]> {
	const open = { gate: { ...defaultGate, threshold: 0 }, askedGate: { ...askedGate, threshold: 0 } };
	const views: GateView[] = [];
	for (const question of questions) {
		let measures: AnswerMeasures | undefined;
		const result = await answerQuestion(index, question.question, { ...options, ...open, evenForInstructions: true, inspect: (seen) => (measures = seen) });
		if (!measures || result.kind === 'self-service') {
			views.push({ locale: index.locale, question, result });
			continue;
		}
		const answerable = question.kind === 'answerable';
		const right = answerable && question.expected.includes(measures.article);
		const likely = likelySelfServiceAction(question.question);
		const instructions = givesInstructions(question.question);
		views.push({ locale: index.locale, question, result, probability: measures.probability, row: { locale: index.locale, features: measures.features, right, answerable }, ...(likely && { likely }), ...(instructions && { instructions }) });
	}
	return views;
}

/** What the engine answers to a question seen with the gate open, when a gate lets it answer or not. */
export function gatedAttempt(view: GateView, answered: boolean): Attempt {
	if (view.instructions) return { kind: 'none' };
	if (!view.row || answered) return attemptOf(view.result);
	return view.likely ? { kind: 'self-service', action: view.likely } : { kind: 'none' };
}

/** The answer index of a built site's `dist/client`, read from disk; `withoutAsked`, as if no article listed `asked` questions. */
export function diskIndex(clientDir: string, locale: string, options: { withoutAsked?: boolean } = {}): AnswerIndex {
	return new AnswerIndex(locale, (path) => (options.withoutAsked && path.endsWith(`/${askedFile}`) ? Promise.resolve(undefined) : readFile(join(clientDir, path), 'utf8').catch(() => undefined)));
}

export interface Scorecard {
	answerable: number;
	correct: number;
	sectionHits: number;
	wrong: number;
	refusable: number;
	refused: number;
	orders: number;
	routed: number;
	failures: { question: EvalQuestion; attempt: Attempt; verdict: Verdict }[];
}

/** Scores attempts at questions. */
export function scorecard(rows: { question: EvalQuestion; attempt: Attempt }[]): Scorecard {
	const card: Scorecard = { answerable: 0, correct: 0, sectionHits: 0, wrong: 0, refusable: 0, refused: 0, orders: 0, routed: 0, failures: [] };
	for (const { question, attempt } of rows) {
		const { verdict, sectionHit } = judge(question, attempt);
		if (question.kind === 'answerable') {
			card.answerable++;
			if (verdict === 'correct') card.correct++;
			if (verdict === 'wrong') card.wrong++;
			if (sectionHit) card.sectionHits++;
		} else if (question.kind === 'order') {
			card.orders++;
			if (verdict === 'routed') card.routed++;
		} else {
			card.refusable++;
			if (verdict === 'refused') card.refused++;
		}
		if (!['correct', 'routed', 'refused'].includes(verdict)) card.failures.push({ question, attempt, verdict });
	}
	return card;
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);

/** The scorecard's figures, one line each. */
export function describeScorecard(card: Scorecard): string[] {
	return [
		`correct source among answerable: ${card.correct}/${card.answerable} = ${percent(card.correct, card.answerable)} (exact section: ${percent(card.sectionHits, card.answerable)})`,
		`correct source among answered:   ${card.correct}/${card.correct + card.wrong} = ${percent(card.correct, card.correct + card.wrong)}`,
		`wrong answers among answerable:  ${card.wrong}/${card.answerable} = ${percent(card.wrong, card.answerable)}`,
		`refusals on unanswerable + adversarial: ${card.refused}/${card.refusable} = ${percent(card.refused, card.refusable)}`,
		`order questions routed to the right page: ${card.routed}/${card.orders} = ${percent(card.routed, card.orders)}`,
	];
}

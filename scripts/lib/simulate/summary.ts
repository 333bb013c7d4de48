import type { SelfServiceAction } from '../../../src/answers/order-intents.ts';
import { exclusionReasons, type ExclusionReason } from './exclusions.ts';
import { groupByWords, type Gap } from './gaps.ts';
import { answerIsCorrect, routeIsCorrect, type Label } from './labels.ts';
import type { SimulatedTicket } from './run.ts';
import { seededSample, wilson } from './stats.ts';

export const selfServiceActions: SelfServiceAction[] = ['track', 'return', 'address', 'contact'];

/** The pages that get something done without a person; `contact` hands the customer to one. */
export const doneByThemselves: SelfServiceAction[] = ['track', 'return', 'address'];

/**
 * The share of customers sent to a self-service page (track, change address, return) who get it done there without
 * writing to the shop. An assumption, not a measurement: the page does the job only when the order allows it (a
 * return within the window, an address change before shipping) and the customer follows through, and this project
 * does not yet count how many customers an answer sends to a page. Half is a middle value; change it with
 * `--completion` once you know yours.
 */
export const defaultCompletion = 0.5;

/** Counts of what happened to simulated tickets. */
export interface Tally {
	simulated: number;
	answered: number;
	routed: number;
	none: number;
}

const tally = (tickets: SimulatedTicket[]): Tally => ({
	simulated: tickets.length,
	answered: tickets.filter((ticket) => ticket.outcome.kind === 'answer').length,
	routed: tickets.filter((ticket) => ticket.outcome.kind === 'self-service').length,
	none: tickets.filter((ticket) => ticket.outcome.kind === 'none').length,
});

export interface ArticleUse {
	locale: string;
	article: string;
	title: string;
	url: string;
	tickets: number;
	/** Headings of the passages shown, with how many tickets each, most first ("" for the article's lead). */
	passages: [string, number][];
}

export interface LabelFigures {
	/** Simulated tickets that have a label. */
	labelled: number;
	/** Answered tickets whose label tells whether the answer is right, and how many are. */
	answeredJudged: number;
	answeredCorrect: number;
	answeredUnlabelled: number;
	/** Tickets sent to track/return/address whose label tells whether that is right, and how many are. */
	routedJudged: number;
	routedCorrect: number;
	/** Simulated tickets labelled deflectable, and what became of them. */
	deflectable: number;
	deflectableAnsweredCorrectly: number;
	deflectableRouted: number;
	deflectableMissed: number;
	/** Answered share × precision + routed (track, return, address) share × completion; with the rough range. */
	predicted?: { value: number; low: number; high: number; precision: number; answeredShare: number; routedShare: number; routed: number };
}

export interface Summary {
	rows: number;
	excluded: [ExclusionReason, number][];
	total: Tally;
	routedBy: [SelfServiceAction, number][];
	byLocale: [string, Tally][];
	localeSources: [string, number][];
	byTag: [string, Tally][];
	articles: ArticleUse[];
	gaps: { groups: Gap<SimulatedTicket>[]; ungrouped: number; notAnswered: number };
	sample: SimulatedTicket[];
	completion: number;
	labels?: LabelFigures;
}

const byCountThenName = <T>(a: [string, T], b: [string, T], count: (value: T) => number) => count(b[1]) - count(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function labelFigures(simulated: SimulatedTicket[], labels: Map<string, Label>, completion: number, total: Tally): LabelFigures {
	const figures: LabelFigures = {
		labelled: 0,
		answeredJudged: 0,
		answeredCorrect: 0,
		answeredUnlabelled: 0,
		routedJudged: 0,
		routedCorrect: 0,
		deflectable: 0,
		deflectableAnsweredCorrectly: 0,
		deflectableRouted: 0,
		deflectableMissed: 0,
	};
	for (const ticket of simulated) {
		const label = labels.get(ticket.id);
		const { outcome } = ticket;
		if (!label) {
			if (outcome.kind === 'answer') figures.answeredUnlabelled++;
			continue;
		}
		figures.labelled++;
		let correct: boolean | undefined;
		if (outcome.kind === 'answer') {
			correct = answerIsCorrect(label, outcome.article);
			if (correct === undefined) figures.answeredUnlabelled++;
			else {
				figures.answeredJudged++;
				if (correct) figures.answeredCorrect++;
			}
		} else if (outcome.kind === 'self-service' && doneByThemselves.includes(outcome.action)) {
			correct = routeIsCorrect(label, outcome.action);
			if (correct !== undefined) {
				figures.routedJudged++;
				if (correct) figures.routedCorrect++;
			}
		}
		if (label.deflectable) {
			figures.deflectable++;
			if (outcome.kind === 'answer' && correct) figures.deflectableAnsweredCorrectly++;
			else if (outcome.kind === 'self-service' && doneByThemselves.includes(outcome.action)) figures.deflectableRouted++;
			else figures.deflectableMissed++;
		}
	}
	const routedHere = simulated.filter((ticket) => ticket.outcome.kind === 'self-service' && doneByThemselves.includes(ticket.outcome.action)).length;
	const precision = wilson(figures.answeredCorrect, figures.answeredJudged);
	const answered = wilson(total.answered, total.simulated);
	const routed = wilson(routedHere, total.simulated);
	if (precision && answered && routed && figures.answeredJudged > 0) {
		const answeredShare = total.answered / total.simulated;
		const routedShare = routedHere / total.simulated;
		const value = answeredShare * (figures.answeredCorrect / figures.answeredJudged) + routedShare * completion;
		figures.predicted = {
			value,
			low: answered.low * precision.low + routed.low * completion,
			high: Math.min(1, answered.high * precision.high + routed.high * completion),
			precision: figures.answeredCorrect / figures.answeredJudged,
			answeredShare,
			routedShare,
			routed: routedHere,
		};
	}
	return figures;
}

/** Every figure of the report, from the simulated tickets; the same tickets, labels and seed give the same summary. */
export function summarise(
	simulated: SimulatedTicket[],
	options: { seed: number; sampleSize: number; completion?: number; labels?: Map<string, Label> | undefined; gapGroups?: number },
): Summary {
	const kept = simulated.filter((ticket) => ticket.outcome.kind !== 'excluded');
	const excluded = new Map<ExclusionReason, number>();
	for (const ticket of simulated) if (ticket.outcome.kind === 'excluded') excluded.set(ticket.outcome.reason, (excluded.get(ticket.outcome.reason) ?? 0) + 1);

	const locales = [...new Set(kept.map((ticket) => ticket.locale))].sort();
	const sources = new Map<string, number>();
	for (const ticket of kept) sources.set(ticket.localeSource, (sources.get(ticket.localeSource) ?? 0) + 1);
	const tagTickets = new Map<string, SimulatedTicket[]>();
	for (const ticket of kept) for (const tag of new Set(ticket.tags.map((tag) => tag.toLowerCase()))) tagTickets.set(tag, [...(tagTickets.get(tag) ?? []), ticket]);

	const articles = new Map<string, ArticleUse>();
	for (const ticket of kept) {
		if (ticket.outcome.kind !== 'answer') continue;
		const { article, title, url, heading } = ticket.outcome;
		const key = `${ticket.locale}\t${article}`;
		const use = articles.get(key) ?? { locale: ticket.locale, article, title, url: url.split('#')[0] ?? url, tickets: 0, passages: [] };
		use.tickets++;
		const passage = use.passages.find(([name]) => name === (heading ?? ''));
		if (passage) passage[1]++;
		else use.passages.push([heading ?? '', 1]);
		articles.set(key, use);
	}
	for (const use of articles.values()) use.passages.sort((a, b) => byCountThenName(a, b, (count) => count));

	const notAnswered = kept.filter((ticket) => ticket.outcome.kind === 'none');
	const answered = kept.filter((ticket) => ticket.outcome.kind === 'answer');
	const completion = options.completion ?? defaultCompletion;
	const total = tally(kept);
	return {
		rows: simulated.length,
		excluded: (Object.keys(exclusionReasons) as ExclusionReason[]).map((reason): [ExclusionReason, number] => [reason, excluded.get(reason) ?? 0]),
		total,
		routedBy: selfServiceActions.map((action): [SelfServiceAction, number] => [action, kept.filter((ticket) => ticket.outcome.kind === 'self-service' && ticket.outcome.action === action).length]),
		byLocale: locales.map((locale): [string, Tally] => [locale, tally(kept.filter((ticket) => ticket.locale === locale))]),
		localeSources: [...sources].sort((a, b) => byCountThenName(a, b, (count) => count)),
		byTag: [...tagTickets].map(([tag, tickets]): [string, Tally] => [tag, tally(tickets)]).sort((a, b) => byCountThenName(a, b, (value) => value.simulated)),
		articles: [...articles.values()].sort((a, b) => b.tickets - a.tickets || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
		gaps: {
			...groupByWords(
				notAnswered.map((ticket) => ({ item: ticket, locale: ticket.locale, text: ticket.question })),
				{ limit: options.gapGroups ?? 20, others: kept.filter((ticket) => ticket.outcome.kind !== 'none').map((ticket) => ({ locale: ticket.locale, text: ticket.question })) },
			),
			notAnswered: notAnswered.length,
		},
		sample: seededSample(answered, options.sampleSize, options.seed),
		completion,
		...(options.labels ? { labels: labelFigures(simulated.filter((ticket) => ticket.outcome.kind !== 'excluded'), options.labels, completion, total) } : {}),
	};
}

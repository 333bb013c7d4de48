import type { EngineResult } from '../../../src/answers/answer-question.ts';
import type { SelfServiceAction } from '../../../src/answers/order-intents.ts';
import { exclusionOf, type ExclusionReason } from './exclusions.ts';
import { ticketLocale, type LocaleSource } from './locale.ts';
import { defaultQuestionMode, questionOf, type QuestionMode } from './question.ts';
import { scrub } from './scrub.ts';
import type { Ticket } from './tickets.ts';

/** Answers a question in a locale, as POST /api/answer would. */
export type Engine = (question: string, locale: string) => Promise<EngineResult>;

/** What the engine would have done with a ticket. */
export type Outcome =
	| { kind: 'excluded'; reason: ExclusionReason }
	| { kind: 'answer'; article: string; title: string; heading?: string; url: string; passage: string }
	| { kind: 'self-service'; action: SelfServiceAction }
	| { kind: 'none'; reason: 'no_words' | 'not_covered' | 'no_index' | 'instructions' };

/** A ticket once simulated: only what the report shows, personal data masked (see scrub.ts). */
export interface SimulatedTicket {
	id: string;
	row: number;
	tags: string[];
	locale: string;
	localeSource: LocaleSource;
	/** The question the engine got ("" for an excluded ticket). */
	question: string;
	/** The first agent reply, or "". */
	reply: string;
	outcome: Outcome;
}

export interface SimulationOptions {
	engine: Engine;
	/** `auto` or one of `locales`. */
	localeMode: string;
	locales: string[];
	defaultLocale: string;
	questionMode?: QuestionMode;
}

function outcomeOf(result: EngineResult): Outcome {
	switch (result.kind) {
		case 'answer': {
			const { unit } = result;
			return { kind: 'answer', article: unit.a, title: unit.t, ...(unit.h ? { heading: unit.h } : {}), url: unit.u, passage: unit.x };
		}
		case 'self-service':
			return { kind: 'self-service', action: result.action };
		case 'none':
			return { kind: 'none', reason: result.reason };
	}
}

/** Runs every ticket through the exclusions, then the engine, one after the other (the engine caches its index files). */
export async function simulate(tickets: Ticket[], options: SimulationOptions): Promise<SimulatedTicket[]> {
	const simulated: SimulatedTicket[] = [];
	for (const ticket of tickets) {
		const subject = scrub(ticket.subject);
		const body = scrub(ticket.body);
		const { locale, source } = ticketLocale(`${subject}\n${body}`, ticket.locale, { mode: options.localeMode, locales: options.locales, defaultLocale: options.defaultLocale });
		const reason = exclusionOf({ subject, body, tags: ticket.tags });
		const question = reason ? '' : questionOf(subject, body, options.questionMode ?? defaultQuestionMode);
		const outcome: Outcome = reason ? { kind: 'excluded', reason } : outcomeOf(await options.engine(question, locale));
		simulated.push({ id: ticket.id, row: ticket.row, tags: ticket.tags, locale, localeSource: source, question, reply: scrub(ticket.firstReply), outcome });
	}
	return simulated;
}

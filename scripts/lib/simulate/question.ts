import { questionMaxLength } from '../../../functions/contract/form-rules.ts';
import { foldedWords } from '../../../src/search/query/words.ts';
import { bareSubject } from './exclusions.ts';

/** What of a ticket makes the question: its subject, the first sentences of its first message, or both. */
export type QuestionMode = 'subject' | 'body' | 'both';
export const questionModes: QuestionMode[] = ['subject', 'body', 'both'];

/**
 * How many sentences of the message are kept: the engine scores a passage by the share of the question's words it
 * holds, so each sentence past the ones that ask lowers that share. See `defaultQuestionMode` for the figures.
 */
export const sentencesKept = 2;

/**
 * What works best, measured on tests/fixtures/answers/tickets.csv and its labels (221 tickets simulated, article-level
 * labels), answered tickets and how many of them right:
 *
 * | question | answered | right | wrong | routed to a page |
 * |---|---|---|---|---|
 * | subject only | 171 | 125 | 46 | 17 |
 * | first sentence of the message | 116 | 97 | 19 | 36 |
 * | first 2 sentences of the message | 105 | 94 | 11 | 42 |
 * | subject + first sentence | 125 | 111 | 14 | 36 |
 * | **subject + first 2 sentences** | **116** | **109** | **7** | **42** |
 * | subject + first 3 or 5 sentences | 115 | 108 | 7 | 43 |
 * | subject + the message's first sentence with a "?" | 139 | 119 | 20 | 33 |
 *
 * Subject and first two sentences give the fewest wrong answers and find the order numbers written in the message
 * (so questions about one's own order reach the self-service pages). Every choice that answers more adds more
 * wrong answers than right ones (subject only: 16 more right, 39 more wrong; the sentence with a "?": 10 more right,
 * 13 more wrong), and a wrong answer shown to a customer costs more than none. These synthetic subjects name their
 * topic more often than real ones do, which flatters "subject only". `--question` runs the others.
 */
export const defaultQuestionMode: QuestionMode = 'both';

// Where the customer's own words stop: a quoted e-mail, a signature, a forwarded message.
const endOfMessage =
	/^(?:>|-- ?$|_{5,}|-{5,}|on .{0,80}wrote:|le .{0,80}a écrit ?:|de ?: |from: |sent from my|envoyé de mon|get outlook for|-+ ?original message|-+ ?message d'origine)/im;

// A sentence that only greets or signs off.
const greeting =
	/^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|madame|monsieur|chère|cher|allô)\b[^.!?]{0,40}|(?:many |kind |best |warm )?(?:thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?|regards|cheers|best(?: wishes)?|merci(?: beaucoup| d'avance| par avance)?|cordialement|bien à vous|bonne (?:journée|soirée)|salutations|sincerely)\b[^.!?]{0,40})[,.!]*$/i;

// Subjects that say nothing of the topic: they are left out of the question.
const emptySubjectWords = new Set(
	'question questions help request enquiry inquiry query contact form message website support problem issue urgent hello hi order new from web via demande commande aide renseignement renseignements information informations probleme formulaire site urgent bonjour nouveau nouvelle message de du the a your my mon ma votre'.split(
		' ',
	),
);

/** Whether a subject names a topic, not only "Question" or "Order 1032". */
export function subjectSaysSomething(subject: string): boolean {
	return foldedWords(subject).some((word) => !emptySubjectWords.has(word) && !/^\d+$/.test(word) && word.length > 1);
}

/** The message's sentences, without what follows the customer's own words, greetings and sign-offs. */
export function sentencesOf(body: string): string[] {
	const end = body.search(endOfMessage);
	const own = end >= 0 ? body.slice(0, end) : body;
	return own
		.split(/(?<=[.!?…])\s+|\s*\n\s*/u)
		.map((sentence) => sentence.trim())
		.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence) && !greeting.test(sentence));
}

/** Cuts a text to `max` characters at a word's end. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	const part = text.slice(0, max + 1);
	const space = part.lastIndexOf(' ');
	return (space > max / 2 ? part.slice(0, space) : text.slice(0, max)).trimEnd();
}

/**
 * The question the engine gets for a ticket: its subject (without "Re:"; left out when it names no topic) and the
 * first sentences of its first message, at most the API's `questionMaxLength` characters, as the answer endpoint
 * reads a question pasted from an e-mail.
 */
export function questionOf(subject: string, body: string, mode: QuestionMode = defaultQuestionMode, max = questionMaxLength, kept = sentencesKept): string {
	const topic = bareSubject(subject);
	const sentences = sentencesOf(body).slice(0, kept).join(' ');
	let parts: string[];
	if (mode === 'subject') parts = [topic || sentences];
	else if (mode === 'body') parts = [sentences || topic];
	else parts = subjectSaysSomething(topic) || !sentences ? [topic, sentences] : [sentences];
	const question = parts
		.filter(Boolean)
		.map((part) => (/[.!?…:]$/u.test(part) ? part : `${part}.`))
		.join(' ')
		.replace(/\s+/g, ' ')
		.trim();
	return cut(question, max);
}

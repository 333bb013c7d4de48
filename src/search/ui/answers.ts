import { questionMaxLength } from '../../../functions/contract/form-rules.ts';
import type { AnswerRequest } from '../../../functions/contract/requests.ts';
import type { AnswerResponse } from '../../../functions/contract/responses.ts';
import { endsMidPhrase, looksLikeQuestion } from '../query/words.ts';
import { searchStrings, type AnswerStringKey, type Translate } from './strings.ts';

/** Where an answer card shows (see answer-card.astro). */
export type AnswerPlace = 'search' | 'page' | 'contact';

/** The place an answer-card.astro rendered: its strings, the slot the card goes in, and its polite status. */
export interface AnswerArea {
	place: AnswerPlace;
	slot: HTMLElement;
	status: HTMLElement | null;
	t: Translate<AnswerStringKey>;
	/** With `contact`: the fields whose text, together, is the question. */
	fields: (HTMLInputElement | HTMLTextAreaElement)[];
	/** The area's element: `data-settled` on it stops the questions (the contact form set it). */
	root: HTMLElement;
}

/** The answer card's place under `container` (one for `place`), when the page has one (answers are turned on). */
export function findAnswerArea(container: Element, place?: AnswerPlace): AnswerArea | undefined {
	const root = container.querySelector<HTMLElement>(place ? `[data-answer-area][data-place="${place}"]` : '[data-answer-area]');
	const slot = root?.dataset['slot'] ? document.getElementById(root.dataset['slot']) : null;
	if (!root || !slot) return undefined;
	const fields = (root.dataset['from'] ?? '')
		.split(' ')
		.map((id) => document.getElementById(id))
		.filter((field): field is HTMLInputElement | HTMLTextAreaElement => field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement);
	return {
		place: (root.dataset['place'] ?? 'search') as AnswerPlace,
		slot,
		status: root.dataset['status'] ? document.getElementById(root.dataset['status']) : null,
		t: searchStrings<AnswerStringKey>(root),
		fields,
		root,
	};
}

/** How long typing must pause before a question is sent: never one request per keystroke. */
export const answerDelay = 500;

/** Answers kept for questions asked again (typed over, then back). */
const rememberedAnswers = 16;

// Characters the API's text policy refuses (control and format characters, separators, runs of variation selectors):
// a question pasted with them would be refused whole, so they are dropped, line breaks kept.
const hidden = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u115F\u1160\u3164\uFFA0]/gu;

/** The question as the API reads it: clean text, line breaks kept, at most `questionMaxLength`, cut at a word. */
export function questionText(text: string): string {
	const lines = text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').replace(hidden, '').replace(/ {2,}/g, ' ').trim());
	const clean = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
	if (clean.length <= questionMaxLength) return clean;
	const cut = clean.slice(0, questionMaxLength);
	const lastSpace = cut.search(/\s\S*$/);
	return (lastSpace > questionMaxLength / 2 ? cut.slice(0, lastSpace) : cut).trim();
}

const kinds = new Set(['answer', 'self-service', 'none']);

/** Asks the API; undefined when it did not answer (offline, rate-limited, turned off). Throws when aborted. */
async function requestAnswer(request: AnswerRequest, signal: AbortSignal): Promise<AnswerResponse | undefined> {
	const response = await fetch('/api/answer', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify(request),
		credentials: 'same-origin',
		cache: 'no-store',
		signal,
	});
	if (!response.ok) return undefined;
	const data = (await response.json()) as AnswerResponse;
	return kinds.has(data?.kind) ? data : undefined;
}

type CardModule = typeof import('./answer-card.ts');
let cardModule: Promise<CardModule> | undefined;

/** The card's module, downloaded with the first question: pages where nobody asks one never load it. */
function loadCard(): Promise<CardModule> {
	cardModule ??= import('./answer-card.ts');
	cardModule.catch(() => {
		cardModule = undefined;
	});
	return cardModule;
}

export interface AskerOptions {
	locale: string;
	/** Whether the card may be announced now (the shopper is still where it shows). */
	announce?: () => boolean;
	/** Told of each card shown (with its response) and of the card taken away (undefined). */
	onShow?: (response: AnswerResponse | undefined) => void;
	/** On the contact page: puts the question in the message field and focuses it. */
	writeToUs?: () => void;
}

/**
 * Sends the shopper's question to `POST /api/answer` and shows what comes back in the card's slot. A question is
 * asked only when the text reads as one (a question mark, a question word or three words: see
 * {@link looksLikeQuestion}), once typing pauses for {@link answerDelay} (unless the text stops mid-phrase, "where
 * is my") or at once when the shopper asks for it (Enter, a page opened with a query); a question typed over is
 * aborted; a question asked again is answered from memory. Errors show nothing: search results are there anyway.
 */
export class AnswerAsker {
	readonly #area: AnswerArea;
	readonly #options: AskerOptions;
	readonly #answers = new Map<string, AnswerResponse>();
	/** The question whose card is shown, normalised. */
	#shown = '';
	/** The question waiting for its pause or its answer, normalised. */
	#pending = '';
	#timer: ReturnType<typeof setTimeout> | undefined;
	#request: AbortController | undefined;

	constructor(area: AnswerArea, options: AskerOptions) {
		this.#area = area;
		this.#options = options;
	}

	/** Follows what the shopper typed; `now` asks without waiting for a pause. */
	update(text: string, { now = false } = {}): void {
		if (this.#area.root.hasAttribute('data-settled')) return;
		const question = questionText(text);
		if (!looksLikeQuestion(question, this.#options.locale)) {
			this.clear();
			return;
		}
		// The same question whatever its case and spacing (the whole of it: a long message differs after its 100th letter).
		const key = question.toLowerCase().replace(/\s+/g, ' ');
		if (key === this.#pending) {
			if (now && this.#timer !== undefined) this.#ask(question, key);
			return;
		}
		this.#cancel();
		// A pause after "where is my" is a shopper thinking of the next word: the card shown stays until they finish.
		if (key === this.#shown || (!now && endsMidPhrase(question, this.#options.locale))) return;
		this.#pending = key;
		if (now) this.#ask(question, key);
		else this.#timer = setTimeout(() => this.#ask(question, key), answerDelay);
	}

	/** Takes the card away and forgets what was waiting. */
	clear(): void {
		this.#cancel();
		if (!this.#shown) return;
		this.#shown = '';
		this.#area.slot.replaceChildren();
		this.#area.slot.hidden = true;
		if (this.#area.status) this.#area.status.textContent = '';
		this.#options.onShow?.(undefined);
	}

	#cancel(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#request?.abort();
		this.#request = undefined;
		this.#pending = '';
	}

	async #ask(question: string, key: string): Promise<void> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#request?.abort();
		const request = new AbortController();
		this.#request = request;
		let response: AnswerResponse | undefined;
		let card: CardModule | undefined;
		try {
			const remembered = this.#answers.get(key);
			[response, card] = await Promise.all([remembered ?? requestAnswer({ question, locale: this.#options.locale }, request.signal), loadCard()]);
		} catch {
			// Aborted (a newer question) or unreachable.
		}
		if (request.signal.aborted || this.#pending !== key) return;
		this.#request = undefined;
		this.#pending = '';
		if (!response || !card) return;
		this.#answers.delete(key);
		this.#answers.set(key, response);
		if (this.#answers.size > rememberedAnswers) this.#answers.delete(this.#answers.keys().next().value ?? '');
		this.#show(card, response, question, key);
	}

	#show(card: CardModule, response: AnswerResponse, question: string, key: string): void {
		const { slot, status, t, place } = this.#area;
		this.#shown = key;
		slot.replaceChildren(
			card.answerCard(response, {
				locale: this.#options.locale,
				place,
				t,
				question,
				id: slot.id,
				writeToUs: this.#options.writeToUs,
				onVote: () => {
					// On the contact page the shopper has their answer, or writes to us: no more questions.
					if (place === 'contact') this.#area.root.setAttribute('data-settled', '');
				},
			}),
		);
		slot.hidden = false;
		this.#options.onShow?.(response);
		if (status && (this.#options.announce?.() ?? true)) status.textContent = card.announcement(response, t, place);
	}
}

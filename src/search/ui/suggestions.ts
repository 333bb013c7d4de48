import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import type { AnswerResponse } from '../../../functions/contract/responses.ts';
import { AnswerAsker, findAnswerArea } from './answers.ts';
import { sendSearchEvent } from './events.ts';
import { add, element, excerptFragment, safeUrl } from './render.ts';
import { SearchSession, type ResultView, type SearchView } from './search-session.ts';
import { searchStrings, type SuggestionStringKey, type Translate } from './strings.ts';

/** Suggestions never run longer than this: a short list is read, a long one is skipped. */
export const maxSuggestions = 5;

export interface SuggestedArticle {
	title: string;
	url: string;
	/** The article's category, as shown to shoppers. */
	category: string;
	/** The passage that matches best: escaped text with `<mark>` around the matching words. */
	excerpt: string;
	/** 1-based position. */
	rank: number;
}

export interface SuggestionOptions {
	/** The language of the articles; defaults to the page's (`<html lang>`). */
	language?: string;
	/** How many articles, 1 to 5 (default 5). */
	limit?: number;
}

const toSuggestion = (result: ResultView): SuggestedArticle => ({ title: result.title, url: safeUrl(result.url), category: result.categoryTitle, excerpt: result.excerpt, rank: result.rank });
const clampLimit = (limit: number | undefined) => Math.min(maxSuggestions, Math.max(1, Math.trunc(limit ?? maxSuggestions)));

/**
 * Up to five articles that may answer `text` (a contact form's subject, a question, the words of a broken
 * address), best first, found with the same search as the search box: misspellings corrected, and when no
 * article has every word, the articles with most of them. Loads Pagefind on first use.
 */
export function suggestArticles(text: string, options: SuggestionOptions = {}): Promise<SuggestedArticle[]> {
	const language = options.language ?? document.documentElement.lang ?? 'en';
	return new Promise((resolve, reject) => {
		const session = new SearchSession({
			language,
			limit: clampLimit(options.limit),
			sections: 0,
			render: (view, error) => (view ? resolve(view.results.map(toSuggestion)) : reject(error)),
		});
		session.update(text, { complete: true });
	});
}

/** The words of the page's address, for suggestions on a page that was not found: "/en/shiping/retrns" → "shiping retrns". */
function wordsOfPath(language: string): string {
	const segments = decodeURIComponent(location.pathname).split('/').filter(Boolean);
	if (segments[0] === language) segments.shift();
	return segments.join(' ').replace(/[-_.]+/g, ' ');
}

/**
 * Fills a suggestion list (the `suggested-articles` component) with the articles that may answer what the
 * shopper writes in its field (`data-for`, the field's id), updated as they type, or, with `data-from-path`,
 * the words of the page's address. The list stays hidden while there is nothing to suggest, and its count is
 * announced in its status (`data-status`) when it changes. A deflection is recorded when the shopper says a
 * suggestion answered them (`data-confirm`: "This answered my question" under each) or, in a list without that
 * question, opens one. With an answer card (answer-card.astro, `place="contact"`, just before the list), the answer to
 * what the shopper wrote in the card's fields shows at the top of the list, which then leaves its article out; the
 * list shows while it has either. Returns a function that stops following the field.
 */
export function attachSuggestions(list: HTMLElement): () => void {
	const items = list.querySelector('ul');
	const language = document.documentElement.lang || 'en';
	const field = list.dataset['for'] ? document.getElementById(list.dataset['for']) : null;
	const status = list.dataset['status'] ? document.getElementById(list.dataset['status']) : null;
	const confirm = list.hasAttribute('data-confirm');
	const t = searchStrings<SuggestionStringKey>(list);
	if (!items) return () => {};
	let shown: { text: string; view: SearchView } | undefined;
	let latest: SuggestedArticle[] = [];
	// The article the answer card quotes, left out of the list under it.
	let answered: string | undefined;
	const answerArea = list.parentElement ? findAnswerArea(list.parentElement, 'contact') : undefined;
	const answerSlot = answerArea?.slot;
	const answers =
		answerArea &&
		new AnswerAsker(answerArea, {
			locale: language,
			onShow: (response?: AnswerResponse) => {
				answered = response?.kind === 'answer' ? response.sources[0]?.url.split('#')[0] : undefined;
				show(latest);
			},
			writeToUs: () => {
				const message = answerArea.fields.at(-1);
				if (!message) return;
				if (!message.value.trim()) message.value = question();
				message.focus();
			},
		});
	if (answerSlot) list.insertBefore(answerSlot, list.firstChild);
	const question = () => answerArea?.fields.map((field) => field.value.trim()).filter(Boolean).join('\n\n') ?? '';
	// The question is asked once the shopper pauses in the first field (the subject), and when they leave the others
	// (the message): never as they write there, when a card appearing above would move the text they are writing.
	const [firstField, ...otherFields] = answerArea?.fields ?? [];
	const askWhileTyping = () => answers?.update(question());
	const askNow = () => answers?.update(question(), { now: true });
	firstField?.addEventListener('input', askWhileTyping);
	for (const other of otherFields) other.addEventListener('change', askNow);
	const heading = list.querySelector<HTMLElement>(':scope > h2');
	const show = (all: SuggestedArticle[]) => {
		latest = all;
		const suggestions = all.filter((suggestion) => suggestion.url.split('#')[0] !== answered);
		const wasShown = !list.hidden;
		items.replaceChildren(...suggestions.map((suggestion) => suggestionItem(suggestion, confirm ? t : undefined)));
		items.hidden = suggestions.length === 0;
		if (heading) heading.hidden = items.hidden;
		list.hidden = items.hidden && (answerSlot?.hidden ?? true);
		// Announce the count when it matters, not on every keystroke that keeps the same list.
		const count = suggestions.length === 0 ? '' : suggestions.length === 1 ? t('suggest.countOne') : t('suggest.count', { count: suggestions.length });
		if (status && (status.textContent !== count || !wasShown)) status.textContent = count;
	};
	const session = new SearchSession({
		language,
		limit: clampLimit(Number(list.dataset['limit']) || undefined),
		sections: 0,
		render: (view) => {
			show((view?.results ?? []).map(toSuggestion));
			shown = view ? { text: view.query, view } : undefined;
		},
	});
	const currentText = () => (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : list.hasAttribute('data-from-path') ? wordsOfPath(language) : '');
	const update = () => {
		const text = currentText();
		if (normalizeQuery(text).length < 3) {
			session.cancel();
			show([]);
			shown = undefined;
			return;
		}
		session.update(text, { complete: true });
	};
	const recordDeflection = (rank: number) => {
		if (shown) sendSearchEvent({ kind: 'deflection', query: shown.text, results: shown.view.outcome.results.length, rank, locale: language });
	};
	const onClick = (event: Event) => {
		const target = (event.target as Element).closest<HTMLElement>('[data-rank]');
		if (!target) return;
		if (target instanceof HTMLButtonElement) {
			recordDeflection(Number(target.dataset['rank']));
			const thanks = element('p', undefined, t('suggest.thanks'));
			thanks.tabIndex = -1;
			target.replaceWith(thanks);
			thanks.focus();
		} else if (!confirm) {
			recordDeflection(Number(target.dataset['rank']));
		}
	};
	items.addEventListener('click', onClick);
	field?.addEventListener('input', update);
	update();
	return () => {
		session.cancel();
		answers?.clear();
		firstField?.removeEventListener('input', askWhileTyping);
		for (const other of otherFields) other.removeEventListener('change', askNow);
		field?.removeEventListener('input', update);
		items.removeEventListener('click', onClick);
	};
}

/**
 * One suggestion: the article's link and its category, or with `t`, the passage that matches (for the shopper to
 * judge whether it answers them) and "This answered my question".
 */
function suggestionItem(suggestion: SuggestedArticle, t?: Translate<SuggestionStringKey>): HTMLLIElement {
	const link = element('a', undefined, suggestion.title);
	link.href = suggestion.url;
	link.dataset['rank'] = String(suggestion.rank);
	if (!t) return add(element('li'), link, element('p', undefined, suggestion.category));
	const item = add(element('li'), link, add(element('p'), excerptFragment(suggestion.excerpt)));
	const helped = add(element('button', 'link-button', t('suggest.helped')), element('span', 'visually-hidden', `: ${suggestion.title}`));
	helped.type = 'button';
	helped.dataset['rank'] = String(suggestion.rank);
	return add(item, helped);
}

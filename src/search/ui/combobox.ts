import { searchUrl } from '../../config/page-urls.ts';
import { searchStrings, type Translate } from './strings.ts';
import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import { sendSearchEvent } from './events.ts';
import { AnswerAsker, findAnswerArea } from './answers.ts';
import { add, element, excerptFragment, safeUrl } from './render.ts';
import { SearchSession, type ResultView, type SearchView } from './search-session.ts';
import { offersSentence, selfServiceOffers } from './self-service-offers.ts';
import { otherLanguages, summarize } from './summary.ts';

/** Articles shown as you type; the search page lists them all. */
const shownResults = 3;
/** Matching sections shown under each article. */
const shownSections = 2;
/** Results left on screen this long count as a search the shopper settled on. */
const settleDelay = 2_000;

let instances = 0;

/**
 * Turns a search form into an ARIA 1.2 combobox with a listbox popup of results as you type, grouped by
 * category, after the self-service pages the query asks for ("track my order"): Down and Up move through the
 * options (the input keeps focus, `aria-activedescendant` follows), Enter opens the active one or, when none is
 * active, submits the form to the search page, Escape closes the popup then clears the box, and the pages offered
 * and the count of results are announced in a polite live region. When the shopper types a question, an answer
 * card (answers.ts) shows above the results, which stay underneath; Tab reaches its links and buttons (after the
 * search button) without closing the popup.
 */
export class SearchCombobox {
	readonly #form: HTMLFormElement;
	readonly #input: HTMLInputElement;
	readonly #locale: string;
	readonly #t: Translate;
	readonly #popup: HTMLDivElement;
	readonly #status: HTMLParagraphElement;
	readonly #listbox: HTMLDivElement;
	readonly #live: HTMLDivElement;
	readonly #session: SearchSession;
	readonly #answers: AnswerAsker | undefined;
	readonly #answerSlot: HTMLElement | undefined;
	readonly #id: string;
	#options: HTMLElement[] = [];
	#active = -1;
	#shown: { query: string; view: SearchView | undefined } | undefined;
	#reported = '';
	#settleTimer: ReturnType<typeof setTimeout> | undefined;
	#announceTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(form: HTMLFormElement, input: HTMLInputElement) {
		this.#form = form;
		this.#input = input;
		this.#locale = document.documentElement.lang || 'en';
		this.#t = searchStrings(form);
		this.#id = `search-${++instances}`;

		this.#popup = element('div', 'search-popup');
		this.#popup.hidden = true;
		this.#status = element('p', 'search-popup-status');
		this.#status.id = `${this.#id}-status`;
		this.#listbox = element('div', 'search-listbox');
		this.#listbox.id = `${this.#id}-listbox`;
		this.#listbox.setAttribute('role', 'listbox');
		this.#listbox.setAttribute('aria-label', this.#t('search.resultsLabel'));
		const answerArea = findAnswerArea(form);
		if (answerArea) {
			this.#answerSlot = answerArea.slot;
			this.#answers = new AnswerAsker(answerArea, { locale: this.#locale, announce: () => form.contains(document.activeElement) });
			add(this.#popup, answerArea.slot);
			// Keep focus where it is while the pointer selects text of the card; its links and buttons take focus.
			answerArea.slot.addEventListener('pointerdown', (event) => {
				if (!(event.target as Element).closest('a, button')) event.preventDefault();
			});
			answerArea.slot.addEventListener('keydown', (event) => {
				if (event.key !== 'Escape') return;
				event.preventDefault();
				// Focus first: the box reopens its list when it gets focus.
				input.focus();
				this.#close();
			});
		}
		add(this.#popup, this.#status, this.#listbox);
		this.#live = element('div', 'visually-hidden');
		this.#live.setAttribute('role', 'status');
		add(form, this.#popup, this.#live);
		form.classList.add('search-combobox');

		input.setAttribute('role', 'combobox');
		input.setAttribute('aria-autocomplete', 'list');
		input.setAttribute('aria-expanded', 'false');
		input.setAttribute('aria-controls', this.#listbox.id);

		this.#session = new SearchSession({
			language: this.#locale,
			limit: shownResults,
			sections: shownSections,
			lookAhead: true,
			render: (view) => this.#render(view),
		});
		input.addEventListener('input', () => this.#onInput());
		input.addEventListener('keydown', (event) => this.#onKeydown(event));
		input.addEventListener('focus', () => {
			if (this.#shown && this.#shown.query === input.value) this.#open();
		});
		form.addEventListener('focusout', (event) => {
			if (!form.contains(event.relatedTarget as Node | null)) this.#close();
		});
		form.addEventListener('submit', () => this.#report());
		// Keep focus in the input while the pointer picks a result.
		this.#listbox.addEventListener('pointerdown', (event) => event.preventDefault());
		this.#listbox.addEventListener('click', (event) => {
			const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
			if (option) this.#activate(option);
		});
		// Text typed before this script arrived is searched now.
		if (input.value) this.#onInput();
	}

	#onInput(): void {
		const query = this.#input.value;
		if (normalizeQuery(query).length < 2) {
			this.#session.cancel();
			this.#answers?.clear();
			this.#shown = undefined;
			this.#close();
			return;
		}
		this.#session.update(query);
		this.#answers?.update(query);
	}

	#onKeydown(event: KeyboardEvent): void {
		if (event.isComposing) return;
		switch (event.key) {
			case 'ArrowDown':
			case 'ArrowUp': {
				if (!this.#shown) return;
				event.preventDefault();
				if (this.#popup.hidden) this.#open();
				if (event.altKey) return;
				const step = event.key === 'ArrowDown' ? 1 : -1;
				const count = this.#options.length;
				if (count === 0) return;
				// From the text, Down goes to the first result and Up to the last; both wrap around.
				this.#setActive(this.#active === -1 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count);
				break;
			}
			case 'Enter': {
				const option = this.#options[this.#active];
				if (!this.#popup.hidden && option) {
					event.preventDefault();
					this.#activate(option);
				}
				break;
			}
			case 'Escape':
				if (!this.#popup.hidden) {
					event.preventDefault();
					this.#close();
				} else if (this.#input.value) {
					event.preventDefault();
					this.#input.value = '';
					this.#onInput();
				}
				break;
			case 'Tab':
				// With an answer card shown, Tab goes on to its links and buttons: the popup stays open.
				if (event.shiftKey || !this.#answerSlot || this.#answerSlot.hidden || this.#popup.hidden) this.#close();
				break;
		}
	}

	/** Moves the visual focus to option `index`, -1 for none (back in the text). */
	#setActive(index: number): void {
		this.#options[this.#active]?.setAttribute('aria-selected', 'false');
		this.#active = index;
		const option = this.#options[index];
		if (option) {
			option.setAttribute('aria-selected', 'true');
			this.#input.setAttribute('aria-activedescendant', option.id);
			option.scrollIntoView({ block: 'nearest' });
		} else {
			this.#input.removeAttribute('aria-activedescendant');
		}
	}

	#open(): void {
		this.#popup.hidden = false;
		this.#input.setAttribute('aria-expanded', 'true');
	}

	#close(): void {
		this.#setActive(-1);
		this.#popup.hidden = true;
		this.#input.setAttribute('aria-expanded', 'false');
		this.#report();
	}

	#activate(option: HTMLElement): void {
		const rank = Number(option.dataset['rank']);
		if (rank > 0 && this.#shown?.view) {
			sendSearchEvent({ kind: 'click', query: this.#shown.query, results: this.#shown.view.outcome.results.length, rank, locale: this.#locale });
			this.#reported = this.#shown.query;
		} else {
			this.#report();
		}
		location.assign(option.dataset['href'] ?? '/');
	}

	/** Records the query the shopper settled on, once. */
	#report(): void {
		clearTimeout(this.#settleTimer);
		const shown = this.#shown;
		if (!shown?.view || shown.query === this.#reported) return;
		this.#reported = shown.query;
		sendSearchEvent({ kind: 'search', query: shown.query, results: shown.view.outcome.results.length, locale: this.#locale });
	}

	#option(label: string, href: string, className: string, rank = 0): HTMLDivElement {
		const option = element('div', `search-option ${className}`);
		option.id = `${this.#id}-option-${this.#options.length}`;
		option.setAttribute('role', 'option');
		option.setAttribute('aria-selected', 'false');
		option.dataset['href'] = safeUrl(href);
		if (rank) option.dataset['rank'] = String(rank);
		add(option, element('span', 'search-option-title', label));
		this.#options.push(option);
		return option;
	}

	#resultOptions(result: ResultView): HTMLDivElement[] {
		const article = this.#option(result.title, result.url, 'search-option-article', result.rank);
		add(article, add(element('span', 'search-option-excerpt'), excerptFragment(result.excerpt)));
		const sections = result.sections.map((section) => {
			const option = this.#option(section.title, section.url, 'search-option-section', result.rank);
			add(option, add(element('span', 'search-option-excerpt'), excerptFragment(section.excerpt)));
			return option;
		});
		return [article, ...sections];
	}

	#render(view: SearchView | undefined): void {
		const query = view?.query ?? this.#input.value;
		if (normalizeQuery(this.#input.value).length < 2) return;
		this.#shown = { query, view };
		this.#options = [];
		this.#active = -1;
		this.#input.removeAttribute('aria-activedescendant');

		const children: HTMLElement[] = [];
		// First, so that they are the first options too: Down from the text goes to them.
		const offers = selfServiceOffers(this.#form, query, this.#locale, this.#t);
		if (offers.length > 0) {
			const label = this.#t('search.selfService');
			const group = element('div', 'search-group search-group-self-service');
			group.setAttribute('role', 'group');
			group.setAttribute('aria-label', label);
			group.dataset['label'] = label;
			add(group, ...offers.map((offer) => this.#option(offer.title, offer.url, 'search-option-self-service')));
			children.push(group);
		}
		const groups = new Map<string, ResultView[]>();
		for (const result of view?.results ?? []) groups.set(result.categoryTitle, [...(groups.get(result.categoryTitle) ?? []), result]);
		for (const [title, results] of groups) {
			const group = element('div', 'search-group');
			group.setAttribute('role', 'group');
			group.setAttribute('aria-label', title);
			group.dataset['label'] = title;
			add(group, ...results.flatMap((result) => this.#resultOptions(result)));
			children.push(group);
		}
		const text = query.trim();
		const footer = element('div', 'search-group search-group-more');
		footer.setAttribute('role', 'group');
		add(footer, this.#option(this.#t('search.seeAll', { query: text }), `${searchUrl(this.#locale)}?q=${encodeURIComponent(text)}`, 'search-option-more'));
		for (const other of otherLanguages(this.#form)) {
			add(footer, this.#option(this.#t('search.otherLanguage', { query: text, language: other.name }), `${searchUrl(other.code)}?q=${encodeURIComponent(text)}`, 'search-option-more'));
		}
		children.push(footer);
		this.#listbox.replaceChildren(...children);
		// Which query the list shows, for tests and benchmarks that wait for it.
		this.#listbox.dataset['query'] = query;

		const summary = summarize(view, this.#t, query);
		this.#status.textContent = summary;
		if (document.activeElement === this.#input) this.#open();
		clearTimeout(this.#announceTimer);
		// Announced once typing pauses, not at every keystroke. The pages offered are said before the count; the status
		// line shows only the count, as the group's label already shows them.
		const announcement = [offersSentence(offers, this.#t), summary].filter(Boolean).join(' ');
		this.#announceTimer = setTimeout(() => {
			this.#live.textContent = announcement;
		}, 600);
		clearTimeout(this.#settleTimer);
		this.#settleTimer = setTimeout(() => this.#report(), settleDelay);
	}
}

import { searchUrl } from '../../config/page-urls.ts';
import { searchStrings, type Translate } from './strings.ts';
import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import { sendSearchEvent } from './events.ts';
import { AnswerAsker, findAnswerArea } from './answers.ts';
import { add, element, excerptFragment, safeUrl } from './render.ts';
import { SearchSession, type SearchView } from './search-session.ts';
import { selfServiceOffers } from './self-service-offers.ts';
import { otherLanguages, summarize } from './summary.ts';

const pageSize = 10;
const settleDelay = 2_000;

/**
 * The search page (`/<locale>/search?q=…&category=…`): reads the query from the address, offers the self-service
 * pages the query asks for above the results, lists every result with its matching sections, filters by category
 * with the counts of each, keeps the address in step with the box so the list can be shared, and offers the same
 * search in the other languages. A question gets an answer card above the results (answers.ts): once typing
 * pauses, at once on Enter or when the page opens with it.
 */
export class SearchPage {
	readonly #form: HTMLFormElement;
	readonly #input: HTMLInputElement;
	readonly #category: HTMLSelectElement | null;
	readonly #status: HTMLElement;
	readonly #selfService: HTMLElement;
	readonly #list: HTMLOListElement;
	readonly #more: HTMLButtonElement;
	readonly #others: HTMLElement;
	readonly #locale: string;
	readonly #t: Translate;
	readonly #session: SearchSession;
	readonly #answers: AnswerAsker | undefined;
	readonly #categoryNames = new Map<string, string>();
	#limit = pageSize;
	#view: SearchView | undefined;
	#reported = '';
	#settleTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(root: HTMLElement, form: HTMLFormElement, input: HTMLInputElement) {
		this.#form = form;
		this.#input = input;
		this.#locale = document.documentElement.lang || 'en';
		this.#t = searchStrings(form);
		const find = <T extends Element>(selector: string) => {
			const found = root.querySelector<T>(selector);
			if (!found) throw new Error(`The search page has no ${selector}`);
			return found;
		};
		const category = form.elements.namedItem('category');
		this.#category = category instanceof HTMLSelectElement ? category : null;
		this.#status = find('[data-search-status]');
		this.#selfService = find('[data-search-self-service]');
		this.#list = find('[data-search-results]');
		this.#more = find('[data-search-more]');
		this.#others = find('[data-search-others]');
		for (const option of this.#category?.options ?? []) this.#categoryNames.set(option.value, option.text);
		const answerArea = findAnswerArea(root);
		this.#answers = answerArea && new AnswerAsker(answerArea, { locale: this.#locale });

		this.#session = new SearchSession({
			language: this.#locale,
			limit: pageSize,
			sections: 3,
			category: () => this.#category?.value || undefined,
			render: (view) => this.#render(view),
		});
		const params = new URLSearchParams(location.search);
		input.value = params.get('q') ?? '';
		if (this.#category) this.#category.value = params.get('category') ?? '';
		if (this.#category && this.#category.selectedIndex < 0) this.#category.value = '';

		input.addEventListener('input', () => {
			this.#search(false);
			this.#answers?.update(input.value);
		});
		this.#category?.addEventListener('change', () => this.#search(true));
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#search(true);
			this.#answers?.update(input.value, { now: true });
			this.#report();
		});
		this.#more.addEventListener('click', () => {
			this.#limit += pageSize;
			this.#session.update(this.#input.value, { complete: true, limit: this.#limit });
		});
		this.#list.addEventListener('click', (event) => {
			const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-rank]');
			if (link && this.#view) {
				sendSearchEvent({ kind: 'click', query: this.#input.value, results: this.#view.outcome.results.length, rank: Number(link.dataset['rank']), locale: this.#locale });
				this.#reported = this.#input.value;
			}
		});
		addEventListener('pagehide', () => this.#report());
		if (normalizeQuery(input.value)) {
			this.#search(true);
			this.#answers?.update(input.value, { now: true });
		}
	}

	#search(complete: boolean): void {
		const query = this.#input.value;
		const category = this.#category?.value ?? '';
		const params = new URLSearchParams();
		if (query.trim()) params.set('q', query.trim());
		if (category) params.set('category', category);
		const search = params.toString();
		history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
		this.#linkOtherLanguages(query.trim());
		this.#limit = pageSize;
		if (!normalizeQuery(query)) {
			this.#session.cancel();
			this.#view = undefined;
			this.#status.textContent = '';
			this.#selfService.replaceChildren();
			this.#list.replaceChildren();
			this.#more.hidden = true;
			return;
		}
		this.#session.update(query, { complete, limit: this.#limit });
	}

	/** The language switcher and the "in other languages" links carry the query along. */
	#linkOtherLanguages(query: string): void {
		const suffix = query ? `?q=${encodeURIComponent(query)}` : '';
		for (const link of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
			link.href = `${new URL(link.href).pathname}${suffix}`;
		}
		this.#others.replaceChildren(
			...(query
				? otherLanguages(this.#form).map((other) => {
						const item = element('li');
						const link = element('a', undefined, this.#t('search.otherLanguage', { query, language: other.name }));
						link.href = `${searchUrl(other.code)}${suffix}`;
						add(item, link);
						return item;
					})
				: []),
		);
	}

	#render(view: SearchView | undefined): void {
		this.#view = view;
		const query = view?.query ?? this.#input.value;
		this.#status.textContent = summarize(view, this.#t, query);
		this.#renderSelfService(query);
		const items = (view?.results ?? []).map((result) => {
			const item = element('li', 'search-result');
			const heading = element('h2');
			const link = element('a', undefined, result.title);
			link.href = safeUrl(result.url);
			link.dataset['rank'] = String(result.rank);
			add(heading, link);
			const excerpt = element('p', 'search-result-excerpt');
			add(excerpt, excerptFragment(result.excerpt));
			add(item, heading, element('p', 'search-result-category', result.categoryTitle), excerpt);
			if (result.sections.length > 0) {
				const sections = element('ul', 'search-result-sections');
				for (const section of result.sections) {
					const sectionItem = element('li');
					const sectionLink = element('a', undefined, section.title);
					sectionLink.href = safeUrl(section.url);
					sectionLink.dataset['rank'] = String(result.rank);
					const sectionExcerpt = element('p', 'search-result-excerpt');
					add(sectionExcerpt, excerptFragment(section.excerpt));
					add(sectionItem, sectionLink, sectionExcerpt);
					add(sections, sectionItem);
				}
				add(item, sections);
			}
			return item;
		});
		this.#list.replaceChildren(...items);
		this.#more.hidden = !view || view.outcome.results.length <= view.results.length;
		if (this.#category) {
			const counts = view?.outcome.categoryCounts ?? {};
			for (const option of this.#category.options) {
				const name = this.#categoryNames.get(option.value) ?? option.text;
				option.text = option.value && counts[option.value] !== undefined ? `${name} (${counts[option.value]})` : name;
			}
		}
		clearTimeout(this.#settleTimer);
		this.#settleTimer = setTimeout(() => this.#report(), settleDelay);
	}

	/** The self-service pages the query asks for, as links under a heading of their own (a live region: announced). */
	#renderSelfService(query: string): void {
		const offers = selfServiceOffers(this.#form, query, this.#locale, this.#t);
		const links = offers.map((offer) => {
			const link = element('a', 'button button-secondary', offer.title);
			link.href = safeUrl(offer.url);
			return add(element('li'), link);
		});
		this.#selfService.replaceChildren(...(offers.length > 0 ? [element('h2', undefined, this.#t('search.selfService')), add(element('ul'), ...links)] : []));
	}

	#report(): void {
		clearTimeout(this.#settleTimer);
		const query = this.#input.value;
		if (!this.#view || !normalizeQuery(query) || query === this.#reported) return;
		this.#reported = query;
		sendSearchEvent({ kind: 'search', query, results: this.#view.outcome.results.length, locale: this.#locale });
	}
}

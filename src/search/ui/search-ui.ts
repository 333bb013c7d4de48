import { SearchCombobox } from './combobox.ts';
import { loadPagefind } from './pagefind-loader.ts';
import { add } from './render.ts';
import styles from './search.css?inline';
import { SearchPage } from './search-page.ts';
import { attachSuggestions } from './suggestions.ts';

const enhanced = new WeakSet<HTMLElement>();

/**
 * Enhances every search form of the page, once: the search page's form drives its result list, the others
 * become comboboxes with results as you type; suggestion lists start following their field. The styles come
 * with this script, not with the page. This script only loads once the shopper turns to search, so Pagefind
 * starts loading its index at once, while they type their first letters.
 */
export function enhanceSearch(): void {
	void loadPagefind().catch(() => undefined);
	if (!document.getElementById('search-styles')) {
		const style = document.createElement('style');
		style.id = 'search-styles';
		style.textContent = styles;
		add(document.head, style);
	}
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) {
		const input = form.querySelector<HTMLInputElement>('input[name="q"]');
		if (!input || enhanced.has(form)) continue;
		enhanced.add(form);
		const page = form.closest<HTMLElement>('[data-search-page]');
		if (page) new SearchPage(page, form, input);
		else new SearchCombobox(form, input);
	}
	for (const list of document.querySelectorAll<HTMLElement>('[data-suggested-articles]')) {
		if (enhanced.has(list)) continue;
		enhanced.add(list);
		attachSuggestions(list);
	}
}

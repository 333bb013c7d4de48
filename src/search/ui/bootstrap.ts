/**
 * The only search code in every page, a few hundred bytes: it waits for the shopper to show interest (focus on a
 * search box, on a field with suggested articles or whose text an answer card answers, Ctrl+K or ⌘+K) before
 * loading the search interface and Pagefind, so that reading a page costs nothing for search. The search page, and
 * suggestions made from the page's address, load it at once.
 */
import searchUi from 'virtual:search-ui-url';
import { openSearchSheet } from './search-sheet.ts';

let loaded = false;
const load = () => {
	if (loaded) return;
	loaded = true;
	const script = document.createElement('script');
	script.type = 'module';
	script.src = searchUi;
	document.head.appendChild(script);
};
const inputSelector = 'form[data-search-form] input[name="q"]';

const suggests = (field: Element) => {
	const id = CSS.escape(field.id);
	return field.id !== '' && document.querySelector(`[data-suggested-articles][data-for="${id}"],[data-answer-area][data-from~="${id}"]`) !== null;
};

addEventListener('focusin', (event) => {
	if (event.target instanceof Element && (event.target.matches(inputSelector) || suggests(event.target))) load();
});
addEventListener('keydown', (event) => {
	if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
	const input = document.querySelector<HTMLInputElement>(inputSelector);
	if (!input?.form) return;
	event.preventDefault();
	openSearchSheet(input.form);
	input.select();
});
if (document.querySelector('[data-search-page], [data-suggested-articles][data-from-path]') || document.activeElement?.matches(inputSelector)) load();

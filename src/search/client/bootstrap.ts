/**
 * The only search code in every page, a few hundred bytes: it waits for the shopper to show interest (focus on a
 * search box, Ctrl+K or ⌘+K) before loading the search interface and Pagefind, so that reading a page costs
 * nothing for search. The search page, where search is the point, loads it at once.
 */
import searchUi from 'virtual:search-ui-url';

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

addEventListener('focusin', (event) => {
	if (event.target instanceof Element && event.target.matches(inputSelector)) load();
});
addEventListener('keydown', (event) => {
	if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
	const input = document.querySelector<HTMLInputElement>(inputSelector);
	if (!input) return;
	event.preventDefault();
	input.focus();
	input.select();
});
if (document.querySelector('[data-search-page]') || document.activeElement?.matches(inputSelector)) load();

// The language menu is a <details> element, usable without JavaScript. This adds what a menu button is expected to
// do besides: Escape closes it and gives focus back to its button, and a click or focus elsewhere closes it.
for (const menu of document.querySelectorAll<HTMLDetailsElement>('details[data-language-menu]')) {
	const summary = menu.querySelector('summary');
	menu.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !menu.open) return;
		event.preventDefault();
		menu.open = false;
		summary?.focus();
	});
	// Only when focus moves to something else: a click on a link that does not take focus (Safari) must still land.
	menu.addEventListener('focusout', (event) => {
		if (event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) menu.open = false;
	});
	document.addEventListener('click', (event) => {
		if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
	});
}

/**
 * On a phone, a search box opens as a full-screen sheet, so that the results have the screen the on-screen keyboard
 * leaves: the header's from its search button (a link to the search page, which it stays without JavaScript), the
 * home page's as soon as it gets focus. The box and its results stay the same combobox (combobox.ts). Escape, the
 * close button or focus leaving the sheet close it; Escape and the close button give focus back to where the sheet
 * was opened from. Part of the bootstrap: it works before the search interface has loaded.
 */
const phone = matchMedia('(max-width: 47.99rem)');
const openClass = 'is-sheet';

/** The elements a tap may land on without the search box losing focus (the rest of the sheet keeps it). */
const interactive = 'input, button, a, select, textarea, [role="option"], [tabindex]';

function setOpen(form: HTMLFormElement, open: boolean): void {
	form.classList.toggle(openClass, open);
	document.documentElement.classList.toggle('search-sheet-open', open);
}

/** Opens `form` as a sheet (on a phone) and puts focus in its search box. */
export function openSearchSheet(form: HTMLFormElement): void {
	if (phone.matches) setOpen(form, true);
	form.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
}

function enhance(form: HTMLFormElement, opener: HTMLElement | null): void {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]');
	const close = form.querySelector<HTMLButtonElement>('[data-search-sheet-close]');
	if (!input) return;
	const isOpen = () => form.classList.contains(openClass);
	/** Closes the sheet; `giveFocusBack` returns focus to the search button (the home page's box keeps it). */
	const shut = (giveFocusBack: boolean) => {
		if (!isOpen()) return;
		setOpen(form, false);
		if (giveFocusBack && opener) opener.focus();
	};
	opener?.addEventListener('click', (event) => {
		if (!phone.matches) return;
		event.preventDefault();
		openSearchSheet(form);
	});
	if (!opener) {
		// The home page's box is on screen: it becomes the sheet when the shopper turns to it, and again when they type
		// or tap after closing it with Escape.
		const openHere = () => {
			if (phone.matches && !isOpen()) setOpen(form, true);
		};
		input.addEventListener('focus', openHere);
		input.addEventListener('click', openHere);
		input.addEventListener('input', openHere);
	}
	// On the form and in the bubbling phase: the combobox has closed its list (and the answer card given focus back to
	// the box) by then, so one Escape closes everything.
	form.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !isOpen()) return;
		// Escape in the answer card only brings focus back to the box (answers.ts); the next one closes the sheet.
		if (event.target !== input && event.defaultPrevented) return;
		event.preventDefault();
		shut(true);
	});
	close?.addEventListener('click', () => shut(true));
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node | null)) shut(false);
	});
	// A tap on the sheet's background or on text keeps focus in the box, as on a list of results.
	form.addEventListener('pointerdown', (event) => {
		if (isOpen() && event.target instanceof Element && !event.target.closest(interactive)) event.preventDefault();
	});
	phone.addEventListener('change', () => {
		if (!phone.matches) shut(false);
	});
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form][data-sheet]')) {
	enhance(form, form.dataset['sheet'] === 'header' ? document.querySelector<HTMLElement>('[data-search-opener]') : null);
}

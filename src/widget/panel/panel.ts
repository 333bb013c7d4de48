/**
 * The storefront widget's panel, imported by widget.js when the shopper first opens it: one build per locale, its
 * strings and the help center's addresses inside (src/widget/build/build-widget.ts). A modal `<dialog>` in the
 * widget's shadow root: the browser puts it above everything on the shop's page (the top layer, whatever the shop's
 * z-indexes) and makes the page behind it inert; the panel keeps Tab inside it too, and Escape closes it and gives
 * focus back to the launcher.
 */
import { answers, brandName, css, fonts, locale, pages } from 'virtual:help-center-widget/panel';
import { addBrandFonts } from '../brand-fonts';
import { h } from '../../components/self-service/client/dom';
import { adoptStyles } from '../adopt-styles';
import type { MountPanel, WidgetHost } from '../host';
import { askView } from './ask';
import { contactView } from './contact';
import type { PanelContext, TabName } from './context';
import { externalLink } from './links';
import { t } from './strings';
import { trackView } from './track';
import { lineIcon } from '../icon';


const tabbableSelector = 'a[href], button, input, textarea, select, [tabindex]';

/** The elements of `root` that Tab reaches, in order: shown, enabled, not taken out of the order. */
function tabbables(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(tabbableSelector)].filter(
		(element) => element.tabIndex >= 0 && !element.matches(':disabled') && !element.closest('[hidden], [aria-hidden="true"]') && element.getClientRects().length > 0,
	);
}

export const mount: MountPanel = ({ root, launcher, origin }: WidgetHost) => {
	adoptStyles(root, css);
	addBrandFonts(fonts, origin);
	const status = h('p', { class: 'visually-hidden', role: 'status' });
	let announcement = 0;
	const announce = (message: string) => {
		// Emptied first, so the same words said twice are heard twice.
		status.textContent = '';
		const current = ++announcement;
		setTimeout(() => {
			if (current === announcement) status.textContent = message;
		}, 50);
	};

	// Without answers (content/site.yaml `answers.enabled: false`), the API has no /api/answer: no Ask tab.
	const names: TabName[] = answers ? ['ask', 'track', 'contact'] : ['track', 'contact'];
	const tabs = new Map<TabName, HTMLButtonElement>();
	const views = new Map<TabName, HTMLElement>();
	const context: PanelContext = { origin, announce, showTab: (name) => select(name, 'field'), questions: [] };
	const build = { ask: askView, track: trackView, contact: contactView };
	for (const name of names) {
		tabs.set(name, h('button', { type: 'button', role: 'tab', id: `hc-tab-${name}`, 'aria-controls': `hc-view-${name}`, 'aria-selected': 'false', tabindex: '-1' }, t(`widget.tab.${name}`)));
		views.set(name, h('section', { class: 'view', role: 'tabpanel', id: `hc-view-${name}`, 'aria-labelledby': `hc-tab-${name}`, hidden: true }, build[name](context)));
	}
	let selected: TabName = names[0] ?? 'track';

	/** Shows the view `name`; moves focus to its tab (arrow keys) or its first field (a link from another view). */
	function select(name: TabName, focus?: 'tab' | 'field'): void {
		selected = name;
		for (const each of names) {
			const on = each === name;
			tabs.get(each)?.setAttribute('aria-selected', String(on));
			tabs.get(each)?.setAttribute('tabindex', on ? '0' : '-1');
			const view = views.get(each);
			if (view) view.hidden = !on;
		}
		if (focus === 'tab') tabs.get(name)?.focus();
		if (focus === 'field') focusView();
	}

	/** Focuses the first field of the view shown (else its first control, else its tab). */
	function focusView(): void {
		const view = views.get(selected);
		const order = view ? tabbables(view) : [];
		(order.find((element) => element.matches('input, textarea')) ?? order[0] ?? tabs.get(selected))?.focus();
	}

	const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('widget.tabs') }, ...tabs.values());
	tablist.addEventListener('click', (event) => {
		const tab = (event.target as Element).closest('[role="tab"]');
		const name = names.find((each) => tabs.get(each) === tab);
		if (name) select(name);
	});
	tablist.addEventListener('keydown', (event) => {
		const index = names.indexOf(selected);
		const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: names.length - 1 }[event.key];
		if (next === undefined) return;
		event.preventDefault();
		select(names[(next + names.length) % names.length] ?? selected, 'tab');
	});

	const close = h('button', { type: 'button', class: 'close', 'aria-label': t('widget.close') }, lineIcon('M6 6l12 12M18 6L6 18'));
	const dialog = h(
		'dialog',
		{ class: 'panel', id: 'hc-panel', lang: locale, 'aria-modal': 'true', 'aria-labelledby': 'hc-title' },
		h(
			'div',
			{ class: 'frame' },
			h('div', { class: 'head' }, h('div', {}, h('p', { class: 'brand' }, brandName), h('h2', { id: 'hc-title' }, t('widget.title'))), close),
			tablist,
			h('div', { class: 'views' }, ...views.values()),
			h('p', { class: 'foot' }, externalLink(origin, pages.home, t('widget.helpCenter'))),
			status,
		),
	);
	root.appendChild(dialog);
	launcher.setAttribute('aria-controls', dialog.id);
	select(selected);

	const hide = () => {
		if (dialog.open) dialog.close();
		launcher.setAttribute('aria-expanded', 'false');
		launcher.focus();
	};
	close.addEventListener('click', hide);
	// Escape: the browser's cancel event of a modal dialog.
	dialog.addEventListener('cancel', (event) => {
		event.preventDefault();
		hide();
	});
	// A click on the backdrop (outside the frame) closes the panel, as on most sites.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) hide();
	});
	// Tab and Shift+Tab go round the panel: the page behind is inert, but the browser's own toolbar is not.
	dialog.addEventListener('keydown', (event) => {
		if (event.key !== 'Tab') return;
		const order = tabbables(dialog);
		const first = order[0];
		const last = order.at(-1);
		const active = root.activeElement;
		if (event.shiftKey && (active === first || !dialog.contains(active))) {
			event.preventDefault();
			last?.focus();
		} else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
			event.preventDefault();
			first?.focus();
		}
	});

	return {
		open() {
			if (!dialog.open) dialog.showModal();
			launcher.setAttribute('aria-expanded', 'true');
			focusView();
		},
	};
};

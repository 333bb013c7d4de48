/**
 * widget.js, the storefront widget's loader: the one script a shop adds to its pages
 * (`<script src="https://help.example.com/widget.js" data-locale="fr" defer></script>`). It draws the launcher and
 * nothing else; the panel's code, built per locale and content-hashed, is imported when the shopper first opens it.
 * It stays within the budget of tests/site/widget.test.ts (3 KB gzipped): every line here is paid on every shop page.
 */
import { css, defaultLocale, homes, labels, panels } from 'virtual:help-center-widget/loader';
import { adoptStyles } from './adopt-styles';
import { hostTagName, type MountPanel, type WidgetPanel } from './host';
import { lineIcon } from './icon';

// Only a classic script has a currentScript, and only while it runs.
const script = (document.currentScript ?? document.querySelector('script[src*="/widget.js"]')) as HTMLScriptElement | null;

/** The help center's locale for a language tag ("fr", "fr-CA", "FR"), else its default. */
function pickLocale(tag: string): string {
	const wanted = tag.trim().toLowerCase();
	const codes = Object.keys(panels);
	const primary = (code: string) => code.toLowerCase().split('-')[0];
	return codes.find((code) => code.toLowerCase() === wanted) ?? codes.find((code) => primary(code) === primary(wanted)) ?? defaultLocale;
}

/** A speech bubble with a question mark, drawn in the button's text colour. */
const bubblePath = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM9.6 9a2.4 2.4 0 1 1 3.4 2.2c-.6.3-1 .8-1 1.5v.3M12 15.6v.1';

function start(): void {
	if (!script || document.querySelector(hostTagName)) return;
	const source = new URL(script.src, location.href);
	const locale = pickLocale(script.dataset['locale'] || document.documentElement.lang || '');
	const host = document.createElement(hostTagName);
	// Open, not closed: a closed root would hide nothing from the shop's own scripts (they run in the same page and
	// could replace attachShadow), but it would hide the panel from accessibility checkers and browser extensions.
	const root = host.attachShadow({ mode: 'open' });
	adoptStyles(root, css);
	const launcher = document.createElement('button');
	launcher.type = 'button';
	launcher.className = 'launcher';
	launcher.lang = locale;
	launcher.setAttribute('aria-haspopup', 'dialog');
	launcher.setAttribute('aria-expanded', 'false');
	const label = document.createElement('span');
	label.textContent = labels[locale] ?? '';
	launcher.appendChild(lineIcon(bubblePath));
	launcher.appendChild(label);
	root.appendChild(launcher);
	document.body.appendChild(host);

	let panel: Promise<WidgetPanel> | undefined;
	launcher.addEventListener('click', () => {
		// A module import from the help center's origin: the shop's `script-src <help center>` allows it, and the
		// panel's file is served with CORS for it.
		panel ??= import(new URL(panels[locale] ?? '', source).href).then((module: { mount: MountPanel }) => module.mount({ root, launcher, origin: source.origin }));
		panel.then(
			(opened) => opened.open(),
			() => {
				// Not reachable (offline, or a loader cached from before a deploy asking for a panel that is gone): the help
				// center itself, in a new tab, still helps. The next click tries the panel again.
				panel = undefined;
				window.open(new URL(homes[locale] ?? '/', source).href, '_blank', 'noopener');
			},
		);
	});
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start);

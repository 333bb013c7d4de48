// The build-time modules of the widget, written by src/widget/build/build-widget.ts from content/site.yaml and
// src/i18n/*.json.

declare module 'virtual:help-center-widget/loader' {
	/** Per locale, the panel's content-hashed file, relative to widget.js (`widget/panel-fr.1a2b3c4d.js`). */
	export const panels: Record<string, string>;
	/** Per locale, the launcher's label. */
	export const labels: Record<string, string>;
	/** Per locale, the help center's home page (`/fr`), opened in a new tab if the panel cannot load. */
	export const homes: Record<string, string>;
	export const defaultLocale: string;
	/** The brand's theme and the launcher's styles, minified. */
	export const css: string;
}

declare module 'virtual:help-center-widget/panel' {
	/** The locale this panel was built for; its strings and links are in it. */
	export const locale: string;
	/** The UI strings the panel uses, in its locale only. */
	export const strings: Record<string, string>;
	/** Help-center pages, as paths (`/fr/suivi`): the panel resolves them against the help center's origin. */
	export const pages: { home: string; track: string; return: string; address: string; contact: string };
	export const brandName: string;
	/** The brand's web fonts, declared on the shop's page when the panel opens (src/widget/brand-fonts.ts). */
	export const fonts: import('./brand-fonts').WidgetFont[];
	/**
	 * Whether the panel may send the lookup and contact forms itself: not when the help center checks Turnstile,
	 * whose tokens are bound to its own hostname; then the panel links to its pages instead.
	 */
	export const forms: boolean;
	/** Whether the help center answers questions (content/site.yaml `answers.enabled`): the Ask tab. */
	export const answers: boolean;
	/** The contact promise: "within {hours} hours", and the team's hours in this locale. */
	export const replyWithinHours: number;
	export const contactHours: string;
	/** The panel's styles, minified. */
	export const css: string;
}

/**
 * What the loader (widget.js) hands the panel it imports: the two are built separately, so this interface is their
 * whole contract. The panel's module, `widget/panel-<locale>.<hash>.js`, exports `mount`.
 */
export interface WidgetHost {
	/** The widget's shadow root, where the loader drew the launcher and the panel draws itself. */
	root: ShadowRoot;
	/** The launcher button: the panel sets its aria-controls and aria-expanded, and returns focus to it. */
	launcher: HTMLButtonElement;
	/** The help center's origin, where widget.js came from: the API and every link point there. */
	origin: string;
}

export interface WidgetPanel {
	open(): void;
}

export type MountPanel = (host: WidgetHost) => WidgetPanel;

/** The element the widget lives in on the shop's page (an autonomous custom element name, never defined). */
export const hostTagName = 'help-center-widget';

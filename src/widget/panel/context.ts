export type TabName = 'ask' | 'track' | 'contact';

/** What each view of the panel gets from the panel. */
export interface PanelContext {
	/** The help center's origin: the API and the links. */
	origin: string;
	/** Says `message` in the panel's live region. */
	announce(message: string): void;
	/** Shows another view, focusing its first field. */
	showTab(name: TabName): void;
	/** The questions asked in the panel, newest last: the contact form sends them as what the shopper searched for. */
	questions: string[];
}

/** An API address of the help center. */
export const apiUrl = (origin: string, path: string) => new URL(`/api/${path}`, origin).href;

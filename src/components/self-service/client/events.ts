/** What the help center records about its own use; no personal data. */
export interface HelpCenterEvent {
	kind: 'deflection';
	locale: string;
	/** What the shopper had typed when an article answered them. */
	query: string;
	/** The article that answered. */
	url: string;
	/** The page the event happened on. */
	page: string;
}

/**
 * Sends an event to `POST /api/events` without waiting for it and without ever failing: a lost event must not
 * break the page, whatever the endpoint answers (including 404 while no endpoint records events).
 */
export function recordEvent(event: HelpCenterEvent): void {
	const body = JSON.stringify(event);
	try {
		if (navigator.sendBeacon?.('/api/events', new Blob([body], { type: 'application/json' }))) return;
	} catch {
		// Some browsers refuse JSON beacons; a keepalive fetch does the same job.
	}
	fetch('/api/events', { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body }).catch(() => undefined);
}

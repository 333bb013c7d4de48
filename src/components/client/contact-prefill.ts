/**
 * A shopper's question carried to the contact form, so that "Write to us" after an answer that did not help opens the
 * form with the question already in the message.
 *
 * It travels in the address's fragment (`/en/contact#ask=…`), never in its query: browsers do not send the fragment
 * to the server, so the question stays out of the Worker's, the CDN's and any proxy's request logs, and out of the
 * Referer. Unlike sessionStorage, a fragment also survives a link opened in a new tab. The contact page takes the
 * question out of the address as soon as it has read it, so it is not left in the address bar to be shared or
 * bookmarked.
 */

const key = 'ask';

/** The contact page's address with `question` for its message. */
export function contactUrlWith(contactUrl: string, question: string): string {
	const text = question.trim();
	return text ? `${contactUrl.split('#')[0]}#${key}=${encodeURIComponent(text)}` : contactUrl;
}

/** The question the address carries for the contact form, removed from the address; undefined without one. */
export function takeQuestionFromAddress(): string | undefined {
	const match = new RegExp(`^#${key}=(.*)$`, 's').exec(location.hash);
	if (!match) return undefined;
	history.replaceState(history.state, '', `${location.pathname}${location.search}`);
	try {
		return decodeURIComponent(match[1] ?? '').trim() || undefined;
	} catch {
		return undefined;
	}
}

import { translate } from '../../src/i18n/translate';
import { ConnectorError } from '../connectors/errors';
import type { ShopConnector } from '../connectors/shop';
import type { EmailMessage } from '../domain/email';
import type { Ticket } from '../domain/ticket';
import { ApiError } from '../errors';
import { enqueueForward, type ForwardMessage, recordShopReference, recordSubmission, replaceConfirmation, replaceTicket } from './outbox';

/** What submitting a return or an address change needs, without the HTTP layer. */
export interface SubmissionDeps {
	db: D1Database;
	dataKey: CryptoKey;
	queue: Queue<ForwardMessage>;
	shop: ShopConnector;
}

/** A change the shop is asked to make, and what an agent is told when it could not. */
export interface ShopChange {
	/** How the log names the change: "return", "address change". */
	label: string;
	/** Asks the shop; answers the shop's id for what it made, when it gives one. */
	apply: () => Promise<{ shopReference: string | null }>;
	/** The sentence added to the ticket when an agent must make the change by hand, given why the shop did not. */
	manualNote: (reason: string) => string;
}

/** The change token already made this kind of change: name the first one, in the shopper's language. */
function alreadySubmitted(locale: string, reference: string): ApiError {
	return new ApiError(409, 'action_unavailable', translate(locale, 'api.reason.already_submitted', { reference }), {
		details: { code: 'already_submitted', reference },
	});
}

/**
 * Why the shop did not make a change, for the agent who makes it by hand and for the log: a connector's own
 * words (vendor, status, refusal codes), which never carry personal data.
 */
function shopFailureReason(error: unknown): string {
	return error instanceof ConnectorError ? error.message : 'unexpected error';
}

/**
 * The sequence every change a shopper makes goes through. The ticket is written to the outbox first (a change
 * token makes one change of each kind: a second is refused with the first's reference); then the shop is asked.
 * When the shop fails, for whatever reason, the ticket asks an agent to make the change by hand and the shopper
 * is still answered: the request is on record. Either way the ticket is then forwarded to the helpdesk, and the
 * shopper's confirmation e-mail sent, by the queue: `confirmation(applied)` words it, recorded first as if the shop
 * had not made the change (what stays true if the Worker stops halfway), then as it turned out.
 * Answers whether the shop made the change.
 */
export async function submitShopChange(
	deps: SubmissionDeps,
	submission: { ticket: Ticket; orderId: string; tokenId: string; confirmation: (applied: boolean) => EmailMessage },
	change: ShopChange,
): Promise<{ applied: boolean }> {
	const { ticket } = submission;
	const { duplicateOf } = await recordSubmission(deps.db, deps.dataKey, { ...submission, confirmation: submission.confirmation(false) });
	if (duplicateOf !== undefined) throw alreadySubmitted(ticket.locale, duplicateOf);
	let applied = true;
	try {
		const { shopReference } = await change.apply();
		if (shopReference !== null) await recordShopReference(deps.db, ticket.reference, shopReference);
	} catch (error) {
		applied = false;
		const reason = shopFailureReason(error);
		console.error(`${change.label} ${ticket.reference}: left to an agent (${reason})`);
		const manual: Ticket = { ...ticket, body: `${ticket.body}\n\n${change.manualNote(reason)}`, tags: [...ticket.tags, 'needs-manual-action'] };
		await replaceTicket(deps.db, deps.dataKey, manual);
	}
	if (applied) await replaceConfirmation(deps.db, deps.dataKey, ticket.reference, submission.confirmation(true));
	await enqueueForward(deps.queue, ticket.reference);
	return { applied };
}

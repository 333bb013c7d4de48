import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ConnectorError, temporaryFailure } from '../../functions/connectors/errors';
import { createLocalInbox } from '../../functions/connectors/local-inbox/local-inbox';
import type { Mailer } from '../../functions/connectors/mailer';
import type { EmailMessage } from '../../functions/domain/email';
import { addressConfirmationEmail, contactConfirmationEmail } from '../../functions/services/confirmation-emails';
import { recordSubmission, requeueStuckSubmissions, sendConfirmation } from '../../functions/services/outbox';
import { captureErrorLog, contactTicket, dataKey, recordingQueue } from './support';

const hour = 3_600_000;
const policy = { delaySeconds: () => 30, horizonMs: 24 * hour };
const log = captureErrorLog();

/** A mailer that keeps what it is given, or fails with `failure`. */
function recordingMailer(failure?: Error): Mailer & { sent: EmailMessage[] } {
	const sent: EmailMessage[] = [];
	return {
		sent,
		async send(message) {
			if (failure) throw failure;
			sent.push(message);
			return { messageId: `m-${sent.length}` };
		},
	};
}

async function recordContact(now: number, to = 'jane.doe@example.com') {
	const ticket = contactTicket();
	await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null, confirmation: contactConfirmationEmail({ reference: ticket.reference, to, locale: 'fr' }) }, now);
	return ticket.reference;
}

const status = (id: string) => env.DB.prepare('SELECT confirmation_status AS status, confirmation FROM submissions WHERE id = ?1').bind(id).first<{ status: string; confirmation: string | null }>();

describe('confirmation e-mails from the outbox', () => {
	it('sends the contact confirmation once, in the shopper’s language, repeating nothing they wrote', async () => {
		const now = Date.now();
		const reference = await recordContact(now);
		const mailer = recordingMailer();
		expect(await sendConfirmation(env.DB, await dataKey(), mailer, reference, policy, now)).toEqual({ kind: 'sent' });
		// A second delivery of the queue message sends nothing.
		expect(await sendConfirmation(env.DB, await dataKey(), mailer, reference, policy, now)).toEqual({ kind: 'none' });
		expect(mailer.sent).toHaveLength(1);
		const [message] = mailer.sent;
		expect(message).toMatchObject({ reference: `confirmation/${reference}`, to: 'jane.doe@example.com', locale: 'fr', subject: `Nous avons bien reçu votre message (${reference})` });
		expect(message?.text).toContain('vous répondrons à cette adresse sous 24 heures');
		for (const written of ['Where is my parcel?', 'It has not arrived yet.', 'Jane Doe']) expect(message?.text).not.toContain(written);
		// Once sent, the outbox keeps no copy of the e-mail.
		expect(await status(reference)).toEqual({ status: 'sent', confirmation: null });
	});

	it('retries while the mail service is down, then gives up after a day with a log line naming the reference only', async () => {
		const now = Date.now();
		const reference = await recordContact(now);
		const down = recordingMailer(temporaryFailure({ vendor: 'Resend', detail: 'server error', status: 503 }));
		expect(await sendConfirmation(env.DB, await dataKey(), down, reference, policy, now)).toMatchObject({ kind: 'retry', delaySeconds: 30 });
		expect((await status(reference))?.status).toBe('pending');
		// The sweep hands it back to the queue even when the helpdesk already has the ticket.
		await env.DB.prepare(`UPDATE submissions SET status = 'sent' WHERE id = ?1`).bind(reference).run();
		const queue = recordingQueue();
		await requeueStuckSubmissions(env.DB, queue, 60, now + hour);
		expect(queue.sent).toContain(reference);
		expect(await sendConfirmation(env.DB, await dataKey(), down, reference, policy, now + 25 * hour)).toMatchObject({ kind: 'failed' });
		expect(log.lines).toEqual([`outbox: confirmation of ${reference} not sent: Resend: unavailable, HTTP 503`]);
		expect(log.lines.join('')).not.toContain('jane.doe');
	});

	it('sets a refused e-mail aside at once', async () => {
		const reference = await recordContact(Date.now());
		const refusing = recordingMailer(new ConnectorError('Resend refused the message', { vendor: 'Resend', kind: 'refused', status: 422 }));
		expect(await sendConfirmation(env.DB, await dataKey(), refusing, reference, policy)).toMatchObject({ kind: 'failed' });
		expect((await status(reference))?.status).toBe('failed');
	});

	it('lands once in the local inbox of the demo, however often it is sent', async () => {
		const inbox = createLocalInbox(env.DB);
		const message = contactConfirmationEmail({ reference: 'HC-INBOXTEST1', to: 'demo@example.com', locale: 'en' });
		await inbox.send(message);
		await inbox.send(message);
		const { results } = await env.DB.prepare(`SELECT subject FROM inbox WHERE kind = 'email' AND external_id = 'confirmation/HC-INBOXTEST1'`).all();
		expect(results).toEqual([{ subject: 'We have received your message (HC-INBOXTEST1)' }]);
	});

	it('words the address confirmation as it turned out, to the order’s own address', () => {
		const address = { firstName: 'Camille', lastName: 'Martin', address1: '3 rue Neuve', address2: null, city: 'Lyon', province: null, postalCode: '69001', countryCode: 'FR', phone: null };
		const base = { reference: 'HC-ADDRESS001', to: 'camille.martin@example.com', orderName: '#1001', address, formatted: 'Camille Martin\n3 rue Neuve\n69001 Lyon\nFR' };
		const updated = addressConfirmationEmail({ ...base, locale: 'en', applied: true });
		expect(updated).toMatchObject({ to: 'camille.martin@example.com', subject: 'Your delivery address for order #1001', locale: 'en' });
		expect(updated.text).toContain('Order #1001 will now be delivered to this address:\n\nCamille Martin\n3 rue Neuve\n69001 Lyon\nFR');
		const received = addressConfirmationEmail({ ...base, locale: 'fr', applied: false });
		expect(received.text).toContain('Nous avons bien reçu votre nouvelle adresse de livraison pour la commande #1001');
	});
});

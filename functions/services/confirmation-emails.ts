import { site } from '../../src/config/site';
import { hasUiStrings, translate, type UiKey } from '../../src/i18n/translate';
import { escapeHtml, textToHtml } from '../connectors/text';
import { formatMoney, type RefundEstimate } from '../contract/refund-estimate';
import type { EmailMessage } from '../domain/email';
import type { Address } from '../domain/order';
import { emailDocument } from './email-document';

/**
 * The confirmation e-mails a shopper gets after a return, an address change or a contact message, in their
 * language, as plain text and the same words in HTML. Their reference (`confirmation/<submission>`) makes each one
 * sent once. They hold only what the shop knows or the shopper proved (the order's own address), never what a
 * stranger could type into a form and have us mail to someone else.
 */

function message(reference: string, to: string, locale: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): EmailMessage {
	const text = paragraphs.join('\n\n');
	// The link is the only markup, and only an https address the shop gave.
	const html = emailDocument(
		locale,
		subject,
		textToHtml(text) + (link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : ''),
	);
	return { reference: `confirmation/${reference}`, to, subject, text, html, locale };
}

function language(locale: string): string {
	return hasUiStrings(locale) ? locale : 'en';
}

function greeting(locale: string, name: string): string[] {
	return name ? [translate(locale, 'api.confirm.greeting', { name })] : [];
}

function signature(locale: string): string {
	return translate(locale, 'api.confirm.signature', { brand: site.brand.name });
}

/** One line of what the shopper gets back (or that an exchange costs nothing), worded as on the review step. */
export function refundLines(locale: string, refund: RefundEstimate): string[] {
	const money = (amount: NonNullable<RefundEstimate['total']>) => formatMoney(amount, locale);
	if (refund.resolution === 'exchange') return [translate(locale, 'return.refund.exchange')];
	if (!refund.items || !refund.total) return [translate(locale, 'return.refund.unknown')];
	return [
		translate(locale, 'return.refund.items', { amount: money(refund.items) }),
		refund.labelFee ? translate(locale, 'return.refund.fee', { amount: money(refund.labelFee) }) : translate(locale, 'return.refund.feeFree'),
		translate(locale, `return.refund.total.${refund.resolution}` as UiKey, { amount: money(refund.total) }),
	];
}

export interface ReturnConfirmation {
	reference: string;
	to: string;
	name: string;
	locale: string;
	orderName: string;
	/** "1 × Merino T-shirt (Black / L): Too small, in exchange for Size: L" — already in the shopper's language. */
	lines: string[];
	refund: RefundEstimate;
	labelUrl: string | null;
	nextSteps: string[];
}

/** The e-mail confirming a return: its reference, the items, the money, the label when there is one, what comes next. */
export function returnConfirmationEmail(input: ReturnConfirmation): EmailMessage {
	const locale = language(input.locale);
	const t = (key: UiKey, values: Record<string, string | number> = {}) => translate(locale, key, values);
	const subject = t('api.confirm.return.subject', { reference: input.reference, order: input.orderName });
	const paragraphs = [
		...greeting(locale, input.name),
		t('api.confirm.return.intro', { order: input.orderName, reference: input.reference }),
		[t('api.confirm.return.items'), ...input.lines.map((line) => `- ${line}`)].join('\n'),
		refundLines(locale, input.refund).join('\n'),
		...(input.labelUrl ? [t('api.confirm.return.label', { url: input.labelUrl })] : []),
		[t('api.confirm.return.nextSteps'), ...input.nextSteps.map((step, index) => `${index + 1}. ${step}`)].join('\n'),
		signature(locale),
	];
	const link = input.labelUrl ? { label: t('return.labelLink'), url: input.labelUrl } : undefined;
	return message(input.reference, input.to, locale, subject, paragraphs, link);
}

/** The e-mail confirming a new delivery address, sent to the order's own address (the owner learns of any change). */
export function addressConfirmationEmail(input: { reference: string; to: string; locale: string; orderName: string; address: Address; applied: boolean; formatted: string }): EmailMessage {
	const locale = language(input.locale);
	const t = (key: UiKey, values: Record<string, string | number> = {}) => translate(locale, key, values);
	const subject = t('api.confirm.address.subject', { order: input.orderName });
	const paragraphs = [
		...greeting(locale, input.address.firstName),
		t(input.applied ? 'api.confirm.address.updated' : 'api.confirm.address.received', { order: input.orderName }),
		input.formatted,
		t('api.confirm.address.reference', { reference: input.reference }),
		t('api.confirm.ignore'),
		signature(locale),
	];
	return message(input.reference, input.to, locale, subject, paragraphs);
}

/**
 * The e-mail confirming a contact message. Anyone can type any address into the contact form, so it repeats nothing
 * the sender wrote (no name, subject or message): it cannot carry someone's words to a stranger's mailbox.
 */
export function contactConfirmationEmail(input: { reference: string; to: string; locale: string }): EmailMessage {
	const locale = language(input.locale);
	const subject = translate(locale, 'api.confirm.contact.subject', { reference: input.reference });
	const paragraphs = [
		translate(locale, 'api.confirm.contact.body', { reference: input.reference, hours: site.contact.replyWithinHours }),
		translate(locale, 'api.confirm.ignore'),
		signature(locale),
	];
	return message(input.reference, input.to, locale, subject, paragraphs);
}

import { site } from '../../src/config/site';
import { hasUiStrings, translate } from '../../src/i18n/translate';
import { escapeHtml, textToHtml } from '../connectors/text';
import type { EmailMessage } from '../domain/email';
import { emailDocument } from './email-document';

/** Stands for the code while the text becomes HTML, so only the code is set in bold (a private-use character). */
const codeMarker = '\uE000';

/**
 * The e-mail carrying a one-time code, in the shopper's language: the plain text, and the same words as a small
 * HTML document with its language declared (screen readers pick the right voice) and the code in bold.
 */
export function codeEmail(input: { reference: string; to: string; locale: string; code: string; orderName: string }): EmailMessage {
	const locale = hasUiStrings(input.locale) ? input.locale : 'en';
	const values = { brand: site.brand.name, code: input.code, order: input.orderName };
	const subject = translate(locale, 'api.code.subject', values);
	const text = translate(locale, 'api.code.body', values);
	const body = textToHtml(translate(locale, 'api.code.body', { ...values, code: codeMarker }))
		.split(codeMarker)
		.join(`<strong>${escapeHtml(input.code)}</strong>`);
	const html = emailDocument(locale, subject, body);
	return { reference: input.reference, to: input.to, subject, text, html, locale };
}

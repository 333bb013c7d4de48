import { z } from 'zod';
import {
	addressLimits,
	contactLimits,
	emailMaxLength,
	orderNumberPattern,
	phonePattern,
	returnCommentMaxLength,
	returnQuantityMax,
	verificationCodePattern,
} from './form-rules';
import { isValidPostalCode } from './postal-codes';
import { defaultLocale, locales } from '../../src/config/site';

// Shared by the API and the self-service pages, so both enforce the same limits (the plain rules live in
// form-rules.ts, which the pages import without zod).
export { contactLimits };

// The text policy of every field a person reads (names, subjects, messages, comments, address lines, searches).
// Refused, as `control_characters`:
// - control characters (CR and LF too, but for the line breaks of multi-line fields): they inject headers into
//   helpdesk e-mail;
// - format characters (Unicode Cf): zero widths, word joiner, BOM, LRM/RLM/ALM, bidi embeddings, overrides and
//   isolates, which hide text or reorder it ("Trojan Source"), and the whole tag block, invisible text that AI tools
//   in a helpdesk read as instructions ("ASCII smuggling"); line and paragraph separators; lone surrogates; the
//   Hangul fillers that make blank-looking names;
// - runs of variation selectors, which can carry hidden bytes after any character.
// Kept: every letter, mark, digit, symbol and emoji, with the joiners that change how text is drawn: the zero-width
// joiner inside an emoji sequence (👩 ZWJ 💻 draws one technologist), both joiners after a letter of the scripts
// that spell with them (Persian, Urdu, Hindi, Tamil…), and the three flags written with tags (England, Scotland,
// Wales). A joiner anywhere else, in a Latin word for instance, changes nothing a reader sees and is refused.
const hiddenCharacters = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}\u115F\u1160\u3164\uFFA0]|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{2}/u;
const tagFlags = /\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}/gu;
const joiningScripts = ['Arab', 'Syrc', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh'];
const joinersThatSpell = new RegExp(
	[
		`(?<=[${joiningScripts.map((script) => `\\p{scx=${script}}`).join('')}])[\\u200C\\u200D](?=[\\p{L}\\p{M}])`,
		'(?<=[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\uFE0F])\\u200D(?=\\p{Extended_Pictographic})',
	].join('|'),
	'gu',
);

/** Whether `text` breaks the text policy; line breaks (LF or CRLF) are allowed when `lineBreaks` is set. */
function hidesText(text: string, lineBreaks: boolean): boolean {
	const checked = lineBreaks ? text.replace(/\r?\n/g, '') : text;
	return hiddenCharacters.test(checked.replace(tagFlags, '\u{1F3F4}').replace(joinersThatSpell, ''));
}

/** One line of text under the text policy (a line break could inject headers into helpdesk e-mail). */
export const singleLine = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !hidesText(text, false), 'control_characters');

/** Several lines of text under the text policy. */
export const multiLine = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !hidesText(text, true), 'control_characters');

/** An order number as shoppers type it: "#1001" or "1001". Digits only, so it cannot smuggle search syntax. */
export const orderNumberSchema = z
	.string()
	.trim()
	.regex(orderNumberPattern, 'order_number_format')
	.transform((value) => `#${value.replace(/^#/, '')}`);

export const emailSchema = z
	.string()
	.trim()
	.pipe(z.email().max(emailMaxLength))
	.refine((text) => !hidesText(text, false), 'control_characters');

/** One of the help center's languages (content/site.yaml); messages are written in it. */
export const localeSchema = z.enum(locales as [string, ...string[]]).default(defaultLocale);

const turnstileToken = z.string().min(1).max(2048).optional();

export const lookupRequestSchema = z.strictObject({
	orderNumber: orderNumberSchema,
	email: emailSchema,
	locale: localeSchema,
	turnstileToken,
});

const tokenSchema = z.string().min(20).max(1024);

export const sendCodeRequestSchema = z.strictObject({ token: tokenSchema, locale: localeSchema, turnstileToken });

export const verifyCodeRequestSchema = z.strictObject({
	token: tokenSchema,
	code: z.string().trim().regex(verificationCodePattern, 'six_digits'),
	locale: localeSchema,
});

export const returnRequestSchema = z.strictObject({
	items: z
		.array(
			z.strictObject({
				lineItemId: z.string().min(1).max(200),
				quantity: z.number().int().min(1).max(returnQuantityMax),
				reasonId: z.string().regex(/^[a-z0-9-]{1,40}$/),
			}),
		)
		.min(1)
		.max(50),
	resolution: z.enum(['refund', 'exchange', 'store_credit']),
	comment: multiLine(returnCommentMaxLength).optional(),
	locale: localeSchema,
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const newAddressSchema = z
	.strictObject({
		firstName: singleLine(addressLimits.name),
		lastName: singleLine(addressLimits.name),
		address1: singleLine(addressLimits.line),
		address2: singleLine(addressLimits.line).optional(),
		city: singleLine(addressLimits.city),
		province: singleLine(addressLimits.province).optional(),
		postalCode: singleLine(addressLimits.postalCode),
		countryCode: z.string().regex(/^[A-Z]{2}$/, 'iso_country_code'),
		phone: z
			.string()
			.trim()
			.regex(phonePattern, 'phone_format')
			.optional(),
	})
	.superRefine((address, ctx) => {
		if (!isValidPostalCode(address.countryCode, address.postalCode)) {
			ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postal_code_format' });
		}
	});
export type NewAddress = z.infer<typeof newAddressSchema>;

export const addressChangeRequestSchema = z.strictObject({ address: newAddressSchema, locale: localeSchema });

/** Links as helpdesks and mail clients show them: addresses with a scheme, and those starting with `www.`. */
const linkPattern = /https?:\/\/\S*|\bwww\.\S*/gi;
const linkCount = (text: string) => (text.match(linkPattern) ?? []).length;

export const ticketRequestSchema = z
	.strictObject({
		name: singleLine(contactLimits.name),
		email: emailSchema,
		subject: singleLine(contactLimits.subject),
		message: multiLine(contactLimits.message),
		orderNumber: orderNumberSchema.optional(),
		locale: localeSchema,
		/** The help-center page the form was sent from: a path as browsers send it, percent-encoded ASCII. */
		page: z.string().max(300).regex(/^\/[\x21-\x7E]*$/, 'site_path').optional(),
		/** What the shopper searched for before writing (deflection insight). */
		searches: z.array(singleLine(contactLimits.searchLength)).max(contactLimits.searches).default([]),
		/** Honeypot: a field people never see; bots fill it. */
		website: z.string().max(200).optional(),
		turnstileToken,
	})
	.superRefine((ticket, ctx) => {
		// More than a few links is the mark of spam that would reach agents' inboxes. Every text an agent reads counts
		// together, or the links left out of the message would go in the name, the subject and the searches.
		const texts: [PropertyKey[], string][] = [
			[['name'], ticket.name],
			[['subject'], ticket.subject],
			[['message'], ticket.message],
			...ticket.searches.map((search, index): [PropertyKey[], string] => [['searches', index], search]),
		];
		if (texts.reduce((total, [, text]) => total + linkCount(text), 0) <= contactLimits.links) return;
		for (const [path, text] of texts) if (linkCount(text) > 0) ctx.addIssue({ code: 'custom', path, message: 'too_many_links' });
	});
export type TicketRequest = z.infer<typeof ticketRequestSchema>;

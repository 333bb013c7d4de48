import { z } from 'zod';
import { hidesText, multiLine, singleLine } from './text-policy';
import {
	addressLimits,
	contactLimits,
	emailMaxLength,
	orderNumberPattern,
	questionMaxLength,
	phonePattern,
	returnCommentMaxLength,
	returnQuantityMax,
	exchangeNoteMaxLength,
	verificationCodePattern,
} from './form-rules';
import { isValidPostalCode } from './postal-codes';
import { defaultLocale, locales } from '../../src/config/site';
import { matchLocale } from '../../src/config/match-locale';

// Shared by the API and the self-service pages, so both enforce the same limits (the plain rules live in
// form-rules.ts, which the pages import without zod).
export { contactLimits };

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

const localeCode = z.enum(locales as [string, ...string[]]);

/**
 * One of the help center's languages (content/site.yaml); messages are written in it. A regional tag as a browser
 * sends it (`fr-FR`, `en_GB`, `FR`) is read as its language; a language the help center lacks is refused.
 */
export const localeSchema = z.preprocess((tag) => (typeof tag === 'string' ? (matchLocale(tag, locales) ?? tag) : tag), localeCode).default(defaultLocale);

/** The same, as exact codes only: what a tool's JSON Schema lists for agents (MCP), which cannot describe the reading above. */
export const localeCodeSchema = localeCode.default(defaultLocale);

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
	/** What the shopper goes on to do: a return also gets the sizes and colours items can be exchanged for. */
	purpose: z.enum(['return', 'address']).optional(),
});

export const returnRequestSchema = z.strictObject({
	items: z
		.array(
			z.strictObject({
				lineItemId: z.string().min(1).max(200),
				quantity: z.number().int().min(1).max(returnQuantityMax),
				reasonId: z.string().regex(/^[a-z0-9-]{1,40}$/),
				/**
				 * For an exchange: the size or colour wanted, as the product's options (from the verify answer's
				 * `exchangeOptions`) or, when the shop lists none, in the shopper's words.
				 */
				exchange: z
					.strictObject({
						options: z.array(z.strictObject({ name: singleLine(60), value: singleLine(60) })).max(5).default([]),
						note: singleLine(exchangeNoteMaxLength).optional(),
					})
					.optional(),
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

/** `POST /api/answer`: a shopper's question, in their words, and the language to answer in. */
export const answerRequestSchema = z.strictObject({
	question: multiLine(questionMaxLength),
	locale: localeSchema,
});
export type AnswerRequest = z.infer<typeof answerRequestSchema>;

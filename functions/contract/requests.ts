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

// Control characters, plus bidirectional overrides that can disguise text in a helpdesk ("Trojan Source").
const controlCharacters = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const controlCharactersExceptNewlines = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** One line of text: no control characters (they could inject headers into helpdesk e-mail). */
export const singleLine = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !controlCharacters.test(text), 'control_characters');

/** Several lines of text: newlines allowed, other control characters refused. */
export const multiLine = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !controlCharactersExceptNewlines.test(text.replace(/\r\n/g, '\n')), 'control_characters');

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
	.refine((text) => !controlCharacters.test(text), 'control_characters');

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

export const ticketRequestSchema = z.strictObject({
	name: singleLine(contactLimits.name),
	email: emailSchema,
	subject: singleLine(contactLimits.subject),
	// More than a few links is the mark of spam that would reach agents' inboxes.
	message: multiLine(contactLimits.message).refine((text) => (text.match(/https?:\/\//gi) ?? []).length <= contactLimits.links, 'too_many_links'),
	orderNumber: orderNumberSchema.optional(),
	locale: localeSchema,
	/** The help-center page the form was sent from. */
	page: z.string().max(300).regex(/^\/[^\s]*$/, 'site_path').optional(),
	/** What the shopper searched for before writing (deflection insight). */
	searches: z.array(singleLine(contactLimits.searchLength)).max(contactLimits.searches).default([]),
	/** Honeypot: a field people never see; bots fill it. */
	website: z.string().max(200).optional(),
	turnstileToken,
});
export type TicketRequest = z.infer<typeof ticketRequestSchema>;

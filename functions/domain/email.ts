import { z } from 'zod';

/** Our id of one e-mail: mailers that support it pass it as their idempotency key. */
export const emailReferencePattern = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

/** An e-mail to a shopper (for example a one-time code), already worded in the shopper's language. */
export const emailMessageSchema = z.object({
	reference: z.string().regex(emailReferencePattern),
	to: z.email(),
	subject: z.string().min(1),
	text: z.string().min(1),
	/** An HTML alternative of `text`, built only from escaped text. */
	html: z.string().min(1).optional(),
	/** The language the message is written in, as a BCP 47 tag (`en`, `fr`). */
	locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

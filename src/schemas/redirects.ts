import { z } from 'zod';

/** An old address as content/redirects.yaml gives it: a path of this site, without query or fragment. */
export const oldPathSchema = z
	.string()
	.regex(/^\/[^\s?#]*$/, 'Write the old address as a path starting with "/", without "?" or "#", for example "/old-help/shipping".');

/** Where an old address leads: a page of the help center (`/en/shipping`, `/en#orders`) or an https address. */
export const redirectTargetSchema = z
	.string()
	.regex(/^(\/[^\s?#]*(#[\w-]+)?|https:\/\/[^\s/]+(\/\S*)?)$/, 'Write the new address as a page of the help center ("/en/shipping/delivery-times") or a full https:// address.');

/** content/redirects.yaml: each old address, then the address it now leads to. */
export const redirectsFileSchema = z.record(oldPathSchema, redirectTargetSchema, {
	error: 'Write one redirect per line, the old address then the new one: "/old/page: /en/shipping".',
});

export type RedirectsFile = z.output<typeof redirectsFileSchema>;

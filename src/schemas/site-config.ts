import { z } from 'zod';

const hexColor = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'Write colours as six-digit hex codes, for example "#1e5b47".');

/** A language code the site takes: two lowercase letters, with a region if needed ("en", "pt-BR"). */
export const localeCodePattern = /^[a-z]{2}(-[A-Z]{2})?$/;

const localeCode = z.string().regex(localeCodePattern, 'Use a language code such as "en", "fr" or "pt-BR".');

/** A text given once per locale, for example `{ en: 'Returns', fr: 'Retours' }`. */
export const localizedText = z.record(localeCode, z.string().min(1));

const themeColors = z.strictObject({
	background: hexColor,
	surface: hexColor,
	text: hexColor,
	muted: hexColor,
	primary: hexColor,
	onPrimary: hexColor,
	border: hexColor,
});

/**
 * A shop's web origin, as browsers send it in the `Origin` header: scheme, host and port, no path. Only https, but
 * for a shop running on this machine (localhost, 127.0.0.1) while it is being set up.
 */
const shopOrigin = z.string().superRefine((value, ctx) => {
	const example = 'for example "https://alderandpine.example"';
	if (value.includes('*')) {
		ctx.addIssue({ code: 'custom', message: `"${value}": a wildcard would let any site call the help center's API. List each shop's origin, ${example}.` });
		return;
	}
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		ctx.addIssue({ code: 'custom', message: `"${value}" is not a web address. Write the shop's origin, ${example}.` });
		return;
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		ctx.addIssue({ code: 'custom', message: `"${value}" must start with https:// (http:// only for localhost), ${example}.` });
	} else if (url.origin !== value) {
		ctx.addIssue({
			code: 'custom',
			message: `"${value}" is not an origin: write the scheme and host only, in lower case, without a path or a trailing slash ("${url.origin}").`,
		});
	}
});

const synonymTerm = z
	.string()
	.trim()
	.min(2, 'A synonym needs at least 2 characters.')
	.max(40, 'Keep each synonym under 40 characters: a word or a short phrase.')
	.regex(/^[\p{L}\p{N}][\p{L}\p{N}' ’-]*$/u, 'Write synonyms as words or short phrases: letters, digits, spaces, hyphens and apostrophes only.');

/** Words and phrases shoppers use for the same thing, for example `[refund, money back, reimbursement]`. */
const synonymGroup = z
	.array(synonymTerm)
	.min(2, 'A synonym group lists at least two words or phrases that mean the same thing.')
	.max(12, 'A synonym group holds at most 12 entries; split it into groups of closer meanings.')
	.refine((terms) => new Set(terms.map((term) => term.toLowerCase())).size === terms.length, 'The same word appears twice in this group.');

const publicPath = z
	.string()
	.regex(/^\/[\w\-./]+$/, 'Give a path inside public/, starting with "/", for example "/brand/logo.svg".');

/** The first family of a CSS font-family list, unquoted: the one the brand means (`"Figtree", system-ui` → `Figtree`). */
export function firstFontFamily(list: string): string {
	return (list.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
}

/** A web font file in public/, declared with @font-face (font-display: swap). */
const fontFile = z.strictObject({
	/** The name fonts.body or fonts.heading uses for it. */
	family: z.string().min(1).regex(/^[\w -]+$/, 'Write the font family as plain words, for example "Figtree".'),
	file: publicPath.regex(/\.woff2$/, 'Use a WOFF2 file for a web font (every current browser reads it, and it is the smallest), for example "/fonts/figtree-latin.woff2".'),
	/** One weight (400), or the range of a variable font ("300 800"). */
	weight: z.union([z.number().int().min(1).max(1000), z.string().regex(/^\d{1,4} \d{1,4}$/, 'Write a weight range as two numbers, for example "300 800".')]).default(400),
	style: z.enum(['normal', 'italic']).default('normal'),
});

export const siteConfigSchema = z
	.strictObject({
		brand: z.strictObject({
			name: z.string().min(1),
			tagline: localizedText,
			logo: publicPath,
			favicon: publicPath,
			/** The picture shown when a page is shared (Open Graph, X/Twitter cards): a 1200×630 PNG or JPEG. */
			socialImage: publicPath
				.regex(/\.(png|jpe?g)$/, 'Use a PNG or JPEG file for socialImage: social networks do not show SVG.')
				.optional(),
			colors: z.strictObject({ light: themeColors, dark: themeColors }),
			fonts: z
				.strictObject({
					body: z.string().min(1),
					heading: z.string().min(1),
					/** Web fonts served from public/; the body font's upright files are preloaded. */
					files: z.array(fontFile).max(4, 'Keep to 4 font files at most: each one is a download before the text shows in its font.').default([]),
				})
				.superRefine((fonts, ctx) => {
					const used = new Set([firstFontFamily(fonts.body), firstFontFamily(fonts.heading)]);
					fonts.files.forEach((font, index) => {
						if (used.has(font.family)) return;
						ctx.addIssue({
							code: 'custom',
							path: ['files', index, 'family'],
							message: `"${font.family}" is not the first font of fonts.body or fonts.heading, so no text would use it. Name it first there, for example body: '"${font.family}", system-ui, sans-serif'.`,
						});
					});
				}),
			/**
			 * A style sheet in public/ loaded after the help center's own, for the last touches of a brand (README, "Brand
			 * fonts and style sheet").
			 */
			css: publicPath.regex(/\.css$/, 'Give a CSS file in public/, for example "/brand/brand.css".').optional(),
		}),
		siteUrl: z.url({ message: 'Give the full address of the help center, for example "https://help.example.com".' }),
		shopUrl: z.url(),
		locales: z
			.array(z.strictObject({ code: localeCode, name: z.string().min(1) }))
			.min(1, 'List at least one locale.'),
		defaultLocale: localeCode,
		contact: z.strictObject({
			email: z.email(),
			phone: z.string().min(3).optional(),
			hours: localizedText,
			replyWithinHours: z.number().int().positive(),
		}),
		search: z
			.strictObject({
				/** Per locale, groups of words that should find the same articles. */
				synonyms: z.record(localeCode, z.array(synonymGroup).max(500, 'Keep synonyms under 500 groups per language.')).default({}),
			})
			.default({ synonyms: {} }),
		policies: z.strictObject({
			returnWindowDays: z.number().int().min(0).max(365),
			addressChangeWindowHours: z.number().int().min(0).max(720),
			/** Days after the delivery date within which a shopper reports a parcel that never came; absent: no such limit. */
			missingParcelReportDays: z.number().int().min(1).max(365).optional(),
			returnReasons: z
				.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: localizedText }))
				.min(1),
			/**
			 * What the prepaid return label costs, taken off the refund (once per return), and when it is free: for these
			 * resolutions, or when every returned item has one of these reasons. Absent: labels are free.
			 */
			returnLabelFee: z
				.strictObject({
					amount: z.number().min(0, 'The fee cannot be negative.').max(1000).multipleOf(0.01, 'Give the fee with at most two decimals, for example 4.95.'),
					currency: z.string().regex(/^[A-Z]{3}$/, 'Give the currency as a three-letter ISO 4217 code, for example EUR.'),
					freeForReasons: z.array(z.string()).default([]),
					freeForResolutions: z.array(z.enum(['refund', 'exchange', 'store_credit'])).default([]),
				})
				.optional(),
		}),
		/** What the help center keeps of what shoppers search for, vote on and get done (`npm run report`). */
		insights: z
			.strictObject({
				/**
				 * Days each event is kept as it came (with its query or comment); older days are kept as daily counts,
				 * and comments are dropped.
				 */
				keepEventsDays: z.number().int().min(1, 'Keep events at least one day.').max(3650, 'Keep events at most 3650 days (ten years).').default(90),
			})
			.default({ keepEventsDays: 90 }),
		/** Answers to shoppers' questions (POST /api/answer, the answer card of the search box and the contact page). */
		answers: z
			.strictObject({
				/** Set to false to show search results only: no answer card, and the endpoint answers 404. */
				enabled: z.boolean({ error: 'answers.enabled is true or false.' }).default(true),
				/**
				 * An article not updated for this many days no longer answers questions on its own (it stays in search):
				 * an old policy quoted as the answer does more harm than a list of links.
				 */
				staleAfterDays: z.number().int().min(1, 'Give at least one day.').max(3650, 'Give at most 3650 days (ten years).').optional(),
			})
			.default({ enabled: true }),
		/**
		 * The storefront widget (`<script src="…/widget.js">` on the shop's pages): the shop origins whose pages may call
		 * the API with it. The API refuses every other origin (403 origin_not_allowed), as it does without this list.
		 */
		widget: z
			.strictObject({
				allowedOrigins: z.array(shopOrigin).max(50, 'List at most 50 shop origins.').default([]),
			})
			.default({ allowedOrigins: [] }),
		/** Cloudflare Turnstile on the self-service forms; the Worker then needs the TURNSTILE_SECRET secret. */
		turnstile: z
			.strictObject({
				siteKey: z.string().regex(/^[\w-]{10,100}$/, 'Copy the site key from the Turnstile page of the Cloudflare dashboard.'),
			})
			.optional(),
	})
	.superRefine((config, ctx) => {
		const codes = config.locales.map((locale) => locale.code);
		if (!codes.includes(config.defaultLocale)) {
			ctx.addIssue({
				code: 'custom',
				path: ['defaultLocale'],
				message: `"${config.defaultLocale}" is not in locales (${codes.join(', ')}). Add it to locales or pick one of them.`,
			});
		}
		const requireEveryLocale = (text: Record<string, string>, path: (string | number)[]) => {
			for (const code of codes) {
				if (!text[code]) {
					ctx.addIssue({ code: 'custom', path, message: `Missing the "${code}" text. Add a line "${code}: …".` });
				}
			}
		};
		requireEveryLocale(config.brand.tagline, ['brand', 'tagline']);
		requireEveryLocale(config.contact.hours, ['contact', 'hours']);
		for (const code of Object.keys(config.search.synonyms)) {
			if (!codes.includes(code)) {
				ctx.addIssue({
					code: 'custom',
					path: ['search', 'synonyms', code],
					message: `"${code}" is not in locales (${codes.join(', ')}). Remove these synonyms or add the language.`,
				});
			}
		}
		config.policies.returnReasons.forEach((reason, index) =>
			requireEveryLocale(reason.label, ['policies', 'returnReasons', index, 'label']),
		);
		const reasonIds = new Set(config.policies.returnReasons.map((reason) => reason.id));
		config.policies.returnLabelFee?.freeForReasons.forEach((reason, index) => {
			if (!reasonIds.has(reason)) {
				ctx.addIssue({
					code: 'custom',
					path: ['policies', 'returnLabelFee', 'freeForReasons', index],
					message: `"${reason}" is not one of policies.returnReasons: use one of their ids (${[...reasonIds].join(', ')}).`,
				});
			}
		});
	});

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type ThemeColors = z.output<typeof themeColors>;

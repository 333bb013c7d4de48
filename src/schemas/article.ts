import { z } from 'zod';
import { titleLimits } from '../utils/seo-title.ts';

/** The systems `npm run import` reads; an imported article records its system and id in `source`. */
export const importSystems = ['zendesk', 'csv', 'markdown'] as const;

const slugLike = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and hyphens only, for example "return-policy".');

const sitePath = z
	.string()
	.regex(/^\/[^\s?#]*$/, 'Write the old address as a path starting with "/", for example "/en/old-page".');

/** Frontmatter of one article; unknown fields are refused so that typos do not pass silently. */
export const articleFrontmatterSchema = z.strictObject({
	title: z
		.string({ error: 'Add a title, for example: title: Delivery times and costs' })
		.trim()
		.min(titleLimits.min, `The title is too short: write at least ${titleLimits.min} characters so shoppers know what the page answers.`)
		.max(titleLimits.max, `The title is too long: keep it under ${titleLimits.max} characters, and put a shorter one for search engines in seoTitle.`),
	seoTitle: z
		.string({ error: 'seoTitle is text: the title search engines and social networks show, at most 65 characters.' })
		.trim()
		.min(titleLimits.min, 'seoTitle is empty: write the title search engines should show, or remove the field.')
		.max(titleLimits.seo, `seoTitle is too long: search engines cut titles after about ${titleLimits.seo} characters. Shorten it.`)
		.optional(),
	description: z
		.string({ error: 'Add a description of 50 to 160 characters: it is the summary search engines show.' })
		.trim()
		.min(50, 'The description is too short: write 50 to 160 characters that summarise the answer.')
		.max(160, 'The description is too long: search engines cut it after 160 characters. Shorten it.'),
	category: slugLike.optional(),
	order: z.number({ error: 'order must be a whole number, for example: order: 2' }).int().default(100),
	keywords: z.array(z.string().trim().min(1)).default([]),
	updated: z.coerce.date({ error: 'Give the date of the last change as YYYY-MM-DD, for example: updated: 2026-11-02' }),
	draft: z.boolean({ error: 'draft is true or false.' }).default(false),
	promoted: z.boolean({ error: 'promoted is true or false.' }).default(false),
	translationKey: slugLike.optional(),
	redirectFrom: z.array(sitePath).default([]),
	source: z
		.strictObject(
			{
				system: z.enum(importSystems, { error: `source.system is one of: ${importSystems.join(', ')}.` }),
				id: z.union([z.string().trim().min(1), z.number().int()], { error: 'source.id is the article\'s id in the system it was imported from.' }).transform(String),
			},
			{ error: 'source is written by npm run import: { system: zendesk, id: "360001234567" }. Remove it if you wrote it by hand.' },
		)
		.optional(),
	related: z.array(slugLike).default([]),
	// Never shown: they teach the answer engine which article answers a question (src/answers/asked-model.ts).
	asked: z
		.array(z.string({ error: 'Each entry of asked is a question, in quotes if it has a colon.' }).trim().min(3, 'Write the question as a shopper would ask it.').max(300, 'Keep each question under 300 characters.'), {
			error: 'asked is a list of questions, one per line starting with "- ".',
		})
		.max(50, 'List at most 50 questions under asked: a dozen in varied words teach as much.')
		.default([]),
	faq: z
		.array(
			z.strictObject({
				question: z.string().trim().min(5, 'Write the question in full.'),
				answer: z.string().trim().min(5, 'Write the answer in full.'),
			}),
		)
		.optional(),
});

export type ArticleFrontmatter = z.output<typeof articleFrontmatterSchema>;

export const categoryIcons = ['package', 'truck', 'return', 'card', 'ruler', 'user', 'help'] as const;

/**
 * What `npm run import` records in a category or group it wrote: where it came from, and a fingerprint of the title
 * and description it wrote. While they still match it, a later import may replace them (with their translation, for
 * example); once an editor changes them, imports leave them alone.
 */
const importedTextSchema = z.strictObject(
	{
		system: z.enum(importSystems, { error: `source.system is one of: ${importSystems.join(', ')}.` }),
		id: z.union([z.string().trim().min(1), z.number().int()]).transform(String),
		written: z.string().regex(/^[0-9a-f]{8,64}$/).optional(),
	},
	{ error: 'source is written by npm run import. Remove it if you wrote it by hand.' },
);

/** The fields of an imported category's or group's `source`. */
export type ImportedText = z.output<typeof importedTextSchema>;

const groupId = slugLike;

/** A category's `_category.yaml`. */
export const categorySchema = z.strictObject({
	title: z.string().trim().min(2).max(60),
	description: z.string().trim().min(10).max(200),
	icon: z.enum(categoryIcons, { error: `icon must be one of: ${categoryIcons.join(', ')}.` }).default('help'),
	order: z.number().int().default(100),
	layout: z.enum(['list', 'faq'], { error: 'layout is "list" or "faq".' }).default('list'),
	/** The group the category is shown under on the home page, by its id in `_groups.yaml`. */
	group: groupId.optional(),
	/** Old addresses of the category's page (a Zendesk section's); they answer 301 to it. */
	redirectFrom: z.array(sitePath).default([]),
	source: importedTextSchema.optional(),
});

export type Category = z.output<typeof categorySchema>;

/** One group of categories in a locale's `_groups.yaml`. */
export const groupSchema = z.strictObject({
	title: z.string({ error: 'Add a title, for example: title: Orders & delivery' }).trim().min(2).max(60),
	description: z.string().trim().min(10).max(200).optional(),
	order: z.number({ error: 'order must be a whole number, for example: order: 2' }).int().default(100),
	/** Old addresses of the group's page (a Zendesk category's); they answer 301 to the group on the home page. */
	redirectFrom: z.array(sitePath).default([]),
	source: importedTextSchema.optional(),
});

export type Group = z.output<typeof groupSchema>;

/** A locale's `_groups.yaml`: each group by its id, the id being what `group:` in `_category.yaml` names. */
export const groupsFileSchema = z.record(groupId, groupSchema, { error: 'Write one group per id: "orders-delivery:" then its title, description and order.' });

export type GroupsFile = z.output<typeof groupsFileSchema>;

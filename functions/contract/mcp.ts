import { z } from 'zod';
import { questionMaxLength } from './form-rules';
import { localeCodeSchema } from './requests';
import { answerResponseSchema } from './responses';
import { multiLine, singleLine } from './text-policy';

/**
 * The MCP endpoint (`/mcp`, functions/mcp/): what its tools take and give. Inputs are checked with these schemas
 * before a tool runs, and agents read them as JSON Schema in `tools/list`, so every description here is written for
 * an AI agent. Every address a tool gives is absolute, on the help center's public address.
 */

/** Longest search query; longer text is a question for `answer_question`. */
export const searchQueryMaxLength = 200;
/** Most articles one search gives. */
export const searchMaxResults = 10;
/** Articles listed under each category by `list_categories` without `category`; with it, up to {@link categoryMaxArticles}. */
export const categoryPreviewArticles = 20;
export const categoryMaxArticles = 500;
/** Resources per page of `resources/list` (each page holds one locale's articles). */
export const resourcesPerPage = 500;

const locale = localeCodeSchema.describe('The language to answer in, one of the help center’s languages; the default is its main language.');

export const searchArticlesInputSchema = z.strictObject({
	query: singleLine(searchQueryMaxLength).describe('What to look for, in the shopper’s words: "refund", "how long does delivery take to Canada".'),
	locale,
	limit: z.number().int().min(1).max(searchMaxResults).default(5).describe('How many articles at most.'),
});

export const getArticleInputSchema = z
	.strictObject({
		url: singleLine(500)
			.optional()
			.describe('The article’s address, as search_articles or list_categories give it (https://…/en/shipping/customs, with or without .md), or its path (/en/shipping/customs).'),
		slug: singleLine(200)
			.optional()
			.describe('Instead of url: the last part of the article’s address ("customs"), or its category and slug ("shipping/customs"), looked up in `locale`.'),
		locale,
	})
	.refine((input) => (input.url === undefined) !== (input.slug === undefined), { message: 'Give either url or slug, not both.', path: ['url'] });

export const listCategoriesInputSchema = z.strictObject({
	locale,
	category: singleLine(100)
		.optional()
		.describe(`A category's id (from an earlier list_categories) to list all its articles (up to ${categoryMaxArticles}); without it, every category with its first ${categoryPreviewArticles}.`),
});

export const answerQuestionInputSchema = z.strictObject({
	question: multiLine(questionMaxLength).describe('The shopper’s question, in their words.'),
	locale,
});

/** An article as tools list it. */
const articleLinkSchema = z.object({ title: z.string(), url: z.string() });

export const searchArticlesOutputSchema = z.object({
	locale: z.string(),
	results: z.array(
		z.object({
			title: z.string(),
			/** The article's page. */
			url: z.string(),
			/** The same article as Markdown, which get_article gives. */
			markdownUrl: z.string(),
			description: z.string().optional(),
			updated: z.string(),
			/** The section that matched best, with its address (`#anchor`), when it is not the article's lead. */
			section: z.object({ heading: z.string(), url: z.string() }).optional(),
			/** The start of the passage that matched best, word for word. */
			excerpt: z.string(),
		}),
	),
});
export type SearchArticlesOutput = z.infer<typeof searchArticlesOutputSchema>;

export const listCategoriesOutputSchema = z.object({
	locale: z.string(),
	categories: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			description: z.string(),
			url: z.string(),
			articleCount: z.number(),
			/** The first articles in reading order (all of them when `category` was given, up to the cap). */
			articles: z.array(articleLinkSchema),
		}),
	),
});
export type ListCategoriesOutput = z.infer<typeof listCategoriesOutputSchema>;

/** What `POST /api/answer` answers, with absolute addresses. */
export const answerQuestionOutputSchema = z.object({ locale: z.string(), answer: answerResponseSchema });
export type AnswerQuestionOutput = z.infer<typeof answerQuestionOutputSchema>;

/**
 * The JSON-RPC error code of a request the endpoint refused before reading it as MCP (origin not allowed, body too
 * large, rate limited); `data.code` is the API's stable error code (contract/errors.ts). An application-defined code:
 * JSON-RPC reserves -32768 to -32000 and MCP the server-error range within it.
 */
export const mcpRefusedCode = -31000;

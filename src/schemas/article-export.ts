import { z } from 'zod';

/** One article in the JSON export that helpdesk AI agents ingest. */
export const exportedArticleSchema = z.strictObject({
	/** Stable across renames of the file: `<locale>:<translationKey>`. */
	id: z.string().regex(/^[a-zA-Z-]+:[a-z0-9-]+$/),
	locale: z.string().min(2),
	/** Shared by every translation of the article. */
	translationKey: z.string().min(1),
	title: z.string().min(1),
	description: z.string().min(1),
	category: z.string().min(1),
	categoryTitle: z.string().min(1),
	url: z.url(),
	markdownUrl: z.url(),
	updated: z.iso.date(),
	keywords: z.array(z.string()),
	/** The article's text without markup, FAQ included. */
	text: z.string().min(1),
});

/** `/articles.json`: every published article of every locale; a large help center continues at `next`. */
export const articleExportSchema = z.strictObject({
	site: z.strictObject({ name: z.string().min(1), url: z.url() }),
	articles: z.array(exportedArticleSchema),
	/** The next part of the export (`/articles-2.json`…), when the articles did not fit one file. */
	next: z.url().optional(),
});

export type ExportedArticle = z.output<typeof exportedArticleSchema>;
export type ArticleExport = z.output<typeof articleExportSchema>;

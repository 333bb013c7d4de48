import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFilesVariable } from './integrations/article-bodies';
import { articleFrontmatterSchema, categorySchema } from './schemas/article';

/** Articles: content/<locale>/<category>/<slug>.mdx (or .md). Cross-file rules live in src/content-checks. */
const articles = defineCollection({
	// `astro build` keeps the articles' text out of the data store (src/integrations/article-bodies.ts).
	loader: glob({ pattern: '*/*/[!_]*.{md,mdx}', base: './content', retainBody: !process.env[articleFilesVariable] }),
	schema: articleFrontmatterSchema,
});

/** Categories: content/<locale>/<category>/_category.yaml. */
const categories = defineCollection({
	loader: glob({
		pattern: '*/*/_category.yaml',
		base: './content',
		generateId: ({ entry }) => entry.replace(/\/_category\.yaml$/, ''),
	}),
	schema: categorySchema,
});

export const collections = { articles, categories };

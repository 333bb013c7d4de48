import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFilePattern, categoryFilePattern, contentFolder } from './config/content-layout';
import { articleFilesVariable } from './integrations/article-bodies';
import { articleFrontmatterSchema, categorySchema } from './schemas/article';

/** Articles: content/<locale>/<category>/<slug>.mdx (or .md). Cross-file rules live in src/content-checks. */
const articles = defineCollection({
	// `astro build` keeps the articles' text out of the data store (src/integrations/article-bodies.ts).
	loader: glob({ pattern: articleFilePattern, base: `./${contentFolder}`, retainBody: !process.env[articleFilesVariable] }),
	schema: articleFrontmatterSchema,
});

/** Categories: content/<locale>/<category>/_category.yaml. */
const categories = defineCollection({
	loader: glob({
		pattern: categoryFilePattern,
		base: `./${contentFolder}`,
		// `<locale>/<category>`: the folder, since every category's file has the same name.
		generateId: ({ entry }) => entry.slice(0, entry.lastIndexOf('/')),
	}),
	schema: categorySchema,
});

export const collections = { articles, categories };

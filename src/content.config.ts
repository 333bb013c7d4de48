import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { withImageDigests } from './article-images/image-aware-loader';
import { articleFilePattern, categoryFilePattern, contentFolder, groupsFilePattern } from './config/content-layout';
import { site } from './config/site';
import { articleFilesVariable } from './integrations/article-bodies';
import { withPolicyValuesLoader } from './policies/policy-loader';
import { articleFrontmatterSchema, categorySchema, groupsFileSchema } from './schemas/article';

const projectFolder = process.env[articleFilesVariable];

/** Articles: content/<locale>/<category>/<slug>.mdx (or .md). Cross-file rules live in src/content-checks. */
const articles = defineCollection({
	// `astro build` keeps the articles' text out of the data store (src/integrations/article-bodies.ts), and has
	// pages and Markdown rendered again when an image they show changes (the variants exist only in builds).
	// Policies quoted in the frontmatter are written out from site.yaml (src/policies/policy-loader.ts).
	loader: withPolicyValuesLoader(
		projectFolder
			? withImageDigests(glob({ pattern: articleFilePattern, base: `./${contentFolder}`, retainBody: false }), projectFolder)
			: glob({ pattern: articleFilePattern, base: `./${contentFolder}` }),
		site.policies,
	),
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

/** Groups of categories, one file per locale: content/<locale>/_groups.yaml; optional. */
const groups = defineCollection({
	loader: glob({
		pattern: groupsFilePattern,
		base: `./${contentFolder}`,
		// The locale: each locale has one file.
		generateId: ({ entry }) => entry.slice(0, entry.indexOf('/')),
	}),
	schema: groupsFileSchema,
});

export const collections = { articles, categories, groups };

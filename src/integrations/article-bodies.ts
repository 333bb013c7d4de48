import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The environment variable that holds the project's folder while `astro build` runs, and is empty otherwise: the
 * content config reads it to leave the articles' text out of the data store, and the pages to find their files.
 */
export const articleFilesVariable = 'HELP_CENTER_ARTICLE_FILES';

/**
 * Keeps the articles' text out of Astro's data store during `astro build`: at 10,000 articles it is 85% of the
 * store, which the build serialises, bundles and holds in memory to the end (peak memory 3.8 → 3.2 GB). The pages
 * that need an article's text read its file instead (src/utils/article-body.ts), which they can during the build,
 * where pages render in Node, in this process. `astro dev` keeps the text in the store: there pages may render in
 * workerd, which has no access to the project's files.
 */
export function articleBodies(): AstroIntegration {
	return {
		name: 'help-center:article-bodies',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				// Read by src/content.config.ts, which Astro loads after this hook.
				process.env[articleFilesVariable] = command === 'build' ? fileURLToPath(config.root) : '';
			},
		},
	};
}

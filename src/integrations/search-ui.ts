import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchUiPlugin } from './search-ui-plugin';

/**
 * The search interface in every page, in `astro dev` and `astro build` alike: its script, built as a chunk of its
 * own (see search-ui-plugin.ts). The index it searches is built by scripts/build-search-index.ts after
 * `astro build` (`npm run build` runs both), and by dev-search-index.ts in `astro dev`.
 */
export function searchUi(): AstroIntegration {
	return {
		name: 'help-center:search-ui',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				updateConfig({ vite: { plugins: [searchUiPlugin(fileURLToPath(new URL('src/search/ui/search-ui-entry.ts', config.root)))] } });
			},
			'astro:build:done': ({ logger }) => {
				// A site deployed from `astro build` alone would have no search: say so where the build ends.
				logger.info('The search index is built next by `npm run build` (scripts/build-search-index.ts); `astro build` alone leaves the site without search.');
			},
		},
	};
}

import { fileURLToPath } from 'node:url';
import type { AstroIntegration, ViteUserConfig } from 'astro';

/** Astro's module holding the content collections' data store, as its content plugin resolves it. */
const dataStoreModule = /^\0astro:data-layer-content$/;

/**
 * Shapes the bundle that prerenders the pages (in Node, see the adapter's `prerenderEnvironment`) for thousands of
 * articles. Output pages are the same; only the bundle that renders them changes:
 * - The MDX articles share one chunk instead of two each (the module and its `?astroPropagatedAssets` twin): 6,000
 *   chunk files cost more to name, hash, pass through every plugin's chunk hooks and write than they do to bundle.
 * - Astro inlines the whole data store into that bundle as one string literal (`export default JSON.parse("…")`,
 *   80 MB at 10,000 articles) that the bundler parses, copies and writes, and Node parses once more before rendering.
 *   The prerenderer runs on the machine that just wrote the store, so it reads the store file itself instead.
 * - Rolldown warns about the `"use astro:head-inject"` directive of every MDX article's propagated-assets module
 *   (thousands of multi-line warnings). Astro reads that directive itself; the warning does not apply.
 */
export function prerenderBundle(): AstroIntegration {
	return {
		name: 'help-center:prerender-bundle',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const dataStoreFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
				const vite: ViteUserConfig = {
					build: {
						rolldownOptions: {
							onLog(level, log, handler) {
								const propagatedAssets = /\.mdx\?astroPropagatedAssets/.test(log.id ?? log.message);
								if (log.code === 'MODULE_LEVEL_DIRECTIVE' && propagatedAssets) return;
								handler(level, log);
							},
						},
					},
					environments: {
						prerender: {
							build: {
								rolldownOptions: {
									output: { codeSplitting: { groups: [{ name: 'articles', test: /\.mdx($|\?)/ }] } },
								},
							},
						},
					},
					plugins: [
						{
							name: 'help-center:prerender-data-store',
							applyToEnvironment: (environment) => environment.name === 'prerender',
							transform: {
								filter: { id: dataStoreModule },
								handler(code) {
									// Only the single-file store, whose file this module is a copy of; anything else stays as Astro made it.
									if (!code.startsWith('export default JSON.parse(')) return undefined;
									return {
										code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(dataStoreFile)}, 'utf8'));`,
										map: null,
									};
								},
							},
						},
					],
				};
				updateConfig({ vite });
			},
		},
	};
}

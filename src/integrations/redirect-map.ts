import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readContentForBuild } from '../content-checks/build-read';
import { readContent } from '../content-checks/read-content';
import { buildRedirectMap, contentRedirects } from '../seo/redirect-map';

const moduleId = 'virtual:help-center/redirects';
const resolvedId = `\0${moduleId}`;

/**
 * Gives the Worker the table of old addresses (every `redirectFrom`, content/redirects.yaml) as a module, `virtual:help-center/redirects`, built
 * from the content when the Worker is bundled: an old address is answered with a 301 without reading any file.
 */
export function redirectMap(): AstroIntegration {
	return {
		name: 'help-center:redirect-map',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				const root = fileURLToPath(config.root);
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'help-center:redirect-map',
								resolveId: (id) => (id === moduleId ? resolvedId : undefined),
								async load(id) {
									if (id !== resolvedId) return undefined;
									const sources = await (command === 'build' ? readContentForBuild : readContent)(root);
									for (const source of [...sources.articles, ...sources.categories, ...sources.groups, ...(sources.redirects ? [sources.redirects] : [])]) {
										this.addWatchFile(`${root}/${source.file}`);
									}
									return `export default ${JSON.stringify(buildRedirectMap(contentRedirects(sources)))};`;
								},
							},
						],
					},
				});
			},
		},
	};
}

import { appendFileSync, copyFileSync, existsSync, globSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSatteriProcessor, satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { articleImagesPlugin } from '../article-images/image-plugin';
import { referencedImages } from '../article-images/image-references';
import { articleImage, variantCounts, variantsPath } from '../article-images/image-variants';
import { articleFilePattern, contentFolder } from '../config/content-layout';

/**
 * Article images at their size and within a phone's byte budget (src/article-images/image-policy.ts): every article
 * image gets its width and height, lazy loading and, in a build, resized WebP variants in a srcset. After the build,
 * the variants of every image an article names are copied into the site from the cache (`node_modules/.astro`),
 * pages copied by the incremental build included; only images new to the cache are encoded.
 */
export function articleImages(): AstroIntegration {
	let publicDir = '';
	let cacheDir = '';
	let contentDir = '';
	return {
		name: 'help-center:article-images',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				publicDir = fileURLToPath(config.publicDir);
				cacheDir = fileURLToPath(new URL('article-images/', config.cacheDir));
				contentDir = fileURLToPath(new URL(`${contentFolder}/`, config.root));
				// Markdown articles and, through it, MDX ones (which extend the Markdown settings): added to the processor
				// astro.config.mjs sets, which keeps its own steps (the policies' values).
				const plugin = articleImagesPlugin({ publicDir, cacheDir, variants: command === 'build' });
				const processor = config.markdown.processor;
				if (processor && isSatteriProcessor(processor)) processor.options.hastPlugins.push(plugin);
				else updateConfig({ markdown: { processor: satteri({ hastPlugins: [plugin] }) } });
			},
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const addresses = new Set<string>();
				for (const file of globSync(articleFilePattern, { cwd: contentDir })) {
					for (const address of referencedImages(readFileSync(join(contentDir, file), 'utf8'))) addresses.add(address);
				}
				const images = await Promise.all([...addresses].map((address) => articleImage(join(publicDir, address), cacheDir)));
				const target = join(root, variantsPath);
				mkdirSync(target, { recursive: true });
				let files = 0;
				for (const image of images) {
					for (const variant of image?.variants ?? []) {
						const destination = join(target, variant.name);
						if (!existsSync(destination)) copyFileSync(join(cacheDir, variant.name), destination);
						files += 1;
					}
				}
				// The names carry their content's digest: a browser may keep them for good.
				appendFileSync(join(root, '_headers'), `\n# Article image variants (src/integrations/article-images.ts).\n${variantsPath}*\n  Cache-Control: public, max-age=31536000, immutable\n`);
				logger.info(`${files} image variants of ${images.filter(Boolean).length} article images (${variantCounts.encoded} encoded, ${variantCounts.cached} from the cache).`);
			},
		},
	};
}

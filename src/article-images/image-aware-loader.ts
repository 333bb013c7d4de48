import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { imagesFingerprint } from './image-references';

/**
 * Wraps the articles' loader so that an article's digest covers the images it shows. Astro keeps a Markdown
 * article's rendered HTML, and the incremental build an article's page, while the digest stays the same; both carry
 * the images' sizes and variants, so replacing an image must render them again. `root` is the project's folder.
 */
export function withImageDigests(loader: Loader, root: string): Loader {
	const publicDir = join(root, 'public');
	return {
		...loader,
		load: (context) =>
			loader.load({
				...context,
				generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\0${imagesFingerprint(data, publicDir)}` : data),
			}),
	};
}

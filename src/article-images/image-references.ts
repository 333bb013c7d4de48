import { join } from 'node:path';
import { imageDigest } from './image-variants';

/** An address of the site's own image files, as an article writes it in Markdown or in an `<img>`'s attributes. */
const imageAddress = /(?<=[("'=\s])\/(?!\/)[^\s"'()<>]+?\.(?:png|jpe?g|gif|webp|avif|tiff?|svg)(?=[\s"')?#>])/gi;

/**
 * The site's own images an article's text names (`/images/…`), each once. Any mention counts, a link to an image as
 * well: a name too many costs a cache look-up, a name missed would leave a page with an old image's size.
 */
export function referencedImages(text: string): string[] {
	const found = new Set<string>();
	for (const [address] of text.matchAll(imageAddress)) {
		try {
			found.add(decodeURI(address));
		} catch {
			// A malformed escape: not an address the site can serve.
		}
	}
	return [...found];
}

/**
 * What an article's page owes to the images it shows: the digest of each file it names (or "missing"), which covers how the
 * build treats images. Added to the article's digest, so that a page is rendered again when an image it shows
 * changes, though its text does not.
 */
export function imagesFingerprint(text: string, publicDir: string): string {
	const images = referencedImages(text);
	if (images.length === 0) return '';
	return JSON.stringify(images.map((address) => [address, imageDigest(join(publicDir, address)) ?? 'missing']));
}

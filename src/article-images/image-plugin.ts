import { join } from 'node:path';
import { htmlToHast, type HastNode, type HastPluginDefinition, type HastVisitorContext, type MdxJsxFlowElementHast, type MdxJsxTextElementHast, type PluginFactoryContext } from 'satteri';
import { aboveTheFoldWords, articleImageSizes, phoneCandidate } from './image-policy';
import { articleImage, measureImage, variantsPath, type ArticleImage } from './image-variants';

export interface ImagePluginOptions {
	/** The folder of the site's static files, where `/images/…` addresses point. */
	publicDir: string;
	/** Where variants are made and kept between builds. */
	cacheDir: string;
	/** Whether to point pages at variants: only a build writes them to the site (`astro dev` serves the originals). */
	variants: boolean;
}

type Attributes = Record<string, string | number>;

/** Whether an image starting at `offset` of the article's source is its first and comes before the fold on a phone. */
function isNearTop(source: string, offset: number | undefined): boolean {
	if (offset === undefined) return false;
	const before = source.slice(0, offset).replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
	if (/!\[|<img\b/i.test(before)) return false;
	return (before.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < aboveTheFoldWords;
}

/** The attributes the page's `<img>` gets: its size, and where variants exist, their srcset and the phone's as `src`. */
function imageAttributes(image: ArticleImage, eager: boolean, variants: boolean): Attributes {
	const attributes: Attributes = { width: image.width, height: image.height };
	if (!eager) Object.assign(attributes, { loading: 'lazy', decoding: 'async' });
	if (variants && image.variants.length > 0) {
		const srcset = image.variants.map((variant) => `${variantsPath}${variant.name} ${variant.width}w`).join(', ');
		const phone = phoneCandidate(image.variants);
		// A browser that ignores srcset gets the phone's file, which is within the budget, rather than the original.
		Object.assign(attributes, { srcset, sizes: articleImageSizes, ...(phone ? { src: `${variantsPath}${phone.name}` } : {}) });
	}
	return attributes;
}

/** The file an address of the site's own images names, or undefined for other addresses. */
function publicFile(src: unknown, publicDir: string): string | undefined {
	if (typeof src !== 'string' || !src.startsWith('/') || src.startsWith('//')) return undefined;
	try {
		return join(publicDir, decodeURI(src.split(/[?#]/)[0] ?? ''));
	} catch {
		return undefined;
	}
}

/**
 * A Sätteri hast plugin for articles (Markdown and MDX): every `<img>` of the site's own images, written as
 * `![alt](/images/…)` or as an `<img>` element, gets its intrinsic width and height, lazy loading (except a first
 * image near the top) and, in a build, a srcset of resized WebP variants. Attributes an editor wrote are kept. An
 * image whose file is missing is left as written: the content check reports it.
 */
export function articleImagesPlugin(options: ImagePluginOptions) {
	return (document: PluginFactoryContext): HastPluginDefinition => {
		const describe = async (src: unknown, offset: number | undefined, written: (name: string) => boolean): Promise<Attributes | undefined> => {
			const file = publicFile(src, options.publicDir);
			if (!file) return undefined;
			const image = await (options.variants ? articleImage(file, options.cacheDir) : measureImage(file));
			if (!image) return undefined;
			const attributes = imageAttributes(image, isNearTop(document.source, offset), options.variants);
			// An editor's own size or sources win; the variants are only right for the original's ratio and sources.
			if (written('width') || written('height')) {
				delete attributes['width'];
				delete attributes['height'];
			}
			if (written('srcset') || written('srcSet')) {
				delete attributes['srcset'];
				delete attributes['sizes'];
				delete attributes['src'];
			}
			for (const name of ['loading', 'decoding', 'sizes']) if (written(name)) delete attributes[name];
			return attributes;
		};
		const apply = (node: Parameters<HastVisitorContext['setProperty']>[0], ctx: HastVisitorContext, attributes: Attributes | undefined, srcsetName: string) => {
			for (const [name, value] of Object.entries(attributes ?? {})) ctx.setProperty(node, name === 'srcset' ? srcsetName : name, value);
		};
		const jsxImage = {
			filter: ['img'],
			async visit(node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, ctx: HastVisitorContext) {
				const attribute = (name: string) => node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
				const attributes = await describe(attribute('src')?.value, node.position?.start.offset, (name) => attribute(name) !== undefined);
				apply(node, ctx, attributes, 'srcset');
			},
		};
		return {
			name: 'article-images',
			options: { position: true },
			element: {
				filter: ['img'],
				async visit(node, ctx) {
					const properties = node.properties ?? {};
					const attributes = await describe(properties['src'], node.position?.start.offset, (name) => properties[name] !== undefined);
					apply(node, ctx, attributes, 'srcSet');
				},
			},
			mdxJsxFlowElement: jsxImage,
			mdxJsxTextElement: jsxImage,
			// An `<img>` tag in a Markdown (.md) article arrives as raw HTML: a lone tag becomes an element like the others.
			async raw(node) {
				if (!/^<img\b[^<>]*>$/i.test(node.value.trim())) return undefined;
				const parsed = htmlToHast(node.value.trim(), { fragment: true });
				const image = 'children' in parsed ? parsed.children.find((child) => child.type === 'element' && child.tagName === 'img') : undefined;
				if (image?.type !== 'element') return undefined;
				const properties = image.properties;
				const attributes = await describe(properties['src'], node.position?.start.offset, (name) => properties[name] !== undefined);
				if (!attributes) return undefined;
				const renamed = Object.entries(attributes).map(([name, value]) => [name === 'srcset' ? 'srcSet' : name, value]);
				return { ...image, properties: { ...properties, ...Object.fromEntries(renamed) } } satisfies HastNode;
			},
		};
	};
}

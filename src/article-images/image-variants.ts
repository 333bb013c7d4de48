import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { imagePolicyDigest, phoneCandidate, phoneImageBudgetBytes, variantWidths, webpQualities } from './image-policy';

/** One file made from an article image, in the variants folder of the cache and of the built site. */
export interface ImageVariant {
	/** File name, content-addressed: `<digest>-<width>.<extension>`. */
	name: string;
	width: number;
	bytes: number;
}

/** What the page needs to know of an article image. */
export interface ArticleImage {
	/** Intrinsic size, upright (EXIF orientation applied), in pixels. */
	width: number;
	height: number;
	/** Narrowest first; empty when the file is served as it is (SVG, animations, formats the build does not make). */
	variants: ImageVariant[];
}

/** The path under the site's root where variants are served from; the file names carry their content's digest. */
export const variantsPath = '/_images/';

/** Formats whose still images the build resizes and re-encodes. */
const resizable = new Set(['png', 'jpeg', 'webp', 'gif', 'tiff', 'avif']);

/** How many images were encoded, and how many found in the cache, for the build's log and its tests. */
export const variantCounts = { encoded: 0, cached: 0 };

const digests = new Map<string, { stamp: string; digest: string }>();
const pending = new Map<string, Promise<ArticleImage | undefined>>();

/** A digest of the file's bytes and of the image policy, kept while the file's size and time stay the same. */
function fileDigest(file: string, bytes: () => Buffer): string {
	const stat = statSync(file);
	const stamp = `${stat.size}:${stat.mtimeMs}`;
	const known = digests.get(file);
	if (known?.stamp === stamp) return known.digest;
	const digest = createHash('sha256').update(imagePolicyDigest).update('\0').update(bytes()).digest('hex').slice(0, 16);
	digests.set(file, { stamp, digest });
	return digest;
}

/** A digest of the image at `file` (its bytes and how the build treats them), or undefined when there is no such file. */
export function imageDigest(file: string): string | undefined {
	if (!existsSync(file)) return undefined;
	return fileDigest(file, () => readFileSync(file));
}

/** Encoding holds a decoded image in memory: a few at a time, as many as the machine has cores. */
let running = 0;
const waiting: (() => void)[] = [];
async function withEncodeSlot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= availableParallelism()) await new Promise<void>((resolve) => waiting.push(resolve));
	running += 1;
	try {
		return await work();
	} finally {
		running -= 1;
		waiting.shift()?.();
	}
}

/** An animated PNG keeps its frames in an `acTL` chunk, which comes before the first image data. */
function isAnimatedPng(bytes: Buffer): boolean {
	const control = bytes.indexOf('acTL');
	return control !== -1 && control < bytes.indexOf('IDAT');
}

function writeAtomically(path: string, data: Buffer | string) {
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, data);
	renameSync(temporary, path);
}

async function webp(source: Buffer, width: number, quality: number): Promise<Buffer> {
	return sharp(source).rotate().resize({ width, withoutEnlargement: true }).webp({ quality, smartSubsample: true, effort: 4 }).toBuffer();
}

/** The variants of one still image: WebP at each width, the original file where WebP would not be smaller, the phone's within budget. */
async function makeVariants(source: Buffer, width: number, extension: string): Promise<{ width: number; data: Buffer; extension: string }[]> {
	const widths = [...variantWidths.filter((candidate) => candidate < width), Math.min(width, variantWidths.at(-1) ?? width)];
	const made = await Promise.all(
		widths.map(async (target) => {
			const data = await webp(source, target, webpQualities[0]);
			// At full size, an original already smaller than its WebP (a small palette PNG, say) is served as it is.
			if (target === width && source.length <= data.length) return { width: target, data: source, extension };
			return { width: target, data, extension: 'webp' };
		}),
	);
	const phone = phoneCandidate(made);
	if (!phone || phone.data.length <= phoneImageBudgetBytes) return made;
	// Over budget: lower the quality, then the width. A narrower phone variant is only picked if it is the widest.
	for (const quality of webpQualities.slice(1)) {
		phone.data = await webp(source, phone.width, quality);
		phone.extension = 'webp';
		if (phone.data.length <= phoneImageBudgetBytes) return made;
	}
	let shrunk = phone.width;
	let data = phone.data;
	while (data.length > phoneImageBudgetBytes && shrunk > 16) {
		shrunk = Math.floor(shrunk * Math.sqrt(phoneImageBudgetBytes / data.length) * 0.95);
		data = await webp(source, shrunk, webpQualities.at(-1) ?? 40);
	}
	return [...made.filter((variant) => variant.width < shrunk), { width: shrunk, data, extension: 'webp' }];
}

async function processImage(file: string, digest: string, bytes: Buffer, cacheDir: string): Promise<ArticleImage | undefined> {
	const record = join(cacheDir, `${digest}.json`);
	if (existsSync(record)) {
		const image = JSON.parse(readFileSync(record, 'utf8')) as ArticleImage;
		if (image.variants.every((variant) => existsSync(join(cacheDir, variant.name)))) {
			variantCounts.cached += 1;
			return image;
		}
	}
	return withEncodeSlot(async () => {
		let metadata;
		try {
			metadata = await sharp(bytes).metadata();
		} catch {
			// Not an image sharp reads: the page shows it as written.
			return undefined;
		}
		// As shown: a camera's photo turned by its EXIF orientation.
		const { width, height } = metadata.autoOrient;
		if (!width || !height) return undefined;
		const animated = (metadata.pages ?? 1) > 1 || (metadata.format === 'png' && isAnimatedPng(bytes));
		const image: ArticleImage = { width, height, variants: [] };
		if (resizable.has(metadata.format) && !animated) {
			const extension = extname(file).slice(1).toLowerCase() || metadata.format;
			for (const variant of await makeVariants(bytes, width, extension)) {
				const name = `${digest}-${variant.width}.${variant.extension}`;
				writeAtomically(join(cacheDir, name), variant.data);
				image.variants.push({ name, width: variant.width, bytes: variant.data.length });
			}
		}
		writeAtomically(record, JSON.stringify(image));
		if (image.variants.length > 0) variantCounts.encoded += 1;
		return image;
	});
}

const measured = new Map<string, Promise<ArticleImage | undefined>>();

/** The size of the image file `file`, without variants (for `astro dev`, which serves the originals). */
export function measureImage(file: string): Promise<ArticleImage | undefined> {
	if (!existsSync(file)) return Promise.resolve(undefined);
	const digest = fileDigest(file, () => readFileSync(file));
	let result = measured.get(digest);
	if (!result) {
		result = sharp(file)
			.metadata()
			.then(({ autoOrient: { width, height } }) => (width && height ? { width, height, variants: [] } : undefined))
			.catch(() => undefined);
		measured.set(digest, result);
	}
	return result;
}

/**
 * The size and the variants of the image file `file`, made once per content and kept in `cacheDir`: a build finds
 * the variants of unchanged images there instead of encoding them again. Undefined when the file does not exist or
 * is not an image.
 */
export function articleImage(file: string, cacheDir: string): Promise<ArticleImage | undefined> {
	if (!existsSync(file)) return Promise.resolve(undefined);
	let bytes: Buffer | undefined;
	const read = () => (bytes ??= readFileSync(file));
	const digest = fileDigest(file, read);
	let result = pending.get(digest);
	if (!result) {
		mkdirSync(cacheDir, { recursive: true });
		result = processImage(file, digest, read(), cacheDir);
		pending.set(digest, result);
	}
	return result;
}

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { referencedImages } from '../../src/article-images/image-references';
import { phoneCandidate, phoneImageBudgetBytes } from '../../src/article-images/image-policy';
import { articleImage, variantCounts } from '../../src/article-images/image-variants';

const folder = mkdtempSync(join(tmpdir(), 'article-images-'));
const cacheDir = join(folder, 'cache');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function write(name: string, image: Sharp): Promise<string> {
	const file = join(folder, name);
	writeFileSync(file, await image.toBuffer());
	return file;
}

describe('article image variants', () => {
	it('keeps the phone within its budget even for an image that compresses badly, by quality and then width', async () => {
		// Pure noise: at full quality its 1080-pixel WebP is several times the budget.
		const file = await write('noise.png', sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 90 } } }).png());
		const image = await articleImage(file, cacheDir);
		expect(image).toMatchObject({ width: 2400, height: 1800 });
		const phone = phoneCandidate(image?.variants ?? []);
		expect(phone?.bytes).toBeLessThanOrEqual(phoneImageBudgetBytes);
		expect(statSync(join(cacheDir, phone?.name ?? '')).size).toBe(phone?.bytes);
		// The phone's variant is the widest one left, so a phone never picks a wider, heavier one.
		expect(Math.max(...(image?.variants ?? []).map((variant) => variant.width))).toBe(phone?.width);
	}, 60_000);

	it('serves a small original as it is when WebP would be bigger, and leaves SVG and animations untouched', async () => {
		// A two-colour checkerboard: a few hundred bytes as a palette PNG, kilobytes as WebP.
		const checkers = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><defs><pattern id="p" width="2" height="2" patternUnits="userSpaceOnUse"><rect width="1" height="1"/><rect x="1" y="1" width="1" height="1"/></pattern></defs><rect width="300" height="200" fill="#fff"/><rect width="300" height="200" fill="url(#p)"/></svg>',
		);
		const small = await write('checkers.png', sharp(checkers).png({ palette: true, colours: 2 }));
		expect((await articleImage(small, cacheDir))?.variants).toEqual([{ width: 300, bytes: statSync(small).size, name: expect.stringMatching(/-300\.png$/) }]);

		const svg = join(folder, 'shape.svg');
		writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#eee"/></svg>');
		expect(await articleImage(svg, cacheDir)).toEqual({ width: 320, height: 240, variants: [] });

		const frame = (colour: string) => sharp({ create: { width: 60, height: 40, channels: 3, background: colour } }).png().toBuffer();
		const animated = await write('blink.gif', sharp([await frame('#000000'), await frame('#ffffff')], { join: { animated: true } }).gif());
		expect(await articleImage(animated, cacheDir)).toEqual({ width: 60, height: 40, variants: [] });
	});

	it('encodes an image once: the same bytes under another name come from the cache', async () => {
		const bytes = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } }).jpeg().toBuffer();
		writeFileSync(join(folder, 'one.jpg'), bytes);
		writeFileSync(join(folder, 'two.jpg'), bytes);
		const before = variantCounts.encoded;
		const [one, two] = await Promise.all([articleImage(join(folder, 'one.jpg'), cacheDir), articleImage(join(folder, 'two.jpg'), cacheDir)]);
		expect(two).toEqual(one);
		expect(variantCounts.encoded - before).toBe(1);
		expect(await articleImage(join(folder, 'missing.jpg'), cacheDir)).toBeUndefined();
	});
});

describe('the images an article names', () => {
	it('finds Markdown images, <img> elements and links to images, once each', () => {
		const text = '![A](/images/articles/a.png)\n\n<img src="/images/articles/b%20c.jpg" alt="B" />\n\n[the form](/images/articles/a.png) and https://example.com/x.png';
		expect(referencedImages(text)).toEqual(['/images/articles/a.png', '/images/articles/b c.jpg']);
	});
});

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createProjectCopy } from '../../scripts/lib/bench-project';
import { buildSiteOrThrow } from '../../scripts/lib/site-build';
import { budgetPhone, phoneImageBudgetBytes, pickCandidate } from '../../src/article-images/image-policy';

const project = createProjectCopy();
afterAll(() => project.remove());

const build = (...flags: string[]) => buildSiteOrThrow(project.root, { flags });

/** Every file of the built site with a digest of its bytes. */
function snapshot(): Map<string, string> {
	const client = join(project.root, 'dist/client');
	const files = new Map<string, string>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(client, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
		}
	};
	walk(client);
	return files;
}

/** The width, in CSS pixels, a `sizes` attribute of `(min-width: Nrem) Mrem, …, calc(100vw - Krem)` gives at a viewport. */
function slotWidth(sizes: string, viewport: number): number {
	for (const entry of sizes.split(',').map((part) => part.trim())) {
		const conditional = /^\(min-width:\s*([\d.]+)rem\)\s+([\d.]+)rem$/.exec(entry);
		if (conditional) {
			if (viewport >= Number(conditional[1]) * 16) return Number(conditional[2]) * 16;
			continue;
		}
		const rest = /^calc\(100vw - ([\d.]+)rem\)$/.exec(entry);
		if (rest) return viewport - Number(rest[1]) * 16;
		throw new Error(`Unexpected sizes entry: ${entry}`);
	}
	throw new Error(`No default size in: ${sizes}`);
}

/** A screenshot-like PNG of a few megabytes: flat panels, lines of "text" and a noisy photo in the middle. */
async function largeScreenshot(width: number, height: number): Promise<Buffer> {
	const photo = await sharp({ create: { width: width / 2, height: height / 2, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).png().toBuffer();
	const lines = Array.from({ length: 40 }, (_, index) => `<rect x="60" y="${80 + index * 36}" width="${400 + ((index * 137) % 500)}" height="14" fill="#333"/>`).join('');
	const panels = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f4f4"/><rect width="100%" height="56" fill="#1d6fb8"/>${lines}</svg>`);
	return sharp(panels).composite([{ input: photo, left: width / 4, top: height / 4 }]).png().toBuffer();
}

describe('article images', () => {
	it('gives every image its size, lazy loading and variants within the phone budget, encoded once', async () => {
		const images = join(project.root, 'public/images/articles/lockers');
		mkdirSync(images, { recursive: true });
		writeFileSync(join(images, 'locker-screen.png'), await largeScreenshot(2400, 1600));
		// A photo with its camera's orientation: stored 3000 wide and 2000 high, shown turned a quarter.
		const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#88aa66', noise: { type: 'gaussian', mean: 128, sigma: 25 } } }).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toBuffer();
		writeFileSync(join(images, 'locker-door.jpg'), photo);
		writeFileSync(
			join(project.root, 'content/en/shipping/locker-screens.mdx'),
			[
				'---',
				'title: Using the locker screen',
				'description: What the screen of a parcel locker shows, step by step, from entering your code to closing the door.',
				'updated: 2026-11-21',
				'---',
				'',
				'![The locker screen asking for a six-digit pickup code](/images/articles/lockers/locker-screen.png)',
				'',
				...Array.from({ length: 12 }, (_, index) => `Step ${index + 1} of the walk through the locker screen, explained in a few plain words for every shopper.`),
				'',
				'<img src="/images/articles/lockers/locker-door.jpg" alt="An open locker door with a parcel inside" />',
				'',
			].join('\n'),
		);
		// A plain Markdown article, which Astro renders once into its data store, shows the same photo.
		writeFileSync(
			join(project.root, 'content/en/shipping/locker-sizes.md'),
			'---\ntitle: Locker sizes\ndescription: The three sizes of parcel locker doors, and which parcels fit behind each of them.\nupdated: 2026-11-21\n---\n\nLockers come in three sizes.\n\n![An open locker door with a parcel inside](/images/articles/lockers/locker-door.jpg)\n\nThe screen: <img src="/images/articles/lockers/locker-screen.png" alt="The locker screen asking for a pickup code">\n',
		);
		expect(statSync(join(images, 'locker-screen.png')).size).toBeGreaterThan(1_500_000);

		const first = await build();
		expect(first).toMatch(/\(2 encoded, \d+ from the cache\)/);
		const page = parseHTML(readFileSync(join(project.root, 'dist/client/en/shipping/locker-screens.html'), 'utf8')).document;
		const [screen, door] = [...page.querySelectorAll('.article-body img')];
		// The first image, near the top, loads at once; the later one waits until the shopper scrolls to it.
		expect(screen?.getAttribute('loading')).toBeNull();
		expect(door?.getAttribute('loading')).toBe('lazy');
		expect(door?.getAttribute('decoding')).toBe('async');
		for (const [image, width, height] of [[screen, 2400, 1600], [door, 2000, 3000]] as const) {
			expect(image?.getAttribute('width')).toBe(String(width));
			expect(image?.getAttribute('height')).toBe(String(height));
			const candidates = (image?.getAttribute('srcset') ?? '').split(',').map((candidate) => {
				const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
				const file = join(project.root, 'dist/client', url);
				expect(existsSync(file), url).toBe(true);
				return { width: Number(descriptor.replace(/w$/, '')), bytes: statSync(file).size, file };
			});
			expect(candidates.length).toBeGreaterThan(2);
			for (const candidate of candidates) {
				// Each variant keeps the original's ratio (to the pixel) and is as wide as its descriptor says.
				const variant = await sharp(candidate.file).metadata();
				expect(variant.width).toBe(candidate.width);
				expect(Math.abs((variant.height ?? 0) - (candidate.width * height) / width)).toBeLessThanOrEqual(1);
			}
			const phone = pickCandidate(candidates, slotWidth(image?.getAttribute('sizes') ?? '', budgetPhone.width), budgetPhone.pixelRatio);
			expect(phone?.bytes).toBeLessThanOrEqual(phoneImageBudgetBytes);
			// The phone's file is no thumbnail: it is at least as wide as the column at the phone's pixel ratio.
			expect(phone?.width).toBeGreaterThanOrEqual(slotWidth(image?.getAttribute('sizes') ?? '', budgetPhone.width) * budgetPhone.pixelRatio);
			expect(image?.getAttribute('src')).toBe(`/${relative(join(project.root, 'dist/client'), phone?.file ?? '')}`);
		}
		// In a Markdown article, an <img> tag (raw HTML there) is given the same attributes.
		const rawTag = parseHTML(readFileSync(join(project.root, 'dist/client/en/shipping/locker-sizes.html'), 'utf8')).document.querySelectorAll('.article-body img')[1];
		expect([rawTag?.getAttribute('width'), rawTag?.getAttribute('loading'), rawTag?.getAttribute('srcset')]).toEqual(['2400', 'lazy', screen?.getAttribute('srcset')]);
		// The original stays, for the Markdown twin and anyone who follows its address.
		expect(existsSync(join(project.root, 'dist/client/images/articles/lockers/locker-screen.png'))).toBe(true);

		// A new photo under the same name, the article's text unchanged: its page is rendered again, at the new size.
		writeFileSync(join(images, 'locker-door.jpg'), await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#aa6688' } }).jpeg().toBuffer());
		expect(await build()).toMatch(/\(1 encoded, \d+ from the cache\)/);
		for (const [url, index] of [['/en/shipping/locker-screens', 1], ['/en/shipping/locker-sizes', 0]] as const) {
			const updated = parseHTML(readFileSync(join(project.root, `dist/client${url}.html`), 'utf8')).document;
			const newDoor = updated.querySelectorAll('.article-body img')[index];
			expect([newDoor?.getAttribute('width'), newDoor?.getAttribute('height')], url).toEqual(['1600', '1200']);
			for (const [, file] of (newDoor?.getAttribute('srcset') ?? '').matchAll(/(\/_images\/\S+)/g)) expect(existsSync(join(project.root, 'dist/client', file ?? ''))).toBe(true);
		}
	});
});

describe('an incremental build', () => {
	it('renders only what an edit changed, and gives exactly what a full build gives', async () => {
		// A plain Markdown article, whose page Astro renders from the data store rather than from a module of its own.
		const lockers = join(project.root, 'content/en/shipping/parcel-lockers.md');
		writeFileSync(lockers, '---\ntitle: Delivery to a parcel locker\ndescription: Have your order delivered to a parcel locker near you and collect it when it suits you.\nupdated: 2026-11-20\n---\n\nChoose a locker at checkout.\n');
		await build();
		const policy = join(project.root, 'content/en/returns-refunds/return-policy.mdx');
		writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^title: .*$/m, 'title: "Our return policy, in plain words"'));
		// Only the text of the Markdown article: its frontmatter stays the same.
		const added = 'Parcels wait in the locker for seven days.';
		writeFileSync(lockers, `${readFileSync(lockers, 'utf8')}\n${added} Report one that never came within {policies.missingParcelReportDays} days.\n`);

		const incremental = await build();
		// Images already in the cache are not encoded again, and the pages copied from the last build find their variants.
		expect(incremental).toMatch(/\(0 encoded, \d+ from the cache\)/);
		const screens = readFileSync(join(project.root, 'dist/client/en/shipping/locker-screens.html'), 'utf8');
		for (const [, url] of screens.matchAll(/\/_images\/([^\s"]+)/g)) expect(existsSync(join(project.root, 'dist/client/_images', url ?? ''))).toBe(true);
		const cached = incremental.match(/\((?:cached|restored)\)/g)?.length ?? 0;
		// Most articles are untouched; the edited one and the pages that show its title are rendered again.
		expect(cached).toBeGreaterThan(50);
		const afterEdit = snapshot();
		const howToReturn = readFileSync(join(project.root, 'dist/client/en/returns-refunds/how-to-return-an-item.html'), 'utf8');
		expect(howToReturn).toContain('Our return policy, in plain words');
		// An article whose text alone changed shows the new text: its cache key covers its file, not only its frontmatter.
		expect(readFileSync(join(project.root, 'dist/client/en/shipping/parcel-lockers.html'), 'utf8')).toContain(`${added} Report one that never came within 14 days.`);

		// A policy changed in site.yaml, the articles unchanged (every page renders again: they all read site.yaml),
		// and a change to the code (here, the search interface's script) renders every page again too: no page may keep
		// pointing at the script of the previous build.
		const siteYaml = join(project.root, 'content/site.yaml');
		writeFileSync(siteYaml, readFileSync(siteYaml, 'utf8').replace(/missingParcelReportDays: \d+/, 'missingParcelReportDays: 9'));
		const ui = join(project.root, 'src/search/ui/search-ui.ts');
		writeFileSync(ui, `${readFileSync(ui, 'utf8')}\nconsole.debug('search interface ready');\n`);
		const afterCodeChange = await build();
		expect(afterCodeChange).not.toMatch(/\((?:cached|restored)\)/);
		// The articles that quote the policy say its new value, in their text and in their frontmatter's FAQ (which
		// Astro's data store keeps between builds while an article's digest, which covers the values it quotes, is the same).
		expect(readFileSync(join(project.root, 'dist/client/en/shipping/parcel-lockers.html'), 'utf8')).toContain('Report one that never came within 9 days.');
		const missing = parseHTML(readFileSync(join(project.root, 'dist/client/en/shipping/missing-or-damaged-parcel.html'), 'utf8')).document;
		expect(missing.querySelector('.article-body')?.textContent).toContain('within 9 days of the delivery date');
		const whereIsIt = parseHTML(readFileSync(join(project.root, 'dist/client/fr/orders-tracking/ou-est-ma-commande.html'), 'utf8')).document;
		// In the FAQ, from the frontmatter, as in the text.
		expect(whereIsIt.querySelector('.faq')?.textContent).toContain('dans les 9 jours suivant la date de livraison');
		expect(whereIsIt.body.innerHTML).not.toContain('policies.');
		const scripts = (html: string) => [...html.matchAll(/\/_astro\/[^"'\s)]+\.js/g)].map((match) => match[0]);
		const page = readFileSync(join(project.root, 'dist/client/en/returns-refunds/how-to-return-an-item.html'), 'utf8');
		expect(scripts(page).length).toBeGreaterThan(0);
		for (const script of scripts(page)) expect(readdirSync(join(project.root, 'dist/client/_astro'))).toContain(script.slice('/_astro/'.length));
		const afterCode = snapshot();

		const full = await build('--force');
		expect(full).not.toMatch(/\((?:cached|restored)\)/);
		expect(afterCode).toEqual(snapshot());
		expect(afterEdit.size).toBe(afterCode.size);
	});
});

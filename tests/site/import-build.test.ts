import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedirectsReport } from '../../scripts/lib/import/redirects-file';
import type { ImportReport } from '../../scripts/lib/import/run-import';
import { copyZendeskExport, fixturesDir, makeImportProject, runCheckCli, runImportCli, serveDirectory, snapshotFiles, type RunResult } from '../support/import-project';
import { buildSite, type SiteBuildResult } from '../../scripts/lib/site-build';
import { startWorker } from '../../scripts/lib/worker-server';
import { listRedirectPairs } from '../support/redirect-pairs';

/**
 * A shop moving to us: the fixture help center, then a realistic Zendesk export (English and French, nested
 * sections, images served by a local server plus unreachable ones, tables, videos, a script, duplicate titles)
 * and a Gorgias-style CSV are imported into a throwaway project, which must pass the checks and build.
 */
let root = '';
let exportDir = '';
let zendesk: ImportReport;
let csv: ImportReport;
const markdown: Record<'gitbook' | 'docusaurus' | 'zendeskSync', ImportReport> = {} as never;
let redirects: RedirectsReport;
let check: RunResult;
let build: SiteBuildResult;
let served: string[] = [];
let closeServer: () => Promise<void> = async () => undefined;

function parseReport(result: RunResult): ImportReport {
	if (result.status !== 0) throw new Error(`npm run import failed:\n${result.stderr}${result.stdout}`);
	return JSON.parse(result.stdout) as ImportReport;
}

const client = () => join(root, 'dist/client');
const built = (url: string) => join(client(), `${url}.html`);
const documentAt = (url: string) => parseHTML(readFileSync(built(url), 'utf8')).document;
const published = (report: ImportReport) => report.articles.filter((article) => !article.draft);

beforeAll(async () => {
	root = makeImportProject().root;
	const server = await serveDirectory(join(fixturesDir, 'zendesk-export/media'));
	closeServer = server.close;
	served = server.requests;
	exportDir = copyZendeskExport(server.origin);
	zendesk = parseReport(await runImportCli(root, 'zendesk', exportDir, '--json', '--timeout', '5'));
	csv = parseReport(await runImportCli(root, 'csv', join(fixturesDir, 'csv-import/articles.csv'), '--media', join(fixturesDir, 'csv-import/media'), '--json'));
	for (const [key, folder] of [['gitbook', 'gitbook'], ['docusaurus', 'docusaurus'], ['zendeskSync', 'zendesk-sync']] as const) {
		markdown[key] = parseReport(await runImportCli(root, 'markdown', join(fixturesDir, 'markdown-import', folder), '--json'));
	}
	const imported = await runImportCli(root, 'redirects', join(fixturesDir, 'redirects-import/redirects.csv'), '--json');
	if (imported.status !== 0) throw new Error(`npm run import -- redirects failed:\n${imported.stderr}${imported.stdout}`);
	redirects = JSON.parse(imported.stdout) as RedirectsReport;
	check = await runCheckCli(root);
	build = await buildSite(root);
}, 180_000);

afterAll(() => closeServer());

describe('a Zendesk export and a CSV file imported into a project', () => {
	it('reports what was imported, skipped, dropped and not found', () => {
		expect(zendesk.articles.map((article) => `${article.status} ${article.file}`).sort()).toEqual([
			'new content/en/order-tracking/how-do-i-change-the-size-or-colour-of-an-item-after-my-order-has.mdx',
			'new content/en/order-tracking/where-is-my-parcel.mdx',
			'new content/en/returns-exchanges/returns-and-exchanges-2.mdx',
			'new content/en/returns-exchanges/returns-and-exchanges.mdx',
			'new content/en/shipping/delivery-costs-and-free-shipping.mdx',
			'new content/fr/order-tracking/ou-est-mon-colis.mdx',
			'new content/fr/returns-exchanges/retours-et-echanges.mdx',
			'new content/fr/shipping/frais-de-livraison-et-livraison-offerte.mdx',
		]);
		expect(zendesk.skipped).toEqual([
			{ item: expect.stringContaining('article 360001000006'), reason: 'its section 360000299999 is not in the export: include sections.json' },
			{ item: expect.stringContaining('"Wo ist mein Paket?" (de)'), reason: expect.stringMatching(/^"de" is not one of the site's languages \(en, fr\)/) },
		]);
		expect(zendesk.mediaNotFound).toEqual([
			{ file: 'content/en/returns-exchanges/returns-and-exchanges.mdx', src: expect.stringMatching(/\/360009000005\/return-label\.png$/), reason: expect.stringMatching(/^HTTP 404/) },
			{ file: 'content/en/returns-exchanges/returns-and-exchanges.mdx', src: 'https://cdn.alderandpine.invalid/return-box.png', reason: expect.stringMatching(/^unreachable/) },
		]);
		expect(zendesk.scriptsDropped).toEqual([
			{ file: 'content/en/shipping/delivery-costs-and-free-shipping.mdx', scripts: 1, handlers: ['onclick'], scriptLinks: 0 },
			{ file: 'content/en/returns-exchanges/returns-and-exchanges-2.mdx', scripts: 0, handlers: ['onmouseover'], scriptLinks: 1 },
		]);
		expect(zendesk.altGenerated).toEqual([{ file: 'content/en/shipping/delivery-costs-and-free-shipping.mdx', src: expect.stringMatching(/shipping-rates-2024\.png$/), alt: 'Shipping rates 2024' }]);
		expect(zendesk.duplicateTitles).toEqual([expect.objectContaining({ file: 'content/en/returns-exchanges/returns-and-exchanges-2.mdx', title: 'Returns and exchanges' })]);
		expect(zendesk.seoTitlesWritten).toEqual([expect.objectContaining({ title: expect.stringMatching(/^How do I change the size or colour of an item after my order has .+/), seoTitle: 'How do I change the size or colour of an item after my order has' })]);
		expect(zendesk.embedsReplaced).toEqual([{ file: 'content/en/order-tracking/where-is-my-parcel.mdx', src: 'https://www.google.com/maps/embed?pb=!1m18' }]);
		expect(zendesk.descriptionsToWrite).toEqual([{ file: 'content/en/order-tracking/how-do-i-change-the-size-or-colour-of-an-item-after-my-order-has.mdx' }]);
		expect(served).toContain('/hc/article_attachments/360009000001/tracking-page.png');

		expect(csv.articles.map((article) => `${article.status} ${article.file}`)).toEqual([
			'new content/en/product-care/caring-for-merino-wool.mdx',
			'new content/en/gifts/gift-wrapping.mdx',
			'new content/fr/product-care/entretenir-la-laine-merinos.mdx',
		]);
		expect(csv.skipped).toEqual([{ item: 'articles.csv row 5: "Geschenkverpackung und Nachrichten" (de-DE)', reason: expect.stringMatching(/^"de-DE" is not one of the site's languages/) }]);
		expect(csv.mediaNotFound).toEqual([{ file: 'content/en/gifts/gift-wrapping.mdx', src: 'images/gift-box.png', reason: expect.stringMatching(/^not found in the media folder/) }]);
	});

	it('keeps the categories editors wrote and creates the others in every language', () => {
		expect(zendesk.categories).toEqual(
			expect.arrayContaining([
				// The editor's title stays; the category gains its Zendesk group and old addresses.
				{ file: 'content/en/shipping/_category.yaml', status: 'updated' },
				{ file: 'content/en/order-tracking/_category.yaml', status: 'new' },
				{ file: 'content/fr/returns-exchanges/_category.yaml', status: 'new' },
			]),
		);
		const french = readFileSync(join(root, 'content/fr/returns-exchanges/_category.yaml'), 'utf8');
		expect(french).toContain('title: Retours et échanges');
		expect(french).toContain('icon: return');
		expect(readFileSync(join(root, 'content/en/order-tracking/_category.yaml'), 'utf8')).toContain('description: Help articles about Order tracking.');
		const shipping = readFileSync(join(root, 'content/en/shipping/_category.yaml'), 'utf8');
		expect(shipping).toContain('group: orders-delivery');
		expect(shipping).toContain('/hc/en-us/sections/360000200001-Shipping');
		expect(zendesk.groups).toEqual([
			{ file: 'content/en/_groups.yaml', status: 'new' },
			{ file: 'content/fr/_groups.yaml', status: 'new' },
		]);
	});

	it('shows the categories under their group headings on the home page, and the group in a category’s breadcrumbs', () => {
		const home = documentAt('/en');
		const groups = [...home.querySelectorAll('main section.category-group')].map((section) => ({
			id: section.querySelector('h2')?.getAttribute('id'),
			title: section.querySelector('h2')?.textContent,
			categories: [...section.querySelectorAll('li.card h3 a')].map((link) => link.getAttribute('href')),
		}));
		// Zendesk's categories, then the top folders of the Zendesk-synced Markdown tree.
		expect(groups.slice(0, 2)).toEqual([
			{ id: 'orders-delivery', title: 'Orders & delivery', categories: ['/en/shipping', '/en/order-tracking'] },
			{ id: 'returns', title: 'Returns', categories: ['/en/returns-exchanges'] },
		]);
		expect(groups.slice(2).map((group) => group.title)).toEqual(['Account Help', 'Orders']);
		// The CSV's categories have no group: they follow under their own heading.
		expect([...home.querySelectorAll('#categories-heading ~ ul a')].map((link) => link.getAttribute('href'))).toEqual(expect.arrayContaining(['/en/product-care', '/en/gifts']));
		expect(documentAt('/fr').querySelector('#orders-delivery')?.textContent).toBe('Commandes et livraison');
		const category = documentAt('/fr/shipping');
		expect([...category.querySelectorAll('nav.breadcrumbs a')].map((link) => link.getAttribute('href'))).toEqual(['/fr', '/fr#orders-delivery', '/fr/shipping']);
		expect(readFileSync(built('/fr/shipping'), 'utf8')).toMatch(/"name":"Commandes et livraison","item":"[^"]*\/fr#orders-delivery"/);
	});

	it('links translations through the English file name', () => {
		const french = readFileSync(join(root, 'content/fr/order-tracking/ou-est-mon-colis.mdx'), 'utf8');
		expect(french).toContain('translationKey: where-is-my-parcel');
		expect(french).toMatch(/source:\n {2}system: zendesk\n {2}id: "360001000001"/);
		expect(readFileSync(join(root, 'content/fr/product-care/entretenir-la-laine-merinos.mdx'), 'utf8')).toContain('translationKey: caring-for-merino-wool');
	});

	it('passes npm run check', () => {
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(check.stderr).toMatch(/: 0 error\(s\)/);
	});

	it('builds', () => {
		expect(build.status, build.output).toBe(0);
	});

	it('builds every imported article and links it from its category page, linked from the home page', () => {
		for (const article of [...published(zendesk), ...published(csv)]) {
			expect(existsSync(built(article.url)), article.url).toBe(true);
			const [, locale, category] = article.url.split('/');
			const categoryPage = documentAt(`/${locale}/${category}`);
			expect(categoryPage.querySelector(`main a[href="${article.url}"]`), `${article.url} from its category`).not.toBeNull();
			expect(documentAt(`/${locale}`).querySelector(`a[href="/${locale}/${category}"]`), `/${locale}/${category} from the home page`).not.toBeNull();
		}
	});

	it('serves every image from the site itself', () => {
		let images = 0;
		for (const article of [...published(zendesk), ...published(csv)]) {
			for (const image of documentAt(article.url).querySelectorAll('.article-body img')) {
				const src = image.getAttribute('src') ?? '';
				// The imported file, or a variant of it the build made (src/article-images).
				expect(src, article.url).toMatch(/^\/(images\/articles|_images)\//);
				expect(existsSync(join(client(), src)), src).toBe(true);
				expect(image.getAttribute('width'), src).toMatch(/^\d+$/);
				expect(image.getAttribute('alt')?.trim(), src).toBeTruthy();
				images += 1;
			}
		}
		expect(images).toBe(5);
		expect(existsSync(join(client(), 'images/articles/returns-and-exchanges-2/returns-form.pdf'))).toBe(true);
	});

	it('embeds videos as titled, lazy, cookie-free frames and keeps no script of the old pages', () => {
		const english = documentAt('/en/shipping/delivery-costs-and-free-shipping');
		const frame = english.querySelector('.article-body figure.video iframe');
		expect(frame?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(frame?.getAttribute('title')).toBe('Delivery costs and free shipping');
		expect(frame?.getAttribute('loading')).toBe('lazy');
		expect(english.querySelector('.article-body figure.video figcaption a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
		const french = documentAt('/fr/shipping/frais-de-livraison-et-livraison-offerte');
		expect(french.querySelector('.article-body iframe')?.getAttribute('src')).toBe('https://player.vimeo.com/video/76979871?dnt=1');
		expect(french.querySelector('.article-body figcaption')?.textContent).toBe('Regarder « Comment nous préparons votre colis » sur Vimeo');
		for (const article of published(zendesk)) {
			const html = readFileSync(built(article.url), 'utf8');
			expect(html, article.url).not.toMatch(/dataLayer|trackClick|showTip|onclick=|onmouseover=|javascript:/);
		}
		expect(english.querySelector('.article-body table')).not.toBeNull();
	});

	it('rewrites links between imported articles to their new addresses', () => {
		const hrefs = (url: string) => [...documentAt(url).querySelectorAll('.article-body a[href]')].map((link) => link.getAttribute('href'));
		expect(hrefs('/en/order-tracking/where-is-my-parcel')).toEqual([
			'/en/shipping/delivery-costs-and-free-shipping',
			'#track-it-online',
			'/en/returns-exchanges',
			'https://www.google.com/maps/embed?pb=!1m18',
		]);
		expect(hrefs('/en/returns-exchanges/returns-and-exchanges')).toEqual(['/en/returns-exchanges/returns-and-exchanges-2']);
		expect(hrefs('/fr/order-tracking/ou-est-mon-colis')).toEqual(['/fr/shipping/frais-de-livraison-et-livraison-offerte']);
		expect(hrefs('/en/gifts/gift-wrapping')).toEqual(['/en/product-care/caring-for-merino-wool']);
		expect(hrefs('/en/product-care/caring-for-merino-wool')).toEqual(['https://en.wikipedia.org/wiki/Merino_(sheep)']);
	});

	it('keeps callouts, footnotes and the anchors links point to, in the page and in its Markdown twin', () => {
		const url = '/en/returns-exchanges/returns-and-exchanges-2';
		const mdx = readFileSync(join(root, 'content/en/returns-exchanges/returns-and-exchanges-2.mdx'), 'utf8');
		expect(mdx).not.toContain('<!--');
		const page = documentAt(url);
		expect([...page.querySelectorAll('.article-body aside.callout-warning li')].map((item) => item.textContent)).toEqual(['Keep the tags on.', 'Use the original box.']);
		expect(page.querySelector('.article-body')?.textContent).toContain('Sizes {S to XL} only, one <exchange> per order.');
		// The footnote and its way back.
		const reference = page.querySelector('.article-body sup a[data-footnote-ref]');
		const note = page.getElementById((reference?.getAttribute('href') ?? '').slice(1));
		expect(note?.textContent).toContain('Working days, Monday to Friday.');
		expect(note?.querySelector('a[data-footnote-backref]')?.getAttribute('href')).toBe(`#${reference?.getAttribute('id')}`);
		// In the page and to a part of another imported article, by the ids the old help center gave them.
		expect(page.querySelector('.article-body a[href="#conditions"]')).not.toBeNull();
		expect(page.getElementById('conditions')).not.toBeNull();
		expect(page.querySelector('.article-body a[href="/en/order-tracking/where-is-my-parcel#h_01HQTRACK"]')).not.toBeNull();
		expect(documentAt('/en/order-tracking/where-is-my-parcel').getElementById('h_01HQTRACK')).not.toBeNull();
		const twin = readFileSync(join(client(), `${url}.md`), 'utf8');
		expect(twin).toContain('<a id="conditions"></a>');
		expect(twin).toMatch(/New sizes ship within two days\[\^1\]/);
		expect(twin).toMatch(/^\[\^1\]: Working days, Monday to Friday\.$/m);
	});

	it('is valid HTML according to the Nu HTML Checker', () => {
		const vnu = createRequire(import.meta.url)('vnu-jar') as string;
		const pages = [...published(zendesk), ...published(csv)].map((article) => built(article.url));
		let output = '';
		try {
			execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		} catch (error) {
			output = (error as { stderr?: string }).stderr ?? String(error);
		}
		const messages = output ? (JSON.parse(output) as { messages: { url: string; message: string }[] }).messages : [];
		expect(messages.map((message) => `${message.url.replace(/^.*dist\/client/, '')}: ${message.message}`)).toEqual([]);
	});

	it('records every old address, Zendesk ones also by id alone, for the Worker to redirect', async () => {
		const pairs = await listRedirectPairs(root);
		for (const article of published(zendesk)) {
			const zendeskLocale = article.locale === 'en' ? 'en-us' : article.locale;
			const idPath = `/hc/${zendeskLocale}/articles/${article.source.id}`;
			expect(article.redirectFrom[0]).toBe(idPath);
			expect(article.redirectFrom[1]).toMatch(new RegExp(`^${idPath}-[^/]+$`));
			expect(pairs).toContainEqual({ from: idPath, to: article.url });
			expect(pairs).toContainEqual({ from: `${idPath}-a-title-that-changed-since`, to: article.url });
		}
		expect(pairs).toContainEqual({ from: '/en-US/caring-for-merino-wool-101', to: '/en/product-care/caring-for-merino-wool' });
		expect(pairs).toContainEqual({ from: '/fr-FR/entretenir-la-laine-merinos-101', to: '/fr/product-care/entretenir-la-laine-merinos' });
	});

	it('answers every old address with a 301 to the new page from the running Worker, Zendesk ones whatever their slug', async () => {
		const pairs = await listRedirectPairs(root);
		expect(pairs.length).toBeGreaterThan(20);
		const worker = await startWorker({ cwd: root });
		try {
			const wrong: string[] = [];
			for (const { from, to } of pairs) {
				const response = await fetch(`${worker.url}${from}`, { redirect: 'manual' });
				const location = response.headers.get('Location') ?? '';
				if (response.status !== 301 || new URL(location, worker.url).pathname !== to) wrong.push(`${from} → ${response.status} ${location}`);
			}
			expect(wrong).toEqual([]);
		} finally {
			await worker.stop();
		}
	}, 120_000);

	it('answers the old addresses of sections, of categories and of the redirects file with a 301 from the running Worker', async () => {
		expect(redirects.added).toHaveLength(3);
		const worker = await startWorker({ cwd: root });
		try {
			const cases = [
				['/hc/en-us/sections/360000200002-Order-tracking', '/en/order-tracking'],
				['/hc/fr/sections/360000200001', '/fr/shipping'],
				['/hc/en-us/categories/360000100002-Returns', '/en#returns'],
				['/hc/fr/categories/360000100001-a-title-that-changed-since', '/fr#orders-delivery'],
				['/hc/en-us/community/posts/360000900001-Free-delivery', '/en/shipping/delivery-costs-and-free-shipping'],
				['/old-returns-page', '/en/returns-exchanges'],
				['/blog/gift-ideas', 'https://alderandpine.example/gifts'],
			];
			const answers = await Promise.all(
				cases.map(async ([from]) => {
					const response = await fetch(`${worker.url}${from}`, { redirect: 'manual' });
					const location = response.headers.get('Location') ?? '';
					return [from, `${response.status} ${location.replace(worker.url, '')}`];
				}),
			);
			expect(answers).toEqual(cases.map(([from, to]) => [from, `301 ${to}`]));
		} finally {
			await worker.stop();
		}
	}, 120_000);

	it('updates the articles it imported before instead of duplicating them', async () => {
		const before = snapshotFiles(root);
		const again = parseReport(await runImportCli(root, 'zendesk', exportDir, '--json', '--timeout', '5'));
		expect(again.articles.map((article) => article.status)).toEqual(zendesk.articles.map(() => 'unchanged'));
		expect(again.mediaStored).toBe(0);
		expect(snapshotFiles(root)).toEqual(before);

		// A new export of the same help center, where one article changed (in its list and its translations).
		for (const file of ['articles/en-us.json', 'articles/360001000002/translations.json'].map((path) => join(exportDir, path))) {
			writeFileSync(file, readFileSync(file, 'utf8').replace('free in the EU for orders over €80.', 'free in the EU for orders over €90.'));
		}
		const updated = parseReport(await runImportCli(root, 'zendesk', exportDir, '--json', '--timeout', '5'));
		expect(updated.articles.filter((article) => article.status !== 'unchanged')).toEqual([
			expect.objectContaining({ file: 'content/en/shipping/delivery-costs-and-free-shipping.mdx', status: 'updated' }),
		]);
		expect(readFileSync(join(root, 'content/en/shipping/delivery-costs-and-free-shipping.mdx'), 'utf8')).toContain('orders over €90');
		const mdxFiles = (directory: string): string[] =>
			readdirSync(directory).flatMap((name) => (statSync(join(directory, name)).isDirectory() ? mdxFiles(join(directory, name)) : name.endsWith('.mdx') ? [name] : []));
		expect(mdxFiles(join(root, 'content')).length).toBe([...before.keys()].filter((file) => file.endsWith('.mdx')).length);
	});
});

describe('Markdown folders imported into the same project', () => {
	const all = () => [...markdown.gitbook.articles, ...markdown.docusaurus.articles, ...markdown.zendeskSync.articles];

	it('imports every page and skips the broken one with its line', () => {
		expect(markdown.gitbook.articles).toHaveLength(6);
		expect(markdown.docusaurus.articles).toHaveLength(3);
		expect(markdown.zendeskSync.articles).toHaveLength(4);
		expect(markdown.zendeskSync.skipped).toContainEqual({ item: 'Orders/Returns/Broken.md, line 2', reason: expect.stringContaining('not valid YAML') });
	});

	it('builds every imported article', () => {
		for (const article of all()) expect(existsSync(built(article.url)), article.url).toBe(true);
	});

	it('links the French GitBook pages to their English versions', () => {
		const french = markdown.gitbook.articles.filter((article) => article.locale === 'fr');
		expect(french).toHaveLength(3);
		for (const article of french) expect(readFileSync(join(root, article.file), 'utf8')).toMatch(/^translationKey: /m);
	});

	it('serves the images of the folders from the site itself', () => {
		const images = all().flatMap((article) => article.images);
		expect(images.length).toBeGreaterThanOrEqual(4);
		for (const image of images) expect(existsSync(join(client(), image)), image).toBe(true);
	});

	it('redirects the old Zendesk addresses of the synced articles, whatever their slug', async () => {
		const pairs = await listRedirectPairs(root);
		const overview = markdown.zendeskSync.articles.find((article) => article.source.id === '4410001000003');
		expect(pairs).toContainEqual({ from: '/hc/en-us/articles/4410001000003-a-title-that-changed-since', to: overview?.url });
	});
});

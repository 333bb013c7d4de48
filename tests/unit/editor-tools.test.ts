import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatGithubAnnotations } from '../../src/content-checks/check-content';
import { readContent } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { categoryQuestion, languageQuestion, listCategories } from '../../scripts/lib/article-choices';
import { scaffoldArticle, slugify } from '../../scripts/lib/scaffold-article';
import { scaffoldLocale } from '../../scripts/lib/scaffold-locale';
import { makeContentFixture, type ContentFixture } from '../support/content-fixture';

const projectRoot = join(import.meta.dirname, '../..');

async function check(fixture: ContentFixture) {
	const site = readSiteConfig(fixture.root);
	return checkContent(await readContent(fixture.root), site, fixture.publicDir);
}

function runCheck(root: string, ...args: string[]) {
	return spawnSync('node', [join(projectRoot, 'scripts/check-content.ts'), '--root', root, ...args], { encoding: 'utf8' });
}

describe('slugify', () => {
	it('makes ASCII file names from titles in any of our languages', () => {
		expect(slugify('Delivery to islands')).toBe('delivery-to-islands');
		expect(slugify('Échanger une taille : mode d’emploi')).toBe('echanger-une-taille-mode-demploi');
		expect(slugify('  100% cotton?! ')).toBe('100-cotton');
	});
});

describe('scaffoldArticle', () => {
	it('writes an article the checker accepts, with only the description left to write', async () => {
		const fixture = makeContentFixture();
		const file = await scaffoldArticle({ root: fixture.root, locale: 'en', category: 'shipping', title: 'Delivery to islands', today: new Date('2026-11-25') });
		expect(file).toBe(join(fixture.contentDir, 'en/shipping/delivery-to-islands.mdx'));
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('updated: 2026-11-25');
		expect(text).toContain('order: 101');
		const problems = await check(fixture);
		expect(problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'description', file: 'content/en/shipping/delivery-to-islands.mdx' })]);
	});

	it('links a translation to its source and refuses to overwrite or to invent a category', async () => {
		const fixture = makeContentFixture();
		const file = await scaffoldArticle({ root: fixture.root, locale: 'fr', category: 'shipping', title: 'La douane', translationOf: 'customs' });
		expect(readFileSync(file, 'utf8')).toContain('translationKey: customs');
		await expect(scaffoldArticle({ root: fixture.root, locale: 'fr', category: 'shipping', title: 'La douane' })).rejects.toThrow(/already exists/);
		await expect(scaffoldArticle({ root: fixture.root, locale: 'en', category: 'shiping', title: 'Anything' })).rejects.toThrow(/no category "shiping"/);
	});
});

describe('the choices npm run new:article offers', () => {
	/** The fixture with a second English category, which the site shows first. */
	function withTwoCategories() {
		const fixture = makeContentFixture();
		mkdirSync(join(fixture.contentDir, 'en/returns-refunds'));
		fixture.write('content/en/returns-refunds/_category.yaml', 'title: Returns and refunds\ndescription: Sending an order back.\norder: 0\n');
		return fixture;
	}

	it('names the site\'s languages', () => {
		expect(languageQuestion([{ code: 'en', name: 'English' }, { code: 'fr', name: 'Français' }])).toBe('Language (en = English, fr = Français)');
	});

	it('lists the categories of the chosen language with their titles, in the site\'s order', () => {
		const fixture = withTwoCategories();
		const categories = listCategories(fixture.root, 'en');
		expect(categories).toEqual([{ id: 'returns-refunds', title: 'Returns and refunds' }, { id: 'shipping', title: 'Shipping' }]);
		expect(categoryQuestion('en', categories)).toBe('Categories in en:\n  returns-refunds  Returns and refunds\n  shipping         Shipping\nCategory folder');
		expect(listCategories(fixture.root, 'fr').map((category) => category.id)).toEqual(['shipping']);
		expect(categoryQuestion('de', listCategories(fixture.root, 'de'))).toBe('There is no category in "de" yet. Category folder');
	});

	it('names the existing categories when the one asked for does not exist', async () => {
		const fixture = withTwoCategories();
		await expect(scaffoldArticle({ root: fixture.root, locale: 'en', category: 'returns', title: 'Anything' })).rejects.toThrow(
			'The categories in en are:\n  returns-refunds  Returns and refunds\n  shipping         Shipping',
		);
	});
});

describe('npm run check', () => {
	it('passes a valid tree and fails with compiler-style lines on an error', () => {
		const fixture = makeContentFixture();
		expect(runCheck(fixture.root).status).toBe(0);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace('/en/shipping/delivery-times', '/en/shipping/nowhere'));
		const result = runCheck(fixture.root);
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/^content\/en\/shipping\/customs\.md:9:52 {2}Broken link: \/en\/shipping\/nowhere is not a page of the help center\. {2}\(.+\)$/m);
		expect(result.stderr).toMatch(/1 error\(s\), 0 warning\(s\)/);
	});

	it('prints GitHub Actions annotations on request', () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace('title:', 'titel:'));
		const result = runCheck(fixture.root, '--format', 'github');
		expect(result.stdout).toContain('::error file=content/en/shipping/customs.md,line=2,title=Content%3A titel::Unknown field "titel".');
	});

	it('warns, without failing, about a translation older than its source', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('updated: 2026-10-01', 'updated: 2026-11-20'));
		const problems = await check(fixture);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', file: 'content/fr/shipping/delais-de-livraison.mdx', field: 'updated', line: 4 }),
		]);
		expect(runCheck(fixture.root).status).toBe(0);
	});
});

describe('formatGithubAnnotations', () => {
	it('escapes the characters workflow commands reserve', () => {
		expect(formatGithubAnnotations([{ file: 'a,b.mdx', line: 1, message: '50%\nnext', fix: 'x' }])).toBe('::error file=a%2Cb.mdx,line=1,title=Content::50%25%0Anext How to fix: x');
	});
});

describe('a new language', () => {
	const withStrings = () => {
		const fixture = makeContentFixture();
		cpSync(join(projectRoot, 'src/i18n'), join(fixture.root, 'src/i18n'), { recursive: true });
		return fixture;
	};

	it('is refused by the check while the interface has no strings in it, with the command that adds them', async () => {
		// Listed in site.yaml, with a strings file the code does not load (what new:locale writes before a rebuild).
		const fixture = withStrings();
		await scaffoldLocale(fixture.root, 'de');
		const problems = await check(fixture);
		expect(problems).toContainEqual(expect.objectContaining({ file: 'content/site.yaml', field: 'locales', message: expect.stringMatching(/^Deutsch \(de\) has no interface strings/), fix: expect.stringContaining('npm run new:locale -- de') }));
		expect(problems.find((problem) => problem.message.startsWith('Deutsch (de)'))?.severity).toBeUndefined();
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^No article is written in Deutsch yet/) }));
	});

	it('is scaffolded by new:locale: strings to translate, registered, listed in site.yaml with its texts, its categories', async () => {
		const fixture = withStrings();
		const before = readFileSync(join(fixture.root, 'content/site.yaml'), 'utf8');
		const result = await scaffoldLocale(fixture.root, 'pt-BR');
		expect(result.name).toBe('Português (Brasil)');
		expect(readFileSync(join(fixture.root, 'src/i18n/pt-BR.json'), 'utf8')).toBe(readFileSync(join(projectRoot, 'src/i18n/en.json'), 'utf8'));
		const registry = readFileSync(join(fixture.root, 'src/i18n/translate.ts'), 'utf8');
		expect(registry).toContain("import pt_BR from './pt-BR.json' with { type: 'json' };");
		expect(registry).toMatch(/const dictionaries = \{ en, fr: fr satisfies UiStrings, 'pt-BR': pt_BR satisfies UiStrings \}/);
		const site = readSiteConfig(fixture.root);
		expect(site.locales.at(-1)).toEqual({ code: 'pt-BR', name: 'Português (Brasil)' });
		expect(site.brand.tagline['pt-BR']).toBe(site.brand.tagline['en']);
		expect(result.toTranslate).toEqual(expect.arrayContaining(['brand.tagline', 'contact.hours']));
		// The editor's comments and the rest of the file stay as they were.
		const after = readFileSync(join(fixture.root, 'content/site.yaml'), 'utf8');
		for (const line of before.split('\n').filter((entry) => entry.trimStart().startsWith('#'))) expect(after).toContain(line);
		expect(after).toContain('label: { en: Too small, fr: Trop petit, pt-BR: Too small }');
		expect(after.split('\n').length - before.split('\n').length).toBe(4);
		expect(readFileSync(join(fixture.root, 'content/pt-BR/shipping/_category.yaml'), 'utf8')).toBe(readFileSync(join(fixture.root, 'content/en/shipping/_category.yaml'), 'utf8'));
		await expect(scaffoldLocale(fixture.root, 'pt-BR')).rejects.toThrow(/already one of the site's languages/);
		await expect(scaffoldLocale(fixture.root, 'Deutsch')).rejects.toThrow(/not a language code/);
	});
});

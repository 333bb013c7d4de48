import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientDir } from '../support/built-site';

const projectRoot = join(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'help-center-index-step-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const indexStep = (projectDir: string, ...flags: string[]) =>
	spawnSync(process.execPath, [join(projectRoot, 'scripts/build-search-index.ts'), '--root', projectDir, ...flags], { encoding: 'utf8' });
/** Every file of a search bundle (path → SHA-256 of its bytes). */
const bundleFiles = (client: string) => {
	const bundle = join(client, 'pagefind');
	return Object.fromEntries(
		readdirSync(bundle, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name))
			.map((path) => [relative(bundle, path), createHash('sha256').update(readFileSync(path)).digest('hex')]),
	);
};
/** Each language's index: its page count and a hash of its content. */
const indexes = (client: string) =>
	(JSON.parse(readFileSync(join(client, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number; hash: string }> }).languages;
const pageCounts = (client: string) => Object.fromEntries(Object.entries(indexes(client)).map(([language, index]) => [language, index.page_count]));

describe('the search index step of `npm run build`', () => {
	it('stops, saying what to run, when the site is not built', () => {
		const result = indexStep(join(root, 'not-built'));
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('`npm run build`');
	});

	it('indexes a built site again from scratch: the same index, no warning, no file of an earlier index', () => {
		const client = join(root, 'dist/client');
		cpSync(clientDir, client, { recursive: true });
		mkdirSync(join(root, 'content'));
		cpSync(join(projectRoot, 'content/site.yaml'), join(root, 'content/site.yaml'));
		// site.yaml names files of public/ (the brand's fonts), which must exist for it to be valid.
		cpSync(join(projectRoot, 'public'), join(root, 'public'), { recursive: true });
		writeFileSync(join(client, 'pagefind/left-from-an-earlier-build.js'), '');

		const result = indexStep(root);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^Search index \(en: \d+ articles, \d+ words; fr: \d+ articles, \d+ words\) built in \d+ ms\.$/m);
		expect(result.stdout).toMatch(/^\d+ files \(.*\d+ search index files.*\): within the Workers Free plan/m);
		expect(existsSync(join(client, 'pagefind/left-from-an-earlier-build.js'))).toBe(false);
		// The same content hash as the build's own index: the same pages, the same synonyms.
		expect(indexes(client)).toEqual(indexes(clientDir));
	});

	it('indexes each locale in a process of its own and merges them into the very bundle one process makes', () => {
		const client = join(root, 'dist/client');
		const byLocale = indexStep(root, '--jobs', '2');
		expect(byLocale.status, byLocale.stderr).toBe(0);
		const merged = bundleFiles(client);
		expect(existsSync(join(root, 'dist/search-index-parts')), 'the parts are cleaned away').toBe(false);

		const single = indexStep(root, '--jobs', '1');
		expect(single.status, single.stderr).toBe(0);
		expect(merged).toEqual(bundleFiles(client));
		expect(Object.keys(merged).filter((path) => path.startsWith('fragment-packs/en_')).length).toBeGreaterThan(0);
		expect(Object.keys(merged).filter((path) => path.startsWith('fragment-packs/fr_')).length).toBeGreaterThan(0);
		expect(byLocale.stdout.split('\n')[0]?.replace(/built in \d+ ms/, '')).toBe(single.stdout.split('\n')[0]?.replace(/built in \d+ ms/, ''));
	});

	it('still indexes, without synonyms and with a warning, when the site config is broken', () => {
		writeFileSync(join(root, 'content/site.yaml'), 'locales: [');
		const result = indexStep(root);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toContain('content/site.yaml is not valid: indexing without synonyms.');
		const client = join(root, 'dist/client');
		expect(pageCounts(client)).toEqual(pageCounts(clientDir));
		// Without the synonyms, each language's index differs from the build's.
		for (const [language, index] of Object.entries(indexes(client))) expect(index.hash, language).not.toBe(indexes(clientDir)[language]?.hash);
	});
});

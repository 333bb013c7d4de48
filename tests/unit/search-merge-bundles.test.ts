import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeSearchBundles } from '../../src/search/build/merge-bundles';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A bundle folder with Pagefind's entry for `languages` and the given files. */
function bundle(name: string, languages: string[], files: Record<string, string>): string {
	const dir = join(root, name);
	const entry = { version: '1.6.0', languages: Object.fromEntries(languages.map((language) => [language, { hash: `${language}_1`, wasm: language, page_count: 1 }])), include_characters: ['_'] };
	for (const [path, content] of Object.entries({ ...files, 'pagefind-entry.json': JSON.stringify(entry) })) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

describe('merging the search bundles of separately indexed languages', () => {
	it('keeps every language, each file once, and Pagefind’s field and language order', async () => {
		root = mkdtempSync(join(tmpdir(), 'merge-bundles-'));
		const fr = bundle('fr', ['fr'], { 'pagefind.js': 'shared', 'fragment-packs/fr_00.pack': 'fr pages' });
		const en = bundle('en', ['en'], { 'pagefind.js': 'shared', 'fragment-packs/en_00.pack': 'en pages' });
		const output = join(root, 'out');
		await mergeSearchBundles([fr, en], output);
		expect(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')).toBe(
			'{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":"en","page_count":1},"fr":{"hash":"fr_1","wasm":"fr","page_count":1}},"include_characters":["_"]}',
		);
		expect(readFileSync(join(output, 'fragment-packs/en_00.pack'), 'utf8')).toBe('en pages');
		expect(readFileSync(join(output, 'fragment-packs/fr_00.pack'), 'utf8')).toBe('fr pages');
		expect(readFileSync(join(output, 'pagefind.js'), 'utf8')).toBe('shared');
		expect(existsSync(fr) || existsSync(en)).toBe(false);
	});

	it('refuses two bundles of one language, and bundles that differ in a file they share', async () => {
		root = mkdtempSync(join(tmpdir(), 'merge-bundles-'));
		await expect(mergeSearchBundles([bundle('a', ['en'], {}), bundle('b', ['en'], {})], join(root, 'out'))).rejects.toThrow('Two search bundles index the language en');
		await expect(mergeSearchBundles([bundle('c', ['en'], { 'pagefind.js': 'one' }), bundle('d', ['fr'], { 'pagefind.js': 'two' })], join(root, 'out2'))).rejects.toThrow(
			'The search bundles differ in pagefind.js',
		);
	});
});

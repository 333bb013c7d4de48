import { gunzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFragmentName } from '../../src/search/bundle-layout';
import { shortenPageNames } from '../../src/search/build/page-names';

const decodeMeta = (content: Uint8Array) => decode(gunzipSync(content).subarray('pagefind_dcd'.length)) as [string, [string, number, string][], ...unknown[]];

const article = (title: string, words: number) =>
	`<html lang="en"><body><article data-pagefind-body><h1>${title}</h1><p>${Array.from({ length: words }, (_, index) => `word${index % 50}`).join(' ')}</p></article></body></html>`;

let files: Map<string, Uint8Array>;

beforeAll(async () => {
	const { index } = await pagefind.createIndex({});
	if (!index) throw new Error('Pagefind did not start');
	for (let page = 0; page < 40; page++) await index.addHTMLFile({ url: `/en/shipping/article-${page}`, content: article(`Article ${page}`, 20 + page) });
	files = new Map((await index.getFiles()).files.map((file) => [file.path, file.content]));
}, 60_000);

afterAll(() => pagefind.close());

describe('shortenPageNames', () => {
	it('re-encodes Pagefind’s files byte for byte, so that renaming changes nothing else', () => {
		for (const [path, content] of files) {
			if (!/\.pf_(meta|index|filter)$/.test(path)) continue;
			const data = gunzipSync(content).subarray('pagefind_dcd'.length);
			expect({ path, same: Buffer.compare(Buffer.from(encode(decode(data))), data) === 0 }).toEqual({ path, same: true });
		}
	});

	it('renames every page in order and keeps everything else Pagefind wrote', () => {
		const entry = new TextDecoder().decode(files.get('pagefind-entry.json'));
		const renamed = shortenPageNames(entry, (path) => files.get(path) ?? new Uint8Array());
		const oldHash = (JSON.parse(entry) as { languages: { en: { hash: string } } }).languages.en.hash;
		const newEntry = JSON.parse(renamed.entry) as { version: string; languages: { en: { hash: string; page_count: number } } };
		expect(renamed.replacedMetaFiles).toEqual([`pagefind.${oldHash}.pf_meta`]);
		expect([...renamed.metaFiles.keys()]).toEqual([`pagefind.${newEntry.languages.en.hash}.pf_meta`]);
		expect(newEntry.languages.en.page_count).toBe(40);

		const before = decodeMeta(files.get(`pagefind.${oldHash}.pf_meta`) ?? new Uint8Array());
		const after = decodeMeta(renamed.metaFiles.get(`pagefind.${newEntry.languages.en.hash}.pf_meta`) ?? new Uint8Array());
		const tag = oldHash.slice(3, 11);
		expect(after[1].map((page) => page[0])).toEqual(before[1].map((_, position) => `en_${tag}-${position.toString(36)}`));
		// Word counts (used for ranking), fragment groups, index chunks and filters are untouched.
		expect(after[1].map((page) => page.slice(1))).toEqual(before[1].map((page) => page.slice(1)));
		expect(after.slice(2)).toEqual(before.slice(2));
		expect(after[0]).toBe(before[0]);
	});

	it('maps every fragment Pagefind wrote to its page’s new name, and nothing else', () => {
		const renamed = shortenPageNames(new TextDecoder().decode(files.get('pagefind-entry.json')), (path) => files.get(path) ?? new Uint8Array());
		const fragments = [...files.keys()].filter((path) => path.startsWith('fragment/')).map((path) => path.slice('fragment/'.length));
		const names = fragments.map((fragment) => renamed.fragmentName(fragment));
		expect(new Set(names).size).toBe(40);
		expect(names.map((name) => parseFragmentName(name ?? '')?.position).sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 40 }, (_, position) => position));
		expect(renamed.fragmentName('en_ffffffff.pf_fragment')).toBeUndefined();
		expect(renamed.fragmentName('pagefind-entry.json')).toBeUndefined();
	});

	it('gives the same names for the same index', () => {
		const run = () => shortenPageNames(new TextDecoder().decode(files.get('pagefind-entry.json')), (path) => files.get(path) ?? new Uint8Array());
		const [first, second] = [run(), run()];
		expect(second.entry).toBe(first.entry);
		expect([...second.metaFiles.values()]).toEqual([...first.metaFiles.values()]);
	});

	it('stops with the file’s name when Pagefind’s output is not in the expected format', () => {
		const entry = new TextDecoder().decode(files.get('pagefind-entry.json'));
		expect(() => shortenPageNames(entry, () => new Uint8Array([0x1f, 0x8b]))).toThrow(/pagefind\.en_[0-9a-f]+\.pf_meta/);
		const otherFormat = (path: string) => (path.endsWith('.pf_meta') ? (files.get(`fragment/${[...files.keys()].find((key) => key.startsWith('fragment/'))?.slice(9)}`) ?? new Uint8Array()) : new Uint8Array());
		expect(() => shortenPageNames(entry, otherFormat)).toThrow(/not (in the format of Pagefind 1\.6\.0|a Pagefind file)/);
		expect(() => shortenPageNames('{"languages":{"en":{"hash":"../../etc"}}}', () => new Uint8Array())).toThrow();
	});
});

import { readFile, readdir, rename, rm, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { pagefindEntryFile as entryFile } from './page-names.ts';

/**
 * Pagefind's list of languages and their index files, read only as far as merging needs (src/search/build/page-names.ts
 * reads more of it, to rename pages); the rest passes through in the order Pagefind wrote it.
 */
const pagefindEntry = z.looseObject({ version: z.string(), languages: z.record(z.string(), z.unknown()) });

async function entryOf(bundleDir: string): Promise<z.infer<typeof pagefindEntry>> {
	const parsed = pagefindEntry.safeParse(JSON.parse(await readFile(join(bundleDir, entryFile), 'utf8')));
	if (!parsed.success) throw new Error(`${join(bundleDir, entryFile)} is not a Pagefind entry file: ${z.prettifyError(parsed.error)}`);
	return parsed.data;
}

/**
 * Moves search bundles that each index other languages (src/search/build/build-index.ts, run once per group of languages)
 * into one bundle in `outputDir`, the same, byte for byte, as one run over all the languages would make: every
 * language's files have names of their own, the files every bundle has (Pagefind's scripts) are the same in each,
 * and the entry file lists the languages of all, in Pagefind's order (by name). Throws when two bundles index the
 * same language or differ in a file they share, which would mean the pages were not split by language.
 */
export async function mergeSearchBundles(bundleDirs: string[], outputDir: string): Promise<void> {
	const [first, ...others] = bundleDirs;
	if (!first) throw new Error('No search bundle to merge.');
	const entry = await entryOf(first);
	// Only `languages` differs between the bundles of one site.
	const { languages: _, ...firstRest } = entry;
	for (const bundleDir of others) {
		const { languages, ...rest } = await entryOf(bundleDir);
		if (!isDeepStrictEqual(rest, firstRest)) throw new Error(`${join(bundleDir, entryFile)} was made with other Pagefind settings than ${join(first, entryFile)}.`);
		for (const [language, index] of Object.entries(languages)) {
			if (language in entry.languages) throw new Error(`Two search bundles index the language ${language}: its pages must be in one folder of the built site.`);
			entry.languages[language] = index;
		}
	}
	entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

	const moved = new Set<string>();
	for (const bundleDir of bundleDirs) {
		const files = (await readdir(bundleDir, { recursive: true, withFileTypes: true })).filter((file) => file.isFile());
		for (const file of files) {
			const path = join(file.parentPath, file.name).slice(bundleDir.length + 1);
			if (path === entryFile) continue;
			const target = join(outputDir, path);
			if (moved.has(path)) {
				const [kept, again] = await Promise.all([readFile(target), readFile(join(bundleDir, path))]);
				if (!kept.equals(again)) throw new Error(`The search bundles differ in ${path}, a file each of them has.`);
				continue;
			}
			await mkdir(dirname(target), { recursive: true });
			await rename(join(bundleDir, path), target);
			moved.add(path);
		}
	}
	await writeFile(join(outputDir, entryFile), JSON.stringify(entry));
	for (const bundleDir of bundleDirs) await rm(bundleDir, { recursive: true, force: true });
}

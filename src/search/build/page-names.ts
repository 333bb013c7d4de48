import { createHash } from 'node:crypto';
import { decode, encode } from 'cborg';
import { z } from 'zod';
import { pageName } from '../bundle-layout.ts';
import { readPagefindFile, writePagefindFile } from './pagefind-file.ts';

/**
 * Shorter names for Pagefind's pages. Pagefind names each page (and its fragment file) after a hash of the
 * fragment, and lists every page's name in the language's metadata file, which a shopper downloads before the
 * first results: at 10,000 articles, those random names are most of its 72 KB. Renamed `<language>_<tag>-<n>`,
 * where `n` counts up and `tag` comes from Pagefind's hash of the whole index, the list compresses to a third,
 * and a name still never changes meaning: a different index gets a different tag, so fragments stay immutable.
 */

/** Pagefind's list of languages and their index files, inside the bundle folder. */
export const pagefindEntryFile = 'pagefind-entry.json';

/** That file's fields this code reads; the rest passes through untouched, in the order Pagefind wrote it. */
const pagefindEntry = z.looseObject({
	version: z.string(),
	languages: z.record(z.string(), z.looseObject({ hash: z.string().regex(/^[\w-]+_[0-9a-f]{8,}$/) })),
});

// Pagefind 1.6's metadata: [version, pages as [name, word count, fragment group, …], index chunks, filters, …].
const pagefindMeta = z.tuple([z.literal('1.6.0'), z.array(z.tuple([z.string(), z.number().int(), z.literal('')], z.unknown()))], z.unknown());

function readMeta(content: Uint8Array, file: string): z.infer<typeof pagefindMeta> {
	let decoded: unknown;
	try {
		decoded = decode(readPagefindFile(content));
	} catch (error) {
		throw new Error(`${file} is not a Pagefind file (${(error as Error).message}).`);
	}
	const parsed = pagefindMeta.safeParse(decoded);
	if (!parsed.success) {
		throw new Error(`${file} is not in the format of Pagefind 1.6.0, which src/search/build/page-names.ts rewrites: check that module against the installed Pagefind (${z.prettifyError(parsed.error)}).`);
	}
	return parsed.data;
}

function writeMeta(meta: z.infer<typeof pagefindMeta>): Uint8Array {
	// cborg writes the same bytes as Pagefind for the same values (checked by the unit test), so only the names change.
	return writePagefindFile(encode(meta));
}

export interface RenamedIndex {
	/** The new `pagefind-entry.json`. */
	entry: string;
	/** Metadata files to write (path inside the bundle → content) and the ones they replace. */
	metaFiles: Map<string, Uint8Array>;
	replacedMetaFiles: string[];
	/** The new file name of a fragment (`en_2aa9489.pf_fragment` → `en_a491c621-0.pf_fragment`). */
	fragmentName(file: string): string | undefined;
}

/**
 * Renames every page of a Pagefind bundle: reads `pagefind-entry.json` and each language's metadata (through
 * `read`, paths inside the bundle) and returns the files to write instead. Throws, naming the file, when Pagefind's
 * output is not in the format this expects.
 */
export function shortenPageNames(entryJson: string, read: (path: string) => Uint8Array): RenamedIndex {
	const entry = pagefindEntry.parse(JSON.parse(entryJson));
	const metaFiles = new Map<string, Uint8Array>();
	const replacedMetaFiles: string[] = [];
	const names = new Map<string, string>();
	for (const [language, index] of Object.entries(entry.languages)) {
		const path = `pagefind.${index.hash}.pf_meta`;
		const meta = readMeta(read(path), path);
		const tag = index.hash.slice(index.hash.lastIndexOf('_') + 1, index.hash.lastIndexOf('_') + 9);
		meta[1].forEach((page, position) => {
			const name = pageName(language, tag, position);
			names.set(page[0], name);
			page[0] = name;
		});
		const content = writeMeta(meta);
		index.hash = `${language}_${createHash('sha256').update(content).digest('hex').slice(0, 10)}`;
		metaFiles.set(`pagefind.${index.hash}.pf_meta`, content);
		replacedMetaFiles.push(path);
	}
	return {
		entry: JSON.stringify(entry),
		metaFiles,
		replacedMetaFiles,
		fragmentName(file) {
			const name = file.endsWith('.pf_fragment') ? names.get(file.slice(0, -'.pf_fragment'.length)) : undefined;
			return name && `${name}.pf_fragment`;
		},
	};
}

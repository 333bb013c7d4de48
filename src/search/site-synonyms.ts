import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSiteConfig } from '../config/parse-site-config.ts';

/** The search synonyms of the site config of the project at `root`, per language; none when the config is invalid. */
export async function readSynonyms(root: string, warn: (message: string) => void): Promise<Record<string, string[][]>> {
	try {
		return parseSiteConfig(await readFile(join(root, 'content/site.yaml'), 'utf8')).search.synonyms;
	} catch {
		// The content checks report the problem; search still works, without synonyms.
		warn('content/site.yaml is not valid: indexing without synonyms.');
		return {};
	}
}

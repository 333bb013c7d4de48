import { readSiteConfig, siteConfigFile } from '../../config/read-site-config.ts';

export interface SearchSettings {
	/** The site config's search synonyms, per language. */
	synonyms: Record<string, string[][]>;
	/** The site's locales, in the config's order: each is a folder of the built site. */
	locales: string[];
}

/**
 * What indexing needs from the site config of the project at `root`. When the config is invalid, no synonyms and
 * no known locales: the content checks report the problem, and search still works, without synonyms.
 */
export function readSearchSettings(root: string, warn: (message: string) => void): SearchSettings {
	try {
		const config = readSiteConfig(root);
		return { synonyms: config.search.synonyms, locales: config.locales.map((locale) => locale.code) };
	} catch {
		warn(`${siteConfigFile} is not valid: indexing without synonyms.`);
		return { synonyms: {}, locales: [] };
	}
}

import { parse } from 'yaml';
import { siteConfigSchema, type SiteConfig } from '../schemas/site-config.ts';

/** Thrown when content/site.yaml is invalid; its message lists every field to fix. */
export class SiteConfigError extends Error {
	override name = 'SiteConfigError';
}

/** Parses and validates the text of content/site.yaml, with messages that name each field to fix. */
export function parseSiteConfig(text: string, file = 'content/site.yaml'): SiteConfig {
	let data: unknown;
	try {
		data = parse(text);
	} catch (error) {
		throw new SiteConfigError(`${file}  is not valid YAML: ${(error as Error).message}`);
	}
	const result = siteConfigSchema.safeParse(data);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => {
		const field = issue.path.join('.');
		const detail = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.join('", "')}"; check its spelling or remove it` : issue.message;
		return `${file} [${field || 'root'}]  ${detail}`;
	});
	throw new SiteConfigError(`The site config has ${lines.length} problem(s):\n${lines.join('\n')}`);
}

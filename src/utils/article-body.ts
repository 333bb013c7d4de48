import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bodyOfArticleText } from '../content-checks/read-content';
import { parseContentPath } from '../config/content-layout';
import { site } from '../config/site';
import { articleFilesVariable } from '../integrations/article-bodies';
import { bodyWithPolicyValues } from '../policies/policy-body';

/**
 * An article's text as its readers get it: as its editor wrote it (Markdown or MDX, below the frontmatter), with the
 * policies it quotes written out from site.yaml (src/policies/policy-body.ts), as its page shows them. `astro build`
 * keeps the text out of the data store (src/integrations/article-bodies.ts) and it is read from the article's file,
 * relative to the project's folder; `astro dev` has it in the entry.
 */
export function articleBody(entry: { id: string; body?: string | undefined; filePath?: string | undefined }): string {
	const written = entry.body ?? writtenBody(entry);
	const place = parseContentPath(entry.filePath ?? '');
	if (place?.kind !== 'article') return written;
	return bodyWithPolicyValues(written, site.policies, place.locale);
}

function writtenBody(entry: { id: string; filePath?: string | undefined }): string {
	const root = process.env[articleFilesVariable];
	if (!root || !entry.filePath) throw new Error(`The text of the article ${entry.id} is neither in the data store nor in a file the build can read.`);
	return bodyOfArticleText(readFileSync(resolve(root, entry.filePath), 'utf8'));
}

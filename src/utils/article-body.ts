import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bodyOfArticleText } from '../content-checks/read-content';
import { articleFilesVariable } from '../integrations/article-bodies';

/**
 * An article's text as its editor wrote it (Markdown or MDX, below the frontmatter). `astro build` keeps it out of
 * the data store (src/integrations/article-bodies.ts) and it is read from the article's file, relative to the
 * project's folder; `astro dev` has it in the entry.
 */
export function articleBody(entry: { id: string; body?: string | undefined; filePath?: string | undefined }): string {
	if (entry.body !== undefined) return entry.body;
	const root = process.env[articleFilesVariable];
	if (!root || !entry.filePath) throw new Error(`The text of the article ${entry.id} is neither in the data store nor in a file the build can read.`);
	return bodyOfArticleText(readFileSync(resolve(root, entry.filePath), 'utf8'));
}

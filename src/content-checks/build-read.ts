import { readContent, type ContentSources } from './read-content.ts';

const pending = new Map<string, Promise<ContentSources>>();

/**
 * Reads the content for `astro build`, where the files cannot change while it runs: a read is kept for the next
 * reader, which takes it instead of reading every file again (the content guard at start-up, then the redirect map
 * when the Worker is bundled), and then forgotten, so the build does not hold every article's text to the end.
 * `astro dev` must use `readContent`: there files change and every read must see them.
 */
export function readContentForBuild(root: string): Promise<ContentSources> {
	const kept = pending.get(root);
	if (kept) {
		pending.delete(root);
		return kept;
	}
	const read = readContent(root);
	pending.set(root, read);
	return read;
}

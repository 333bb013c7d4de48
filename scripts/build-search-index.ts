/**
 * `node scripts/build-search-index.ts [--root <project>]` — the second step of `npm run build`: builds the search
 * index of the site that `astro build` wrote to `<root>/dist/client`, into `dist/client/pagefind/`, then reports the
 * output's files against Workers' limits.
 *
 * It runs in a process of its own once Astro has exited: Astro keeps the memory rendering took until it exits, and
 * Pagefind's process would add its own on top, so the build's peak memory is the larger of the two, not their sum.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assetLimitMessages, countOutputFiles } from './lib/asset-limits.ts';
import { writeSearchIndex } from '../src/search/build-index.ts';
import { builtPages } from '../src/search/built-pages.ts';
import { searchBundlePath } from '../src/search/bundle-path.ts';
import { describeSearchIndex } from '../src/search/index-summary.ts';
import { readSynonyms } from '../src/search/site-synonyms.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } });
const root = resolve(values.root);
const client = join(root, 'dist/client');
const warn = (message: string) => console.warn(`Warning: ${message}`);

if (!existsSync(client)) {
	console.error(`${client} is missing: build the site first (\`npm run build\` runs \`astro build\`, then this).`);
	process.exit(1);
}

const started = performance.now();
const output = join(client, searchBundlePath);
// Run twice on one build, the index must not keep files of the first run.
await rm(output, { recursive: true, force: true });
const index = await writeSearchIndex(builtPages(client), await readSynonyms(root, warn), output);
console.log(`Search index (${describeSearchIndex(index)}) built in ${Math.round(performance.now() - started)} ms.`);

for (const message of assetLimitMessages(countOutputFiles(client))) {
	if (message.level === 'warn') warn(message.text);
	else console.log(message.text);
}

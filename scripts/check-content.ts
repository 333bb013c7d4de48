/**
 * `npm run check` — checks every article, category and the site config without building the site, and
 * reports like a compiler: `path:line:col [field]  message  (how to fix)`. Exits 1 when there is an error
 * (warnings alone pass). `npm run check -- --format github` prints GitHub Actions annotations instead.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatGithubAnnotations, formatProblems, isError } from '../src/content-checks/check-content.ts';
import { readContent } from '../src/content-checks/read-content.ts';
import { SiteConfigError } from '../src/config/parse-site-config.ts';
import { readSiteConfig } from '../src/config/read-site-config.ts';

const { values } = parseArgs({
	options: {
		format: { type: 'string', default: 'text' },
		root: { type: 'string', default: '.' },
	},
});
const root = resolve(values.root);
const started = performance.now();
try {
	const site = readSiteConfig(root);
	const sources = await readContent(root);
	const problems = checkContent(sources, site, join(root, 'public'));
	const errors = problems.filter(isError).length;
	if (problems.length > 0) console.log(values.format === 'github' ? formatGithubAnnotations(problems) : formatProblems(problems));
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	console.error(`Checked ${sources.articles.length} articles and ${sources.categories.length} categories in ${seconds} s: ${errors} error(s), ${problems.length - errors} warning(s).`);
	process.exitCode = errors > 0 ? 1 : 0;
} catch (error) {
	if (!(error instanceof SiteConfigError)) throw error;
	console.log(error.message);
	process.exitCode = 1;
}

/**
 * `npm run bench:check -- [--articles 10000]` — times `npm run check` on a generated corpus (the same generator
 * as `bench:build`) next to the demo content in the same run, and says whether it stays within 10 seconds.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchProject, projectRoot } from './lib/bench-project.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const articles = Number(values.articles);

function timeCheck(root: string): { seconds: number; summary: string; status: number | null } {
	const started = performance.now();
	const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/check-content.ts'), '--root', root], { encoding: 'utf8' });
	return { seconds: (performance.now() - started) / 1000, summary: result.stderr.trim().split('\n').at(-1) ?? '', status: result.status };
}

const project = createBenchProject({ articles: { en: articles } });
try {
	const demo = timeCheck(projectRoot);
	const corpus = timeCheck(project.root);
	console.table({
		'demo content': { seconds: demo.seconds.toFixed(2), result: demo.summary },
		[`generated, ${articles} articles`]: { seconds: corpus.seconds.toFixed(2), result: corpus.summary },
	});
	const withinBudget = corpus.seconds <= 10;
	console.log(withinBudget ? 'Within the 10-second budget.' : 'Over the 10-second budget.');
	process.exitCode = corpus.status === 0 && withinBudget ? 0 : 1;
} finally {
	project.remove();
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBenchProject } from '../../scripts/lib/bench-project';
import { checkWholeSite } from '../support/validators/whole-site';

// A generated catalogue (the corpus of `npm run bench:build`, smaller): two locales, translated, 30% MDX.
const project = createBenchProject({ articles: { en: 80, fr: 80 }, translated: true, mdxShare: 0.3 });
afterAll(() => project.remove());

describe('a generated catalogue', () => {
	it('builds into a site that passes every check the demo site passes', async () => {
		expect(project.kinds.mdx).toBeGreaterThan(40);
		// Files for agents small enough that this catalogue needs several parts, as a large one does at 10 MiB.
		process.env['HELP_CENTER_AGENT_FILE_BYTES'] = '100000';
		try {
			await project.build();
		} finally {
			delete process.env['HELP_CENTER_AGENT_FILE_BYTES'];
		}
		for (const part of ['en/llms-full-2.txt', 'fr/llms-full-2.txt', 'articles-2.json']) expect(existsSync(join(project.root, 'dist/client', part)), part).toBe(true);
		const problems = await checkWholeSite(project.root);
		expect(Object.keys(problems).length).toBeGreaterThanOrEqual(10);
		expect(Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0))).toEqual({});
	});
});

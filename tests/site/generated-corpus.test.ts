import { afterAll, describe, expect, it } from 'vitest';
import { createBenchProject } from '../../scripts/lib/bench-project';
import { checkWholeSite } from '../support/validators/whole-site';

// A generated catalogue (the corpus of `npm run bench:build`, smaller): two locales, translated, 30% MDX.
const project = createBenchProject({ articles: { en: 80, fr: 80 }, translated: true, mdxShare: 0.3 });
afterAll(() => project.remove());

describe('a generated catalogue', () => {
	it('builds into a site that passes every check the demo site passes', async () => {
		expect(project.kinds.mdx).toBeGreaterThan(40);
		project.build();
		const problems = await checkWholeSite(project.root);
		expect(Object.keys(problems).length).toBeGreaterThanOrEqual(10);
		expect(Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0))).toEqual({});
	});
});

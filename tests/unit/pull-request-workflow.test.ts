import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflow = parse(readFileSync(join(import.meta.dirname, '../../.github/workflows/pull-request.yml'), 'utf8')) as {
	jobs: Record<string, { needs?: string | string[]; steps: { run?: string }[] }>;
};
const needs = (job: string) => [workflow.jobs[job]?.needs ?? []].flat();
const runs = (job: string) => (workflow.jobs[job]?.steps ?? []).map((step) => step.run ?? '').join('\n');

describe('the pull-request workflow', () => {
	it('checks the content first, then previews and tests side by side: a preview never waits for the test suite', () => {
		expect(runs('content')).toContain('npm run check');
		expect(needs('preview')).toEqual(['content']);
		expect(needs('test')).not.toContain('preview');
		expect(runs('preview')).toMatch(/npm run build[\s\S]*wrangler versions upload/);
		expect(runs('test')).toContain('npm test');
	});
});

import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const stateDir = inject('stateDir');

async function send(event: Record<string, unknown>) {
	const response = await fetch(`${baseUrl}/api/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
	expect(response.status).toBe(204);
}

describe('npm run report:search', () => {
	it('prints top queries with click-through and the queries that found nothing, from the running Worker’s events', async () => {
		for (let index = 0; index < 3; index++) await send({ kind: 'search', query: 'report refund', results: 5, locale: 'en' });
		await send({ kind: 'click', query: 'report refund', results: 5, rank: 2, locale: 'en' });
		await send({ kind: 'search', query: 'report velvet cape', results: 0, locale: 'en' });
		const result = spawnSync('node', ['scripts/report-search.ts', '--persist-to', stateDir, '--locale', 'en'], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		const [summary = '', top = '', nothing = ''] = result.stdout.split(/Top queries|Queries that found nothing/);
		expect(summary).toMatch(/found nothing/);
		expect(top).toMatch(/'report refund'\s*│\s*'en'\s*│\s*3\s*│\s*1\s*│\s*33\.3\s*│\s*2/);
		expect(nothing).toMatch(/'report velvet cape'\s*│\s*'en'\s*│\s*1/);
		expect(nothing).not.toContain('report refund');
	});
});

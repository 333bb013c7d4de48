import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { auditPages } from '../../scripts/lib/lighthouse';

const baseUrl = inject('baseUrl');

// Performance is a timing measure and lives in `npm run bench:lighthouse`; these categories are deterministic.
describe('Lighthouse (mobile)', () => {
	it('scores 100 in Accessibility, Best Practices and SEO on home, category and article pages', { timeout: 180_000 }, async () => {
		const paths = ['/en', '/fr/returns-refunds', '/fr/returns-refunds/retourner-un-article'];
		const results = await auditPages(paths.map((path) => `${baseUrl}${path}`));
		for (const [url, { scores, failing }] of results) {
			const { accessibility, seo } = scores;
			expect({ url, accessibility, bestPractices: scores['best-practices'], seo, failing }).toEqual({
				url,
				accessibility: 100,
				bestPractices: 100,
				seo: 100,
				failing: failing.filter((audit) => audit.startsWith('performance:')),
			});
		}
	});

	it('loses SEO points on a page with the mistakes the audits are there for', { timeout: 120_000 }, async () => {
		const broken = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
			<title>Broken</title><meta name="robots" content="noindex"><link rel="canonical" href="/relative">
			<link rel="alternate" hreflang="english" href="https://help.test/en"></head>
			<body><main><h1>Broken</h1><p>No description, not indexable, a relative canonical and a bad hreflang.</p></main></body></html>`;
		const server = createServer((request, response) => {
			const found = request.url === '/';
			response.writeHead(found ? 200 : 404, { 'Content-Type': found ? 'text/html; charset=utf-8' : 'text/plain' });
			response.end(found ? broken : 'Not found');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
			const result = (await auditPages([url])).get(url);
			expect(result?.scores.seo).toBeLessThan(100);
			const seoFailures = result?.failing.filter((audit) => audit.startsWith('seo:')).map((audit) => audit.split(' ')[1]);
			expect(seoFailures).toEqual(expect.arrayContaining(['meta-description', 'is-crawlable', 'canonical', 'hreflang']));
		} finally {
			server.close();
		}
	});
});

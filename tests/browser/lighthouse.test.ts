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
});

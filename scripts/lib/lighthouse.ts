import lighthouse from 'lighthouse';
import { launchChromium } from '../../tests/support/browser.ts';
import { freePort } from './worker-server.ts';

export type CategoryScores = Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;

/**
 * Audits `urls` with Lighthouse's default mobile settings (Moto G Power viewport, simulated slow 4G) in Debian's
 * Chromium, one page at a time, and returns each page's category scores out of 100.
 */
export async function auditPages(urls: string[]): Promise<Map<string, { scores: CategoryScores; failing: string[] }>> {
	const port = await freePort();
	const browser = await launchChromium([`--remote-debugging-port=${port}`]);
	const results = new Map<string, { scores: CategoryScores; failing: string[] }>();
	try {
		for (const url of urls) {
			const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			const { categories, audits } = result.lhr;
			const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
			const failing = Object.values(categories).flatMap((category) =>
				category.auditRefs
					.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
					.map((ref) => `${category.id}: ${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
			);
			results.set(url, {
				scores: {
					performance: score('performance'),
					accessibility: score('accessibility'),
					'best-practices': score('best-practices'),
					seo: score('seo'),
				},
				failing,
			});
		}
	} finally {
		await browser.close();
	}
	return results;
}

/**
 * `npm run bench:lighthouse` — builds nothing: run `npm run build` first. Serves the built help center with
 * `wrangler dev` and prints Lighthouse mobile scores for the home, a category and an article page in each
 * locale. Exits non-zero when Performance, Accessibility or Best Practices is below 100.
 */
import { auditPages } from './lib/lighthouse.ts';
import { startWorker } from './lib/worker-server.ts';

const paths = ['/en', '/en/shipping', '/en/returns-refunds/how-to-return-an-item', '/fr', '/fr/shipping', '/fr/products-sizing/guide-des-tailles'];

const worker = await startWorker();
try {
	const results = await auditPages(paths.map((path) => `${worker.url}${path}`));
	console.table(Object.fromEntries([...results].map(([url, { scores }]) => [url.replace(worker.url, ''), scores])));
	const below = [...results].filter(([, { scores }]) => scores.performance < 100 || scores.accessibility < 100 || scores['best-practices'] < 100);
	for (const [url, { failing }] of below) console.error(`${url.replace(worker.url, '')}:\n  ${failing.join('\n  ')}`);
	process.exitCode = below.length > 0 ? 1 : 0;
} finally {
	await worker.stop();
}

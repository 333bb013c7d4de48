import type { TestProject } from 'vitest/node';
import { freePort, startWorker } from '../../scripts/lib/worker-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The Worker's local D1 folder, to read the local inbox (see tests/support/local-inbox.ts). */
		stateDir: string;
		/** The port of the fake storefront whose origin (`http://localhost:<port>`) the Worker allows (tests/support/storefront.ts). */
		storefrontPort: number;
	}
}

/**
 * Global setup of the browser tests: the built help center served by `wrangler dev`. Every browser test file
 * shares this Worker and its demo shop, so rate limits are raised and each test uses its own units of the orders. The
 * Worker also allows the origin of the storefront widget's test shop (tests/browser/storefront-widget.test.ts).
 */
export default async function setup(project: TestProject) {
	// The storefront widget's test shop gets its origin allowed the way a deployment allows a shop it has not listed in
	// content/site.yaml: ALLOWED_ORIGINS. Every other origin stays refused.
	const storefrontPort = await freePort();
	const worker = await startWorker({ vars: { RATE_LIMIT_SCALE: '100', ALLOWED_ORIGINS: `http://localhost:${storefrontPort}` } });
	project.provide('storefrontPort', storefrontPort);
	project.provide('baseUrl', worker.url);
	project.provide('stateDir', worker.stateDir);
	return () => worker.stop();
}

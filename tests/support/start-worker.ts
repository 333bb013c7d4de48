import type { TestProject } from 'vitest/node';
import { startWorker } from '../../scripts/lib/worker-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The Worker's local D1 folder, to read the local inbox (see tests/support/local-inbox.ts). */
		stateDir: string;
	}
}

/**
 * Global setup of the browser tests: the built help center served by `wrangler dev`. Every browser test file
 * shares this Worker and its demo shop, so rate limits are raised and each test uses its own units of the orders.
 */
export default async function setup(project: TestProject) {
	const worker = await startWorker({ vars: { RATE_LIMIT_SCALE: '100' } });
	project.provide('baseUrl', worker.url);
	project.provide('stateDir', worker.stateDir);
	return () => worker.stop();
}

import type { TestProject } from 'vitest/node';
import { startWorker } from '../../scripts/lib/worker-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Global setup of the browser tests: the built help center served by `wrangler dev`. */
export default async function setup(project: TestProject) {
	const worker = await startWorker();
	project.provide('baseUrl', worker.url);
	return () => worker.stop();
}

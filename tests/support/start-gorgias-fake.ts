import type { TestProject } from 'vitest/node';
import { createGorgiasFake } from '../fakes/gorgias-fake';
import { serveFake } from '../fakes/serve';

declare module 'vitest' {
	export interface ProvidedContext {
		gorgiasUrl: string;
		gorgiasEmail: string;
		gorgiasApiKey: string;
	}
}

/** Global setup of the outage tests: a fake Gorgias on loopback, which the Worker inside workerd calls over HTTP. */
export default async function setup(project: TestProject) {
	const fake = createGorgiasFake();
	const running = await serveFake(fake);
	project.provide('gorgiasUrl', running.url);
	project.provide('gorgiasEmail', fake.credentials.email);
	project.provide('gorgiasApiKey', fake.credentials.apiKey);
	return () => running.stop();
}

import type { TestProject } from 'vitest/node';
import { createResendFake } from '../fakes/resend-fake';
import { serveFake } from '../fakes/serve';

declare module 'vitest' {
	export interface ProvidedContext {
		resendUrl: string;
		resendApiKey: string;
	}
}

/** Global setup of the outage tests: a fake Resend on loopback, the mailer of the Worker inside workerd. */
export default async function setup(project: TestProject) {
	const fake = createResendFake();
	const running = await serveFake(fake);
	project.provide('resendUrl', running.url);
	project.provide('resendApiKey', fake.apiKey);
	return () => running.stop();
}

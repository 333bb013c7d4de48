import type { TestProject } from 'vitest/node';
import { createChatModelFake } from '../fakes/chat-model-fake';
import { serveFake } from '../fakes/serve';

declare module 'vitest' {
	export interface ProvidedContext {
		chatModelUrl: string;
		chatModelKey: string;
		chatModelName: string;
	}
}

/** Global setup of the outage tests: a fake OpenAI-compatible chat model on loopback, the Worker's answer model. */
export default async function setup(project: TestProject) {
	const fake = createChatModelFake();
	const running = await serveFake(fake);
	project.provide('chatModelUrl', `${running.url}/v1`);
	project.provide('chatModelKey', fake.apiKey);
	project.provide('chatModelName', fake.model);
	return () => running.stop();
}

import type { TestProject } from 'vitest/node';
import { createGithubOAuthFake } from '../fakes/github-oauth-fake';
import { serveFake } from '../fakes/serve';

declare module 'vitest' {
	export interface ProvidedContext {
		githubOAuthUrl: string;
		githubOAuthClientId: string;
		githubOAuthClientSecret: string;
	}
}

/** Global setup of the outage tests: a fake GitHub OAuth server, where editors sign in to the admin (/admin). */
export default async function setup(project: TestProject) {
	const fake = createGithubOAuthFake();
	const running = await serveFake(fake);
	project.provide('githubOAuthUrl', running.url);
	project.provide('githubOAuthClientId', fake.clientId);
	project.provide('githubOAuthClientSecret', fake.clientSecret);
	return () => running.stop();
}

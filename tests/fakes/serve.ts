import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createChatModelFake } from './chat-model-fake.ts';
import { createGithubOAuthFake } from './github-oauth-fake.ts';
import { createGorgiasFake } from './gorgias-fake.ts';
import { createResendFake } from './resend-fake.ts';
import { createShopifyFake } from './shopify-fake.ts';
import { createZendeskFake } from './zendesk-fake.ts';

export interface RunningFake {
	/** `http://127.0.0.1:{port}`, the vendor base URL to configure. */
	url: string;
	stop(): Promise<void>;
}

/** Serves a fake vendor on a free loopback port; `stop()` closes it, hung requests included. */
export async function serveFake(fake: { app: Hono; control: { release(): void } }, port = 0): Promise<RunningFake> {
	return new Promise((resolve, reject) => {
		const server = serve({ fetch: fake.app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
			resolve({
				url: `http://127.0.0.1:${info.port}`,
				stop: () =>
					new Promise<void>((done) => {
						fake.control.release();
						server.close(() => done());
						if ('closeAllConnections' in server) server.closeAllConnections();
					}),
			});
		});
		server.once('error', reject);
	});
}

const factories = {
	shopify: createShopifyFake,
	gorgias: createGorgiasFake,
	zendesk: createZendeskFake,
	resend: createResendFake,
	'chat-model': createChatModelFake,
	'github-oauth': createGithubOAuthFake,
} as const;

// `node tests/fakes/serve.ts gorgias [port]` serves one fake until interrupted, for trying the Worker by hand (the
// chat model's base URL is the printed address followed by /v1).
if (import.meta.main) {
	const [vendor, port] = process.argv.slice(2);
	const factory = factories[vendor as keyof typeof factories];
	if (!factory) {
		console.error(`usage: node tests/fakes/serve.ts ${Object.keys(factories).join('|')} [port]`);
		process.exit(1);
	}
	const fake = factory({ accessToken: 'shpat_local', clientId: 'local-client', clientSecret: 'local-secret' });
	const running = await serveFake(fake, port ? Number(port) : 0);
	console.log(`fake ${vendor} on ${running.url}`);
}

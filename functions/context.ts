import type { MiddlewareHandler } from 'hono';
import { readConfig, type ApiConfig } from './config';
import { createConnectors, type Connectors } from './connectors/create-connectors';

export interface AppEnv {
	Bindings: Env;
	Variables: {
		config: ApiConfig;
		connectors: Connectors;
		/** The client's address as Cloudflare saw it; only ever used as a rate-limit key. */
		clientIp: string;
	};
}

/** Puts the validated settings and the configured connectors on the context for the routes. */
export const provideServices = (): MiddlewareHandler<AppEnv> =>
	async function provideServices(c, next) {
		const config = readConfig(c.env);
		c.set('config', config);
		c.set('connectors', createConnectors(c.env, config, c.env.DB));
		c.set('clientIp', c.req.header('CF-Connecting-IP') ?? 'local');
		await next();
	};

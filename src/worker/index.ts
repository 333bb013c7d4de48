import { consumeForwardBatch } from '../../functions/background/forward-consumer';
import { sweep } from '../../functions/background/sweep';
import { app } from './app';

/**
 * The Worker's entry (wrangler.toml `main`): requests go to the routes in `app.ts`; the queue and cron handlers
 * forward tickets, returns and address changes to the helpdesk.
 */
export default {
	fetch: app.fetch,
	queue: (batch, env) => consumeForwardBatch(batch, env),
	scheduled: async (_controller, env) => {
		await sweep(env);
	},
} satisfies ExportedHandler<Env>;

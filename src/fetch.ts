import { handle } from '@astrojs/cloudflare/handler';
import { Hono } from 'hono';
import { api } from '../functions/app';

const app = new Hono<{ Bindings: Env }>();
app.route('/', api);
app.all('*', (c) => handle(c.req.raw, c.env, c.executionCtx as ExecutionContext));

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;

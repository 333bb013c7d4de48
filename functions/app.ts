import { Hono } from 'hono';
import { errorBody } from './errors';
import { health } from './routes/health';

/** The edge API, mounted at /api by the Worker. */
export const api = new Hono<{ Bindings: Env }>().basePath('/api');

api.use(async (c, next) => {
	await next();
	// API answers are personal or live: never cache them anywhere.
	c.header('Cache-Control', 'no-store');
});
api.route('/health', health);
api.notFound((c) => c.json(errorBody('not_found', 'No such API endpoint.'), 404));
api.onError((error, c) => {
	// Log the kind of failure only: messages can carry request data.
	console.error(`api error: ${error.name}`);
	return c.json(errorBody('internal_error', 'Something went wrong on our side. Please try again.'), 500);
});

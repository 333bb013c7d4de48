import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { site } from '../src/config/site';
import { ConfigError } from './config';
import { ConnectorError } from './connectors/errors';
import { provideServices, type AppEnv } from './context';
import { errorBody } from './contract/errors';
import { ApiError, shopFailure } from './errors';
import { readBody } from './middleware/read-body';
import { requireJson } from './middleware/require-json';
import { answers } from './routes/answers';
import { cmsAuth } from './routes/cms-auth';
import { events } from './routes/events';
import { health } from './routes/health';
import { orders } from './routes/orders';
import { tickets } from './routes/tickets';

/** Largest request body the API reads; every legitimate request is far smaller. */
export const maxBodyBytes = 16 * 1024;

const siteOrigin = new URL(site.siteUrl).origin;

/** The edge API, mounted at /api by the Worker. */
export const api = new Hono<AppEnv>().basePath('/api');

api.use(
	secureHeaders({
		contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
		crossOriginResourcePolicy: 'same-origin',
		// A route that sets one of these itself keeps it: the editors' sign-in page (routes/cms-auth.ts) runs one
		// script by its hash and must stay reachable from the admin window that opened it.
		overwrite: false,
	}),
);
api.use(async (c, next) => {
	await next();
	// API answers are personal or live: never cache them anywhere.
	c.header('Cache-Control', 'no-store');
});
// Before anything that can refuse the request (bad config, origin, content type, size): see readBody.
api.use(readBody(maxBodyBytes));
api.use(provideServices());

/** The shops whose pages carry the storefront widget (content/site.yaml `widget.allowedOrigins`, checked to be origins). */
const widgetOrigins = site.widget.allowedOrigins;

/**
 * Origins allowed to call the API: the help center itself, this host, the widget's shops and ALLOWED_ORIGINS. One
 * list for CORS and for the refusal below, so a browser is never told yes by one and no by the other.
 */
function allowedOrigins(c: Context<AppEnv>): string[] {
	const extra = c.var.config.ALLOWED_ORIGINS.split(',').map((entry) => entry.trim()).filter(Boolean);
	return [siteOrigin, new URL(c.req.url).origin, ...widgetOrigins, ...extra];
}

api.use(
	cors({
		origin: (origin, c) => (allowedOrigins(c as Context<AppEnv>).includes(origin) ? origin : null),
		allowMethods: ['POST', 'GET'],
		allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
		// How long to wait after a 429: the widget on a shop's page reads it across origins.
		exposeHeaders: ['Retry-After'],
		maxAge: 600,
	}),
);
api.use(async (c, next) => {
	// Browsers send Origin on cross-site requests: refuse origins outside the allow-list before doing any work.
	const origin = c.req.header('Origin');
	if (c.req.method === 'POST' && origin && !allowedOrigins(c).includes(origin)) {
		throw new ApiError(403, 'origin_not_allowed', 'This site may not call the help-center API.');
	}
	await next();
});
api.use(requireJson());
api.route('/health', health);
api.route('/orders', orders);
api.route('/tickets', tickets);
api.route('/events', events);
api.route('/answer', answers);
api.route('/cms', cmsAuth);

api.notFound((c) => c.json(errorBody('not_found', 'No such API endpoint.'), 404));
api.onError((error, c) => {
	let failure = error;
	if (error instanceof ConnectorError) {
		// This line is how the team learns of a refusal: a connector's words name the vendor, a status and its codes,
		// never what the shopper sent.
		const status = error.status ? ` (HTTP ${error.status})` : '';
		console.error(error.retryable ? `api error: shop unavailable${status}` : `api error: shop refused${status}: ${error.message}`);
		failure = shopFailure(error);
	}
	if (failure instanceof ApiError) {
		for (const [name, value] of Object.entries(failure.headers)) c.header(name, value);
		return c.json(failure.toBody(), failure.status);
	}
	// Log the kind of failure only: messages of vendor or runtime errors can carry request data.
	console.error(`api error: ${error instanceof ConfigError ? error.message : error.name}`);
	return c.json(errorBody('internal_error', 'Something went wrong on our side. Please try again.'), 500);
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrations = await readD1Migrations(fileURLToPath(new URL('../functions/migrations', import.meta.url)));
const wranglerToml = readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8');
const compatibilityDate = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(wranglerToml)?.[1];
if (!compatibilityDate) throw new Error('wrangler.toml has no compatibility_date');

/**
 * Six projects, from fastest to slowest: unit tests in Node, the API's services inside workerd (no build needed),
 * checks of the built site, the built Worker inside workerd (twice: as configured, and with vendors failing), and
 * Chromium against the Worker served by `wrangler dev`. `npm test` builds the site first.
 */
export default defineConfig({
	test: {
		root,
		projects: [
			{ test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'] } },
			{
				// The API's services imported from source and run inside workerd: no Worker entry, so no build, only the
				// bindings they use (the runtime's date and flags are wrangler.toml's).
				plugins: [
					cloudflareTest({
						miniflare: {
							compatibilityDate,
							compatibilityFlags: ['nodejs_compat'],
							d1Databases: ['DB'],
							queueProducers: { FORWARD_QUEUE: { queueName: 'help-center-forward' } },
							bindings: { TEST_MIGRATIONS: migrations },
						},
					}),
				],
				test: {
					name: 'services',
					root,
					include: ['tests/services/**/*.test.ts'],
					setupFiles: ['tests/support/apply-migrations.ts'],
					// One runtime for every file (about 5 s instead of 15): the files share the database, so each test
					// keeps to rows of its own.
					isolate: false,
				},
			},
			{
				test: {
					name: 'site',
					root,
					include: ['tests/site/**/*.test.ts'],
					testTimeout: 180_000,
					hookTimeout: 180_000,
				},
			},
			{
				plugins: [
					cloudflareTest({
						main: './dist/server/entry.mjs',
						wrangler: { configPath: './dist/server/wrangler.json' },
						miniflare: {
							bindings: { TEST_MIGRATIONS: migrations },
							// Cloudflare Email Service, simulated by miniflare; only codes@ may send (MAILER stays local-inbox).
							email: { send_email: [{ name: 'EMAIL', allowed_sender_addresses: ['codes@alderandpine.example'] }] },
						},
					}),
				],
				test: {
					name: 'worker',
					root,
					include: ['tests/worker/**/*.test.ts'],
					setupFiles: ['tests/support/apply-migrations.ts'],
				},
			},
			{
				// The built Worker with Gorgias as its helpdesk, Resend as its mailer, an OpenAI-compatible model phrasing
				// answers and GitHub signing editors in, played by fakes on loopback that fail (or answer badly) on demand.
				plugins: [
					cloudflareTest(({ inject }) => ({
						main: './dist/server/entry.mjs',
						wrangler: { configPath: './dist/server/wrangler.json' },
						miniflare: {
							bindings: {
								TEST_MIGRATIONS: migrations,
								HELPDESK_CONNECTOR: 'gorgias',
								GORGIAS_DOMAIN: 'alder-pine',
								GORGIAS_EMAIL: inject('gorgiasEmail'),
								GORGIAS_API_KEY: inject('gorgiasApiKey'),
								GORGIAS_BASE_URL: inject('gorgiasUrl'),
								MAILER: 'resend',
								RESEND_API_KEY: inject('resendApiKey'),
								RESEND_BASE_URL: inject('resendUrl'),
								MAIL_FROM: 'codes@alderandpine.example',
								ANSWER_MODEL_URL: inject('chatModelUrl'),
								ANSWER_MODEL: inject('chatModelName'),
								ANSWER_MODEL_KEY: inject('chatModelKey'),
								VENDOR_TIMEOUT_MS: '300',
								FORWARD_RETRY_BASE_SECONDS: '1',
								RATE_LIMIT_SCALE: '1000000',
								GITHUB_OAUTH_CLIENT_ID: inject('githubOAuthClientId'),
								GITHUB_OAUTH_CLIENT_SECRET: inject('githubOAuthClientSecret'),
								GITHUB_OAUTH_BASE_URL: inject('githubOAuthUrl'),
							},
						},
					})),
				],
				test: {
					name: 'worker-outage',
					root,
					include: ['tests/worker-outage/**/*.test.ts'],
					globalSetup: ['tests/support/start-gorgias-fake.ts', 'tests/support/start-resend-fake.ts', 'tests/support/start-chat-model-fake.ts', 'tests/support/start-github-oauth-fake.ts'],
					setupFiles: ['tests/support/apply-migrations.ts'],
					testTimeout: 300_000,
					// The files share the fakes (their faults, keys and tickets): one file at a time.
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'browser',
					root,
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/support/start-worker.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// One Chromium at a time: the machines have two cores.
					fileParallelism: false,
				},
			},
		],
	},
});

import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrations = await readD1Migrations(fileURLToPath(new URL('../functions/migrations', import.meta.url)));

/**
 * Four projects, from fastest to slowest: unit tests in Node, checks of the built site, the built Worker inside
 * workerd, and Chromium against the Worker served by `wrangler dev`. `npm test` builds the site first.
 */
export default defineConfig({
	test: {
		root,
		projects: [
			{ test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'] } },
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
				// The built Worker with Gorgias as its helpdesk and Resend as its mailer, played by fakes on loopback that
				// fail on demand.
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
								VENDOR_TIMEOUT_MS: '300',
								FORWARD_RETRY_BASE_SECONDS: '1',
								RATE_LIMIT_SCALE: '1000000',
							},
						},
					})),
				],
				test: {
					name: 'worker-outage',
					root,
					include: ['tests/worker-outage/**/*.test.ts'],
					globalSetup: ['tests/support/start-gorgias-fake.ts', 'tests/support/start-resend-fake.ts'],
					setupFiles: ['tests/support/apply-migrations.ts'],
					testTimeout: 300_000,
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

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DeployFacts, deployCommands, type Finding, preflight, readSecretList } from '../../scripts/lib/deploy-preflight.ts';
import { fakeCommands } from '../support/fake-commands.ts';

/** A shop ready for production: Shopify, Gorgias and Resend, with their settings and secrets. */
const ready: DeployFacts = {
	env: undefined,
	vars: {
		SHOP_CONNECTOR: 'shopify',
		SHOPIFY_SHOP: 'alder-pine',
		HELPDESK_CONNECTOR: 'gorgias',
		GORGIAS_DOMAIN: 'alder-pine',
		GORGIAS_EMAIL: 'agent@alderandpine.com',
		MAILER: 'resend',
		MAIL_FROM: 'codes@alderandpine.com',
	},
	databaseId: '3f2c9a4e-61b0-4c1d-9d2e-7a5b8c0d1e2f',
	sendEmailBindings: [],
	secrets: ['SHOPIFY_CLIENT_ID', 'SHOPIFY_CLIENT_SECRET', 'GORGIAS_API_KEY', 'RESEND_API_KEY', 'TOKEN_HMAC_KEY'],
	siteUrl: 'https://help.alderandpine.com',
	turnstile: false,
};

const refusals = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'refuse').map((finding) => finding.problem);
const warnings = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'warn').map((finding) => finding.problem);
const withVars = (vars: Record<string, string>, facts: Partial<DeployFacts> = {}): DeployFacts => ({ ...ready, ...facts, vars: { ...ready.vars, ...vars } });

describe('the deploy preflight', () => {
	it('lets a shop with its own shop, helpdesk, mailer, database and secrets through', () => {
		expect(preflight(ready, { allowDemo: false })).toEqual([]);
	});

	it('refuses what wrangler.toml ships with: the demo shop, local inbox, local mailer and placeholder database, each with its fix', () => {
		const shipped: DeployFacts = { ...ready, vars: { SHOP_CONNECTOR: 'demo', HELPDESK_CONNECTOR: 'local-inbox', MAILER: 'local-inbox' }, databaseId: '00000000-0000-4000-8000-000000000000', secrets: [] };
		const findings = preflight(shipped, { allowDemo: false });
		expect(refusals(findings)).toEqual([
			'SHOP_CONNECTOR is "demo": shoppers would look up the demo’s invented orders, not yours.',
			'HELPDESK_CONNECTOR is "local-inbox": shoppers’ tickets would be filed in the Worker’s own database, where nobody reads them.',
			'MAILER is "local-inbox": the one-time codes would never reach shoppers, so no return or address change could be made.',
			'the D1 database_id in wrangler.toml is the placeholder.',
		]);
		expect(findings[0]?.fix).toMatch(/SHOP_CONNECTOR = "shopify" and SHOPIFY_SHOP under \[vars\] in wrangler.toml .*; or pass --allow-demo/);
		expect(findings[3]?.fix).toBe('run `npx wrangler d1 create help-center` and put the database_id it prints under [[d1_databases]] (binding "DB")');
	});

	it('deploys the demo on purpose with --allow-demo, but never onto the placeholder database', () => {
		const demo: DeployFacts = { ...ready, vars: {}, databaseId: '00000000-0000-4000-8000-000000000000' };
		const findings = preflight(demo, { allowDemo: true });
		expect(warnings(findings)).toHaveLength(3);
		expect(refusals(findings)).toEqual(['the D1 database_id in wrangler.toml is the placeholder.']);
		expect(refusals(preflight({ ...demo, databaseId: ready.databaseId }, { allowDemo: true }))).toEqual([]);
	});

	it('reads an environment’s own tables: vars left out of [env.production] mean the demo', () => {
		const findings = preflight({ ...ready, env: 'production', vars: {}, databaseId: undefined }, { allowDemo: false });
		expect(findings.map((finding) => finding.fix)).toEqual(
			expect.arrayContaining([expect.stringContaining('under [env.production.vars]'), expect.stringContaining('under [[env.production.d1_databases]]')]),
		);
		expect(refusals(findings)).toContain('wrangler.toml has no D1 database bound as DB.');
	});

	it('refuses a connector without the secrets it needs, naming the command that sets each', () => {
		const findings = preflight({ ...ready, env: 'production', secrets: ['SHOPIFY_CLIENT_ID', 'RESEND_API_KEY', 'TOKEN_HMAC_KEY'] }, { allowDemo: false });
		expect(findings).toEqual([
			{
				severity: 'refuse',
				problem: 'SHOP_CONNECTOR=shopify needs SHOPIFY_ADMIN_TOKEN, or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET, which the Worker does not have.',
				fix: '`npx wrangler secret put SHOPIFY_ADMIN_TOKEN --env production`',
			},
			{ severity: 'refuse', problem: 'HELPDESK_CONNECTOR=gorgias needs GORGIAS_API_KEY, which the Worker does not have.', fix: '`npx wrangler secret put GORGIAS_API_KEY --env production`' },
		]);
		expect(preflight({ ...ready, secrets: ['SHOPIFY_ADMIN_TOKEN', 'GORGIAS_API_KEY', 'RESEND_API_KEY', 'TOKEN_HMAC_KEY'] }, { allowDemo: false })).toEqual([]);
		expect(refusals(preflight({ ...ready, secrets: ['SHOPIFY_ADMIN_TOKEN', 'GORGIAS_API_KEY', 'RESEND_API_KEY'] }, { allowDemo: false }))).toEqual([
			'a real shop (it signs order tokens and seals the outbox) needs TOKEN_HMAC_KEY, which the Worker does not have.',
		]);
	});

	it('refuses settings each connector needs, as a variable or a secret', () => {
		const zendesk = withVars({ HELPDESK_CONNECTOR: 'zendesk', ZENDESK_SUBDOMAIN: 'alder-pine' }, { secrets: [...ready.secrets!, 'ZENDESK_API_TOKEN'] });
		expect(refusals(preflight(zendesk, { allowDemo: false }))).toEqual(['HELPDESK_CONNECTOR=zendesk needs ZENDESK_SUBDOMAIN and ZENDESK_EMAIL, which the Worker does not have.']);
		expect(preflight({ ...zendesk, secrets: [...zendesk.secrets!, 'ZENDESK_EMAIL'] }, { allowDemo: false })).toEqual([]);
		expect(refusals(preflight(withVars({ GORGIAS_CHANNEL: 'email' }), { allowDemo: false }))).toEqual([
			'GORGIAS_CHANNEL=email needs GORGIAS_SUPPORT_ADDRESS, which the Worker does not have.',
		]);
		expect(refusals(preflight({ ...ready, turnstile: true }, { allowDemo: false }))).toEqual(['turnstile in content/site.yaml needs TURNSTILE_SECRET, which the Worker does not have.']);
	});

	it('wants the answer model complete once wrangler.toml asks for it, its key as a secret only', () => {
		expect(refusals(preflight(withVars({ ANSWER_MODEL: 'gpt-4.1-mini' }), { allowDemo: false }))).toEqual([
			'ANSWER_MODEL (the answer model) needs ANSWER_MODEL_URL and ANSWER_MODEL, which the Worker does not have.',
			'ANSWER_MODEL (the answer model) needs ANSWER_MODEL_KEY, which the Worker does not have.',
		]);
		const answerModel = withVars({ ANSWER_MODEL_URL: 'https://api.openai.com/v1', ANSWER_MODEL: 'gpt-4.1-mini' });
		expect(preflight({ ...answerModel, secrets: [...ready.secrets!, 'ANSWER_MODEL_KEY'] }, { allowDemo: false })).toEqual([]);
		expect(refusals(preflight(withVars({ ANSWER_MODEL_KEY: 'sk-oops' }), { allowDemo: false }))).toEqual(['ANSWER_MODEL_KEY is written in wrangler.toml, which is committed: a credential in plain text.']);
	});

	it('wants the send_email binding for Cloudflare Email Service', () => {
		const cloudflare = withVars({ MAILER: 'cloudflare' });
		expect(refusals(preflight(cloudflare, { allowDemo: false }))).toEqual(['MAILER is "cloudflare" but wrangler.toml has no [[send_email]] binding named EMAIL.']);
		expect(preflight({ ...cloudflare, sendEmailBindings: ['EMAIL'] }, { allowDemo: false })).toEqual([]);
	});

	it('refuses a credential written in wrangler.toml, and a value the Worker would not accept', () => {
		expect(refusals(preflight(withVars({ GORGIAS_API_KEY: 'oops' }), { allowDemo: false }))).toEqual(['GORGIAS_API_KEY is written in wrangler.toml, which is committed: a credential in plain text.']);
		expect(refusals(preflight(withVars({ HELPDESK_CONNECTOR: 'freshdesk' }), { allowDemo: false }))).toEqual(['wrangler.toml: HELPDESK_CONNECTOR has a value the Worker does not accept.']);
	});

	it('only warns of what it could not check, and of a siteUrl that is still the demo’s', () => {
		const offline = preflight({ ...ready, secrets: undefined, siteUrl: 'https://help.alderandpine.example' }, { allowDemo: false });
		expect(refusals(offline)).toEqual([]);
		expect(warnings(offline)).toEqual([
			'secrets not checked: SHOP_CONNECTOR=shopify needs SHOPIFY_ADMIN_TOKEN, or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET.',
			'secrets not checked: a real shop (it signs order tokens and seals the outbox) needs TOKEN_HMAC_KEY.',
			'secrets not checked: HELPDESK_CONNECTOR=gorgias needs GORGIAS_API_KEY.',
			'secrets not checked: MAILER=resend needs RESEND_API_KEY.',
			expect.stringMatching(/^siteUrl in content\/site.yaml is https:\/\/help.alderandpine.example: /),
		]);
	});

	it('reads wrangler’s list of secrets: a Worker never deployed has none, and anything else it cannot tell refuses with its reason', () => {
		expect(readSecretList({ stdout: '[{"name":"GORGIAS_API_KEY","type":"secret_text"}]' })).toEqual(['GORGIAS_API_KEY']);
		expect(readSecretList({ stderr: '✘ [ERROR] This Worker does not exist on your account. [code: 10007]', message: 'Command failed' })).toEqual([]);
		const loggedOut = readSecretList({
			stderr: "\u001b[31m✘ [ERROR]\u001b[0m In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work. Please go to https://…",
			message: 'Command failed',
		});
		expect(loggedOut).toMatchObject({
			severity: 'refuse',
			problem: "could not list the Worker’s secrets with `wrangler secret list`: In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work.",
		});
		expect(readSecretList({ stderr: '', message: 'spawnSync wrangler ETIMEDOUT\nmore' })).toMatchObject({ problem: expect.stringMatching(/: spawnSync wrangler ETIMEDOUT$/) });
	});

	it('builds, migrates the deployed database and deploys, in that order, for the environment given', () => {
		expect(deployCommands('production').map((command) => [command.program, ...command.args].join(' '))).toEqual([
			'npm run build',
			'wrangler d1 migrations apply DB --remote --env production',
			'wrangler deploy --env production',
		]);
	});
});

// Each run loads wrangler's own reader of wrangler.toml, which takes seconds: the runs go side by side.
describe.concurrent('npm run deploy, run with stand-ins for wrangler and npm', { timeout: 60_000 }, () => {
	const root = resolve(import.meta.dirname, '../..');
	const productionToml = `${readFileSync(join(root, 'wrangler.toml'), 'utf8')}
[env.production]
[[env.production.d1_databases]]
binding = "DB"
database_name = "help-center"
database_id = "${ready.databaseId}"
migrations_dir = "functions/migrations"
[env.production.vars]
${Object.entries(ready.vars)
	.map(([name, value]) => `${name} = "${String(value)}"`)
	.join('\n')}
`;

	const folders: string[] = [];
	afterAll(() => {
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	/** A copy of the project's settings, as deploy reads them, in a folder of its own (removed once all have run). */
	function project(): string {
		const folder = mkdtempSync(join(tmpdir(), 'deploy-project-'));
		folders.push(folder);
		writeFileSync(join(folder, 'wrangler.toml'), productionToml);
		mkdirSync(join(folder, 'content'));
		cpSync(join(root, 'content/site.yaml'), join(folder, 'content/site.yaml'));
		// The brand's font files: reading site.yaml checks that they exist.
		cpSync(join(root, 'public/fonts'), join(folder, 'public/fonts'), { recursive: true });
		return folder;
	}

	const secretList = { match: '^secret list', stdout: JSON.stringify(ready.secrets!.map((name) => ({ name, type: 'secret_text' }))) };

	it('refuses the configuration the repository ships with, says why, and runs nothing', async () => {
		const fakes = fakeCommands({ wrangler: [secretList], npm: [] });
		const refused = await fakes.runScript('deploy.ts', [], project());
		expect(refused.code).toBe(1);
		expect(refused.stdout).toMatch(/✗ SHOP_CONNECTOR is "demo"[\s\S]*✗ HELPDESK_CONNECTOR is "local-inbox"[\s\S]*✗ MAILER is "local-inbox"[\s\S]*✗ the D1 database_id in wrangler.toml is the placeholder/);
		expect(refused.stderr).toContain('Not deploying: 4 problems to fix first');
		expect(fakes.calls()).toEqual([['wrangler', 'secret', 'list', '--format', 'json']]);
	});

	it('passes an environment set up for production, then builds, migrates and deploys it; --dry-run only says so', async () => {
		const [dry, real] = [fakeCommands({ wrangler: [secretList], npm: [] }), fakeCommands({ wrangler: [secretList], npm: [] })];
		const [dryRun, deployed] = await Promise.all([dry.runScript('deploy.ts', ['--env', 'production', '--dry-run'], project()), real.runScript('deploy.ts', ['--env', 'production'], project())]);
		expect(dryRun.code).toBe(0);
		expect(dryRun.stdout).toContain('wrangler d1 migrations apply DB --remote --env production\n  wrangler deploy --env production');
		expect(dry.calls()).toHaveLength(1);
		expect(deployed.code).toBe(0);
		expect(real.calls()).toEqual([
			['wrangler', 'secret', 'list', '--format', 'json', '--env', 'production'],
			['npm', 'run', 'build'],
			['wrangler', 'd1', 'migrations', 'apply', 'DB', '--remote', '--env', 'production'],
			['wrangler', 'deploy', '--env', 'production'],
		]);
	});

	it('refuses when wrangler cannot list the secrets, unless told to skip that check', async () => {
		const offline = fakeCommands({ wrangler: [{ match: '^secret list', code: 1, stderr: '✘ [ERROR] Not logged in. Run wrangler login first.\n' }], npm: [] });
		const [refused, skipped] = await Promise.all([
			offline.runScript('deploy.ts', ['--env', 'production', '--dry-run'], project()),
			offline.runScript('deploy.ts', ['--env', 'production', '--dry-run', '--skip-secret-check'], project()),
		]);
		expect(refused.code).toBe(1);
		expect(refused.stdout).toContain('✗ could not list the Worker’s secrets with `wrangler secret list`: Not logged in.');
		expect(skipped.code).toBe(0);
		expect(skipped.stdout).toContain('! secrets not checked: HELPDESK_CONNECTOR=gorgias needs GORGIAS_API_KEY.');
	});
});

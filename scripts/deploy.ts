/**
 * `npm run deploy [-- --env <name>] [--dry-run] [--allow-demo] [--skip-secret-check]` — deploys the help center to
 * Cloudflare after a preflight: it refuses while wrangler.toml (or its `[env.<name>]`) still runs the demo shop, the
 * local inbox or the local mailer, points at the placeholder D1 database, holds a credential in plain text, or while
 * the deployed Worker lacks a secret its connectors need (`wrangler secret list`, which needs `npx wrangler login`;
 * `--skip-secret-check` offline). Then: `npm run build`, `wrangler d1 migrations apply DB --remote`, `wrangler deploy`.
 * `--dry-run` stops after the preflight and prints those commands; `--allow-demo` deploys the demo on purpose.
 */
import { parseArgs } from 'node:util';
import { unstable_readConfig } from 'wrangler';
import { readSiteConfig } from '../src/config/read-site-config.ts';
import { capture, describeCommand, runInOrder } from './lib/commands.ts';
import { type DeployFacts, deployCommands, type Finding, formatFindings, preflight, readSecretList } from './lib/deploy-preflight.ts';

const { values } = parseArgs({
	options: {
		env: { type: 'string' },
		'dry-run': { type: 'boolean', default: false },
		'allow-demo': { type: 'boolean', default: false },
		'skip-secret-check': { type: 'boolean', default: false },
	},
});
const env = values.env;

/** The deployed Worker's secret names (a Worker never deployed has none), or the refusal when wrangler cannot tell. */
function deployedSecrets(): string[] | Finding {
	try {
		return readSecretList({ stdout: capture({ program: 'wrangler', args: ['secret', 'list', '--format', 'json', ...(env ? ['--env', env] : [])] }, { timeoutMs: 60_000, quiet: true }) });
	} catch (error) {
		return readSecretList({ stderr: String((error as { stderr?: unknown }).stderr ?? ''), message: (error as Error).message });
	}
}

const wrangler = unstable_readConfig({ config: 'wrangler.toml', ...(env ? { env } : {}) }, { hideWarnings: true });
const site = readSiteConfig(process.cwd());
const secrets = values['skip-secret-check'] ? undefined : deployedSecrets();
const facts: DeployFacts = {
	env,
	vars: wrangler.vars,
	databaseId: wrangler.d1_databases.find((database: { binding: string; database_id?: string | undefined }) => database.binding === 'DB')?.database_id,
	sendEmailBindings: wrangler.send_email.map((binding: { name: string }) => binding.name),
	secrets: Array.isArray(secrets) ? secrets : undefined,
	siteUrl: site.siteUrl,
	turnstile: site.turnstile !== undefined,
};

const findings = [...(secrets && !Array.isArray(secrets) ? [secrets] : []), ...preflight(facts, { allowDemo: values['allow-demo'] })];
const refusals = findings.filter((finding) => finding.severity === 'refuse').length;
console.log(`Preflight of ${wrangler.name}${env ? ` (--env ${env})` : ''}, from wrangler.toml and content/site.yaml:`);
console.log(findings.length === 0 ? '✓ nothing to fix' : formatFindings(findings).join('\n'));
if (refusals > 0) {
	console.error(`\nNot deploying: ${refusals} problem${refusals === 1 ? '' : 's'} to fix first (README, "Deploy").`);
	process.exit(1);
}

const commands = deployCommands(env);
if (values['dry-run']) {
	console.log(`\nPreflight passed. Without --dry-run this would run:\n${commands.map((command) => `  ${describeCommand(command)}`).join('\n')}`);
} else {
	process.exitCode = await runInOrder(commands);
}

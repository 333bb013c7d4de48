import { z } from 'zod';
import { apiConfigSchema } from '../../functions/config.ts';
import type { Command } from './commands.ts';

/** What the preflight knows of the Worker about to be deployed. */
export interface DeployFacts {
	/** `--env`, when given: wrangler then reads `[env.<name>.vars]` and bindings, which are not inherited. */
	env: string | undefined;
	/** The plain variables of wrangler.toml (of the environment). */
	vars: Readonly<Record<string, unknown>>;
	/** The `database_id` of the D1 binding `DB`; undefined when there is no such binding. */
	databaseId: string | undefined;
	/** The names of the `[[send_email]]` bindings. */
	sendEmailBindings: readonly string[];
	/** The names of the deployed Worker's secrets; undefined when they were not checked (`--skip-secret-check`). */
	secrets: readonly string[] | undefined;
	/** `siteUrl` in content/site.yaml. */
	siteUrl: string;
	/** Whether content/site.yaml turns on Turnstile, which then needs its secret. */
	turnstile: boolean;
}

export interface PreflightOptions {
	/** Deploy the demo shop, the local inbox or the local mailer on purpose (a public demo). */
	allowDemo: boolean;
}

/** One thing the preflight found: `refuse` stops the deploy, `warn` is printed only. */
export interface Finding {
	severity: 'refuse' | 'warn';
	problem: string;
	fix: string;
}

/** The id wrangler.toml ships with, standing for "create your database first". */
const placeholderDatabaseId = /^0{8}-0{4}-[0-9a-f]{4}-[0-9a-f]{4}-0{12}$/i;

/** Variable names that hold credentials: never in `[vars]`, which is committed in wrangler.toml. */
const credentialName = /(_KEY|_TOKEN|_SECRET|_PEPPER)$/;

/** Settings a connector needs: every name of one of the sets (Shopify takes a token or client credentials). */
interface Requirement {
	by: string;
	anyOf: string[][];
	/** `secret`: only as a secret; `setting`: a `[vars]` entry or a secret. */
	kind: 'secret' | 'setting';
}

function requirements(config: ReturnType<typeof apiConfigSchema.parse>, facts: DeployFacts): Requirement[] {
	const needs: Requirement[] = [];
	const need = (by: string, kind: Requirement['kind'], ...anyOf: string[][]) => needs.push({ by, kind, anyOf });
	if (config.SHOP_CONNECTOR === 'shopify') {
		need('SHOP_CONNECTOR=shopify', 'setting', ['SHOPIFY_SHOP']);
		need('SHOP_CONNECTOR=shopify', 'secret', ['SHOPIFY_ADMIN_TOKEN'], ['SHOPIFY_CLIENT_ID', 'SHOPIFY_CLIENT_SECRET']);
		need('a real shop (it signs order tokens and seals the outbox)', 'secret', ['TOKEN_HMAC_KEY']);
	}
	if (config.HELPDESK_CONNECTOR === 'gorgias') {
		need('HELPDESK_CONNECTOR=gorgias', 'setting', ['GORGIAS_DOMAIN', 'GORGIAS_EMAIL']);
		need('HELPDESK_CONNECTOR=gorgias', 'secret', ['GORGIAS_API_KEY']);
		if (facts.vars['GORGIAS_CHANNEL'] === 'email') need('GORGIAS_CHANNEL=email', 'setting', ['GORGIAS_SUPPORT_ADDRESS']);
	}
	if (config.HELPDESK_CONNECTOR === 'zendesk') {
		need('HELPDESK_CONNECTOR=zendesk', 'setting', ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL']);
		need('HELPDESK_CONNECTOR=zendesk', 'secret', ['ZENDESK_API_TOKEN']);
	}
	if (config.MAILER !== 'local-inbox') need(`MAILER=${config.MAILER}`, 'setting', ['MAIL_FROM']);
	if (config.MAILER === 'resend') need('MAILER=resend', 'secret', ['RESEND_API_KEY']);
	if (facts.turnstile) need('turnstile in content/site.yaml', 'secret', ['TURNSTILE_SECRET']);
	// The answer model is optional: asked for by its URL or model name in wrangler.toml, it needs the other and its key.
	const answerModel = ['ANSWER_MODEL_URL', 'ANSWER_MODEL'].filter((name) => typeof facts.vars[name] === 'string' && facts.vars[name] !== '');
	if (answerModel.length > 0) {
		const by = `${answerModel.join(' and ')} (the answer model)`;
		need(by, 'setting', ['ANSWER_MODEL_URL', 'ANSWER_MODEL']);
		need(by, 'secret', ['ANSWER_MODEL_KEY']);
	}
	return needs;
}

/** The demo's stand-ins, what each would do in production, and what replaces it. */
const demoStandIns = [
	{
		setting: 'SHOP_CONNECTOR',
		value: 'demo',
		harm: 'shoppers would look up the demo’s invented orders, not yours',
		fix: 'set SHOP_CONNECTOR = "shopify" and SHOPIFY_SHOP',
	},
	{
		setting: 'HELPDESK_CONNECTOR',
		value: 'local-inbox',
		harm: 'shoppers’ tickets would be filed in the Worker’s own database, where nobody reads them',
		fix: 'set HELPDESK_CONNECTOR = "gorgias" or "zendesk" and their variables',
	},
	{
		setting: 'MAILER',
		value: 'local-inbox',
		harm: 'the one-time codes would never reach shoppers, so no return or address change could be made',
		fix: 'set MAILER = "resend" or "cloudflare" and MAIL_FROM',
	},
] as const;

/**
 * Decides whether the Worker described by `facts` may be deployed to production: refuses the demo's stand-ins
 * (unless `allowDemo`), the placeholder database, credentials written in wrangler.toml and settings or secrets the
 * chosen connectors need; warns of what it could not check. Each finding says how to fix it.
 */
export function preflight(facts: DeployFacts, options: PreflightOptions): Finding[] {
	const findings: Finding[] = [];
	const envFlag = facts.env ? ` --env ${facts.env}` : '';
	const varsTable = facts.env ? `[env.${facts.env}.vars]` : '[vars]';
	const parsed = apiConfigSchema.safeParse(facts.vars);
	if (!parsed.success) {
		const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
		return [{ severity: 'refuse', problem: `wrangler.toml: ${names} has a value the Worker does not accept.`, fix: 'see README, "Connect your shop, helpdesk and mailer", for the values' }];
	}
	const config = parsed.data;

	for (const standIn of demoStandIns) {
		if (config[standIn.setting] !== standIn.value) continue;
		findings.push({
			severity: options.allowDemo ? 'warn' : 'refuse',
			problem: `${standIn.setting} is "${standIn.value}": ${standIn.harm}.`,
			fix: options.allowDemo
				? 'deploying the demo on purpose (--allow-demo)'
				: `${standIn.fix} under ${varsTable} in wrangler.toml (README, "Connect your shop, helpdesk and mailer"); or pass --allow-demo to deploy the demo on purpose`,
		});
	}

	if (facts.databaseId === undefined || placeholderDatabaseId.test(facts.databaseId)) {
		findings.push({
			severity: 'refuse',
			problem: facts.databaseId === undefined ? 'wrangler.toml has no D1 database bound as DB.' : 'the D1 database_id in wrangler.toml is the placeholder.',
			fix: `run \`npx wrangler d1 create help-center\` and put the database_id it prints under ${facts.env ? `[[env.${facts.env}.d1_databases]]` : '[[d1_databases]]'} (binding "DB")`,
		});
	}

	for (const name of Object.keys(facts.vars).filter((candidate) => credentialName.test(candidate))) {
		findings.push({
			severity: 'refuse',
			problem: `${name} is written in wrangler.toml, which is committed: a credential in plain text.`,
			fix: `remove it from ${varsTable}, change it at its issuer, and store the new one with \`npx wrangler secret put ${name}${envFlag}\``,
		});
	}

	if (config.MAILER === 'cloudflare' && !facts.sendEmailBindings.includes('EMAIL')) {
		findings.push({
			severity: 'refuse',
			problem: 'MAILER is "cloudflare" but wrangler.toml has no [[send_email]] binding named EMAIL.',
			fix: 'uncomment the [[send_email]] block in wrangler.toml and list MAIL_FROM in allowed_sender_addresses',
		});
	}

	for (const requirement of requirements(config, facts)) findings.push(...checkRequirement(requirement, facts, varsTable, envFlag));

	if (/\.(example|test|localhost)$|^localhost$/.test(hostOf(facts.siteUrl))) {
		findings.push({
			severity: 'warn',
			problem: `siteUrl in content/site.yaml is ${facts.siteUrl}: canonical addresses, sitemaps and the API's allowed origin would name it.`,
			fix: 'set siteUrl to your help center’s address before deploying',
		});
	}
	return findings;
}

function hostOf(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return '';
	}
}

function checkRequirement(requirement: Requirement, facts: DeployFacts, varsTable: string, envFlag: string): Finding[] {
	const inVars = (name: string) => typeof facts.vars[name] === 'string' && facts.vars[name] !== '';
	const present = (name: string) => (facts.secrets ?? []).includes(name) || (requirement.kind === 'setting' && inVars(name));
	if (requirement.anyOf.some((names) => names.every(present))) return [];
	const wanted = requirement.anyOf.map((names) => names.join(' and ')).join(', or ');
	const missing = requirement.anyOf[0]!.filter((name) => !present(name));
	const how =
		requirement.kind === 'secret'
			? missing.map((name) => `\`npx wrangler secret put ${name}${envFlag}\``).join(', ')
			: `add ${missing.join(', ')} under ${varsTable} in wrangler.toml`;
	if (facts.secrets === undefined) {
		return [{ severity: 'warn', problem: `secrets not checked: ${requirement.by} needs ${wanted}.`, fix: `make sure they are set: ${how}` }];
	}
	return [{ severity: 'refuse', problem: `${requirement.by} needs ${wanted}, which the Worker does not have.`, fix: how }];
}

const secretListSchema = z.array(z.object({ name: z.string() }));

/**
 * What `wrangler secret list --format json` answered: the secret names, or (when it failed) none for a Worker
 * never deployed, else the refusal with wrangler's reason (not logged in, offline).
 */
export function readSecretList(answer: { stdout: string } | { stderr: string; message: string }): string[] | Finding {
	if ('stdout' in answer) return secretListSchema.parse(JSON.parse(answer.stdout)).map((secret) => secret.name);
	const stderr = answer.stderr.replace(/\u001b\[[0-9;]*m/g, '');
	if (/\b10007\b|does not exist/i.test(stderr)) return [];
	// Wrangler's first sentence says why; the rest is a link and advice.
	const reason = /ERROR\]\s*(.+)/.exec(stderr)?.[1]?.split(/(?<=\.)\s/)[0] ?? answer.message.split('\n')[0];
	return {
		severity: 'refuse',
		problem: `could not list the Worker’s secrets with \`wrangler secret list\`: ${reason}`,
		fix: '`npx wrangler login` (or set CLOUDFLARE_API_TOKEN), or pass --skip-secret-check to deploy without checking them',
	};
}

/** What `npm run deploy` runs once the preflight passes: build, migrate the deployed D1, deploy. */
export function deployCommands(env: string | undefined): Command[] {
	const envArgs = env ? ['--env', env] : [];
	return [
		{ program: 'npm', args: ['run', 'build'] },
		{ program: 'wrangler', args: ['d1', 'migrations', 'apply', 'DB', '--remote', ...envArgs] },
		{ program: 'wrangler', args: ['deploy', ...envArgs] },
	];
}

/** The findings as the terminal shows them, refusals first. */
export function formatFindings(findings: readonly Finding[]): string[] {
	const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'refuse' ? -1 : 1));
	return ordered.flatMap((finding) => [`${finding.severity === 'refuse' ? '✗' : '!'} ${finding.problem}`, `    fix: ${finding.fix}`]);
}

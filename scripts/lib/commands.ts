import { execFileSync, spawn } from 'node:child_process';
import { constants } from 'node:os';

/** A program and its arguments, as the scripts plan them and print them before running them. */
export interface Command {
	program: string;
	args: string[];
}

/** `npm run build` as a string, for messages. */
export function describeCommand(command: Command): string {
	return [command.program, ...command.args].join(' ');
}

// Wrangler's usage statistics stay off: these commands run in scripts and tests.
const quietEnv = () => ({ ...process.env, WRANGLER_SEND_METRICS: 'false' });

/**
 * Runs a command and answers what it printed; what it writes to stderr goes to the terminal, or with `quiet` to
 * the error thrown (its `stderr`) when it fails or takes longer than `timeoutMs`. `wrangler` and `npm` are found on
 * PATH, where `npm run` puts the project's own.
 */
export function capture(command: Command, options: { timeoutMs?: number; quiet?: boolean } = {}): string {
	return execFileSync(command.program, command.args, {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', options.quiet ? 'pipe' : 'inherit'],
		env: quietEnv(),
		timeout: options.timeoutMs ?? 120_000,
	});
}

/**
 * Runs a command in the terminal (its output shown as it comes) and resolves with its exit code. SIGINT and
 * SIGTERM are passed on, so stopping the script stops the command too (`wrangler dev` would outlive it).
 */
export function runInTerminal(command: Command): Promise<number> {
	const child = spawn(command.program, command.args, { stdio: 'inherit', env: quietEnv() });
	const forward = (signal: NodeJS.Signals) => child.kill(signal);
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	return new Promise((resolve) => {
		const done = (code: number) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve(code);
		};
		child.once('error', (error) => {
			console.error(`${command.program}: ${error.message}`);
			done(127);
		});
		child.once('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
	});
}

/** Runs the commands one after the other and stops at the first that fails; resolves with its exit code (or 0). */
export async function runInOrder(commands: Command[]): Promise<number> {
	for (const command of commands) {
		console.log(`\n> ${describeCommand(command)}`);
		const code = await runInTerminal(command);
		if (code !== 0) return code;
	}
	return 0;
}

/** Which D1 database `wrangler d1 execute` reads: the local one (`--persist-to` another folder) or the deployed one. */
export interface D1Target {
	remote: boolean;
	persistTo?: string | undefined;
	env?: string | undefined;
}

/** The `wrangler d1 execute DB … --json --command <sql>` command for `target`. */
export function d1Command(target: D1Target, sql: string): Command {
	const where = target.remote ? ['--remote'] : ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])];
	return { program: 'wrangler', args: ['d1', 'execute', 'DB', ...where, ...(target.env ? ['--env', target.env] : []), '--json', '--command', sql] };
}

/** Runs one SQL statement through wrangler and answers its rows. */
export function queryD1(target: D1Target, sql: string): unknown[] {
	const output = JSON.parse(capture(d1Command(target, sql))) as { results?: unknown[] }[];
	return output[0]?.results ?? [];
}

import { execFileSync } from 'node:child_process';

/** Which D1 database a script reads: the deployed one, or a local one (wrangler's default folder, or `persistTo`). */
export type D1Target = { remote: true } | { remote: false; persistTo?: string | undefined };

/** What wrangler answered when a statement failed (a missing table, a syntax error, no login for --remote). */
export class D1QueryError extends Error {}

interface WranglerFailure {
	error?: { text?: string };
}

/**
 * Runs SQL statements on the `DB` database with `wrangler d1 execute --json` in one call (one start of wrangler,
 * a second or two, whatever the number of statements) and returns each statement's rows, in order. wrangler takes
 * no bound parameters with --command, so callers write into the SQL only values they have checked.
 */
export function queryD1(target: D1Target, statements: string[]): Record<string, unknown>[][] {
	const where = target.remote ? ['--remote'] : ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])];
	const command = statements.map((statement) => statement.trim().replace(/;$/, '')).join(';\n');
	let output: string;
	try {
		output = execFileSync('wrangler', ['d1', 'execute', 'DB', ...where, '--json', '--command', command], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
			maxBuffer: 256 * 1024 * 1024,
		});
	} catch (error) {
		const failure = error as { stdout?: string; stderr?: string; message: string };
		throw new D1QueryError(failureText(failure.stdout ?? '') ?? (failure.stderr?.trim() || failure.message));
	}
	const results = JSON.parse(output) as { results?: Record<string, unknown>[] }[];
	return statements.map((_, index) => results[index]?.results ?? []);
}

/** wrangler prints `{ "error": { "text": … } }` on stdout when --json is on and a statement fails. */
function failureText(stdout: string): string | undefined {
	try {
		return (JSON.parse(stdout) as WranglerFailure).error?.text;
	} catch {
		return undefined;
	}
}

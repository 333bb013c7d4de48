import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningWorker {
	url: string;
	/** The folder holding the Worker's local D1 database (for `wrangler d1 execute --persist-to`). */
	stateDir: string;
	stop(): Promise<void>;
}

/** Asks the system for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
		});
	});
}

/**
 * Serves the built help center with `wrangler dev` (real workerd; D1 and queues simulated in a throwaway
 * folder, with the migrations applied) and resolves once it accepts requests. `cwd` serves another copy of the
 * project (a benchmark's generated site) instead of this one.
 */
export async function startWorker(options: { vars?: Record<string, string>; cwd?: string } = {}): Promise<RunningWorker> {
	const port = await freePort();
	const state = mkdtempSync(join(tmpdir(), 'help-center-state-'));
	const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };
	execFileSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { stdio: 'ignore', env, cwd: options.cwd });
	const child = spawn(
		'wrangler',
		[
			'dev',
			'--port',
			String(port),
			'--ip',
			'127.0.0.1',
			'--persist-to',
			state,
			'--show-interactive-dev-session=false',
			...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
		],
		{ stdio: ['ignore', 'pipe', 'pipe'], env, cwd: options.cwd },
	);
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`wrangler dev did not start in time:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (/Ready on http/.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`wrangler dev exited with ${code}:\n${output}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		stateDir: state,
		async stop() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
			rmSync(state, { recursive: true, force: true });
		},
	};
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/bench-project.ts';
import { freePort } from '../../scripts/lib/worker-server.ts';

export interface DevServer {
	origin: string;
	/** Everything the server printed so far (stdout and stderr). */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Polls `condition` every 250 ms until it answers a truthy value, which it resolves to; rejects after `timeout` ms with
 * `describe()` in the message. For a slow shared machine: wait for the effect, never for a fixed time.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, timeout: number, describe: () => string): Promise<NonNullable<T>> {
	const deadline = performance.now() + timeout;
	for (;;) {
		const value = await condition();
		if (value) return value as NonNullable<T>;
		if (performance.now() > deadline) throw new Error(`Timed out after ${timeout} ms: ${describe()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * This process's environment without what Vitest adds: with NODE_ENV=test, Astro turns hot reloading off, and the dev
 * server would not reload pages or clear the error overlay as it does for an editor.
 */
function editorEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'))) as NodeJS.ProcessEnv;
}

/** Runs `astro dev` in the project at `root` on a free port, and resolves once it answers its home page. */
export async function startDevServer(root: string): Promise<DevServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let output = '';
	const server: ChildProcess = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: root,
		env: { ...editorEnvironment(), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const stop = async () => {
		if (server.exitCode !== null || !server.pid) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
	};
	try {
		await waitFor(
			async () => {
				if (server.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
				return output.includes('watching for file changes') && (await fetch(`${origin}/en`).catch(() => undefined))?.ok;
			},
			150_000,
			() => `astro dev did not start:\n${output}`,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { origin, output: () => output, stop };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** Serves the built help center with `wrangler dev` (real workerd, local bindings) for the browser tests. */
export default async function startWorker(project: TestProject) {
	const port = await freePort();
	const state = mkdtempSync(join(tmpdir(), 'help-center-state-'));
	const child: ChildProcess = spawn(
		'wrangler',
		['dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false'],
		{ stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' } },
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
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => reject(new Error(`wrangler dev exited with ${code}:\n${output}`)));
	});
	project.provide('baseUrl', `http://127.0.0.1:${port}`);
	return async () => {
		child.kill('SIGTERM');
		await new Promise((resolve) => setTimeout(resolve, 300));
		rmSync(state, { recursive: true, force: true });
	};
}

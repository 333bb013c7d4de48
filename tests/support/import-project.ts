import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContentFixture, type ContentFixture } from './content-fixture';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesDir = join(projectRoot, 'tests/fixtures');
/** The origin the Zendesk fixture's attachments live at, replaced by a local server's in tests. */
export const zendeskAttachmentOrigin = 'https://alderandpine.zendesk.com/hc/article_attachments/';

/**
 * A throwaway project with the small fixture help center, a copy of the real code and config, and the real
 * node_modules (linked), ready to build. The code is copied, not linked: Astro compiles component scripts by
 * their real path and loses track of them behind a link.
 */
export function makeImportProject(): ContentFixture {
	const fixture = makeContentFixture();
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml']) cpSync(join(projectRoot, file), join(fixture.root, file));
	cpSync(join(projectRoot, 'public'), join(fixture.root, 'public'), { recursive: true, force: false });
	for (const folder of ['src', 'functions']) cpSync(join(projectRoot, folder), join(fixture.root, folder), { recursive: true });
	symlinkSync(join(projectRoot, 'node_modules'), join(fixture.root, 'node_modules'));
	return fixture;
}

export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command without blocking this process, so a local server of the test can answer it meanwhile. */
export function run(command: string, args: string[], cwd = projectRoot): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

/** `npm run import -- …` against the project at `root`. */
export function runImportCli(root: string, ...args: string[]): Promise<RunResult> {
	return run(process.execPath, [join(projectRoot, 'scripts/import.ts'), ...args, '--root', root]);
}

/** `npm run check` against the project at `root`. */
export function runCheckCli(root: string): Promise<RunResult> {
	return run(process.execPath, [join(projectRoot, 'scripts/check-content.ts'), '--root', root]);
}

/** Serves the files of `directory` over HTTP on a free local port (404 for anything else). */
export async function serveDirectory(directory: string): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		requests.push(path);
		const file = join(directory, path);
		if (!file.startsWith(directory) || !existsSync(file) || !statSync(file).isFile()) {
			response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
			return;
		}
		const type = file.endsWith('.png') ? 'image/png' : file.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
		response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A copy of the Zendesk export fixture whose attachments point at `origin` (a local server) instead of Zendesk. */
export function copyZendeskExport(origin: string): string {
	const copy = mkdtempSync(join(tmpdir(), 'zendesk-export-'));
	const exportDir = join(fixturesDir, 'zendesk-export');
	// The media folder stands for what the old help center served: the test serves it, the copy leaves it out.
	cpSync(exportDir, copy, { recursive: true, filter: (source) => relative(exportDir, source).split(sep)[0] !== 'media' });
	const walk = (directory: string) => {
		for (const name of readdirSync(directory)) {
			const path = join(directory, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.json')) writeFileSync(path, readFileSync(path, 'utf8').replaceAll(zendeskAttachmentOrigin, `${origin}/hc/article_attachments/`));
		}
	};
	walk(copy);
	return copy;
}

/** Every file under content/ and public/ with a hash of its bytes, to prove a failed import changed nothing. */
export function snapshotFiles(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (directory: string) => {
		if (!existsSync(directory)) return;
		for (const name of readdirSync(directory)) {
			const path = join(directory, name);
			if (statSync(path).isDirectory()) walk(path);
			else files.set(relative(root, path).split(sep).join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
		}
	};
	walk(join(root, 'content'));
	walk(join(root, 'public'));
	return files;
}

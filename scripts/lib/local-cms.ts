import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { buildAdmin } from '../../src/cms/build-admin.ts';
import { defaultProxyPort } from '../../src/cms/cms-config.ts';
import { adminContentSecurityPolicy, securityHeaders } from '../../src/worker/security-headers.ts';

export interface LocalCms {
	/** The admin page: `http://localhost:<port>/admin/`. */
	adminUrl: string;
	stop(): Promise<void>;
}

export interface LocalCmsOptions {
	/** The project whose content/ and public/images/articles/ the editor reads and writes. */
	root: string;
	/** Where the admin is built to. */
	adminDir: string;
	port: number;
	proxyPort?: number;
	/** decap-server's output, for a caller that wants it. */
	log?: (line: string) => void;
}

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
};

/** Serves the admin folder at /admin/ with the admin's security headers, as the Worker's assets do (`_headers`). */
async function serveAdmin(adminDir: string, publicDir: string, port: number): Promise<Server> {
	const server = createServer(async (request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		if (path === '/' || path === '/admin') {
			response.writeHead(302, { location: '/admin/' }).end();
			return;
		}
		// The admin's files, and the site's public files for the preview's images (/images/articles/…).
		const admin = path.startsWith('/admin/');
		const file = normalize(admin ? path.slice('/admin/'.length) || 'index.html' : decodeURIComponent(path)).replace(/^([/\\]|\.\.[/\\])+/, '');
		const body = await readFile(join(admin ? adminDir : publicDir, file)).catch(() => undefined);
		if (!body) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { ...securityHeaders, 'Content-Security-Policy': adminContentSecurityPolicy, 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return server;
}

/**
 * The editor on this machine, with no account: builds the admin, starts decap-server (Decap CMS's local backend,
 * which reads and writes the files of `root` directly) on loopback and serves the admin page.
 */
export async function startLocalCms({ root, adminDir, port, proxyPort = defaultProxyPort, log }: LocalCmsOptions): Promise<LocalCms> {
	await buildAdmin(adminDir, { root, proxyPort });
	const serverScript = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
	const proxy = spawn(process.execPath, [serverScript], {
		env: { ...process.env, PORT: String(proxyPort), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: root, MODE: 'fs', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output: string[] = [];
	const onData = (chunk: Buffer) => {
		for (const line of chunk.toString().split('\n').filter(Boolean)) {
			output.push(line);
			log?.(line);
		}
	};
	proxy.stdout.on('data', onData);
	proxy.stderr.on('data', onData);
	const exited = new Promise<void>((resolve) => proxy.once('exit', () => resolve()));
	await waitForProxy(proxyPort, () => output.join('\n'));
	const server = await serveAdmin(adminDir, join(root, 'public'), port);
	return {
		adminUrl: `http://localhost:${port}/admin/`,
		stop: async () => {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			proxy.kill();
			await exited;
		},
	};
}

async function waitForProxy(port: number, output: () => string): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		const answer = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' }).catch(() => undefined);
		if (answer?.ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`decap-server did not start on port ${port}:\n${output()}`);
}

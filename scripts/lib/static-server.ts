import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';

export interface StaticServer {
	url: string;
	/** Every path requested so far, in order. */
	requests: string[];
	stop(): Promise<void>;
}

/** Serves a folder over HTTP on loopback, as is: enough for Pagefind's browser code to run in Node. */
export async function serveFolder(folder: string): Promise<StaticServer> {
	const requests: string[] = [];
	const server: Server = createServer(async (request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		requests.push(path);
		try {
			const file = join(folder, normalize(path).replace(/^(\.\.[/\\])+/, ''));
			response.end(await readFile(file));
		} catch {
			response.statusCode = 404;
			response.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no address');
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

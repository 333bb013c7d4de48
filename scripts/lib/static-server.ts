import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import { openPack } from '../../src/worker/asset-pack.ts';
import { packedFileFor } from '../../src/worker/packed-assets.ts';

export interface StaticServer {
	url: string;
	/** Every path requested so far, in order. */
	requests: string[];
	stop(): Promise<void>;
}

/** Serves a folder over HTTP on loopback, packed files included: enough for Pagefind's browser code to run in Node. */
export async function serveFolder(folder: string): Promise<StaticServer> {
	const requests: string[] = [];
	const server: Server = createServer(async (request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		requests.push(path);
		const inside = (sitePath: string) => join(folder, normalize(sitePath).replace(/^(\.\.[/\\])+/, ''));
		try {
			response.end(await readFile(inside(path)));
		} catch {
			// Files the build packed are answered from their pack, as the Worker does.
			const packed = packedFileFor(path);
			const content = packed ? await readFile(inside(packed.packPath)).then((bytes) => openPack(new Uint8Array(bytes)).get(packed.name), () => undefined) : undefined;
			if (content) {
				response.end(content);
				return;
			}
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

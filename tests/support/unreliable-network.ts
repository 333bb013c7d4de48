import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the network does to one request on its way back from the Worker. */
export type Fault = 'drop-answer' | { delayMs: number };

export interface UnreliableNetwork {
	/** The address to open pages at: every request goes through to the real Worker. */
	url: string;
	/** The requests that went through, as `METHOD /path`. */
	requests: string[];
	/** Makes the next request that `matches` suffer `fault` (once). */
	next(matches: (request: IncomingMessage) => boolean, fault: Fault): void;
	close(): Promise<void>;
}

/**
 * A loopback proxy in front of the Worker that behaves like a phone's network when told to: it can hold an
 * answer back, or let the Worker handle a request and then cut the connection before the answer arrives. The
 * Worker always gets the request and always answers for real; only the way back is unreliable.
 */
export async function unreliableNetwork(workerUrl: string): Promise<UnreliableNetwork> {
	const target = new URL(workerUrl);
	const requests: string[] = [];
	const pending: { matches: (request: IncomingMessage) => boolean; fault: Fault }[] = [];
	const server = createServer((incoming, outgoing) => {
		requests.push(`${incoming.method} ${incoming.url}`);
		const index = pending.findIndex((entry) => entry.matches(incoming));
		const fault = index === -1 ? undefined : pending.splice(index, 1)[0]?.fault;
		const upstream = forward(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
			async (answer) => {
				if (fault === 'drop-answer') {
					// Read the whole answer, as a network that loses it after the Worker sent it would.
					for await (const _chunk of answer);
					incoming.socket.destroy();
					return;
				}
				if (fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
				// One connection per request: a browser re-sends a request whose kept-alive connection drops before any
				// answer, which would hide the lost answer this proxy is for.
				outgoing.shouldKeepAlive = false;
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		upstream.on('error', () => incoming.socket.destroy());
		incoming.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		next: (matches, fault) => pending.push({ matches, fault }),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Matches a request by method and path, for {@link UnreliableNetwork.next}. */
export const request = (method: string, path: string) => (incoming: IncomingMessage) => incoming.method === method && incoming.url?.split('?')[0] === path;

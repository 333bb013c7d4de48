import type { Hono } from 'hono';

/**
 * A `fetch` that hands requests straight to a fake's Hono app, in whatever runtime the test runs (workerd
 * included), and honours the caller's abort signal as a network fetch would, so client timeouts still fire.
 */
export function inProcessFetch(app: Hono) {
	return (input: string, init: RequestInit): Promise<Response> => {
		const signal = init.signal;
		const { signal: _ignored, ...rest } = init;
		const answer = Promise.resolve(app.fetch(new Request(input, rest)));
		if (!signal) return answer;
		return new Promise<Response>((resolve, reject) => {
			if (signal.aborted) return reject(signal.reason);
			signal.addEventListener('abort', () => reject(signal.reason), { once: true });
			answer.then(resolve, reject);
		});
	};
}

/**
 * `npm run bench:api` — loads order lookup on the demo shop against the Worker served locally by `wrangler dev`
 * (real workerd, local D1), and a static page from the same Worker in the same run as the baseline. Prints
 * throughput and p50/p99 latency for both. Run `npm run build` first.
 *
 * Rate limits stay on: they are raised a millionfold with RATE_LIMIT_SCALE so that every lookup still pays for
 * its D1 counters, as in production, without being refused.
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { startWorker } from './lib/worker-server.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

const demoOrders = [
	['1001', 'camille.martin@example.com'],
	['1003', 'amelie.dubois@example.com'],
	['1004', 'sam.taylor@example.com'],
	['1005', 'lea.moreau@example.com'],
	['1006', 'noah.bernard@example.com'],
	['1010', 'hugo.roux@example.com'],
];

interface Figures {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	requests: number;
	non2xx: number;
	errors: number;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<Figures> {
	const result = await autocannon({ url, duration, connections, ...options });
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
	};
}

const worker = await startWorker({ vars: { RATE_LIMIT_SCALE: '1000000' } });
try {
	// Warm both paths once so the first measurements do not include workerd's module loading.
	await fetch(`${worker.url}/en/shipping`);
	await fetch(`${worker.url}/api/orders/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ orderNumber: '1005', email: 'lea.moreau@example.com' }) });

	const staticPage = await load(`${worker.url}/en/shipping`, {});
	let next = 0;
	const lookup = await load(`${worker.url}/api/orders/lookup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		setupClient(client) {
			client.setBody(JSON.stringify({ orderNumber: demoOrders[0]?.[0], email: demoOrders[0]?.[1] }));
		},
		requests: [
			{
				setupRequest(request) {
					const [orderNumber, email] = demoOrders[next++ % demoOrders.length] ?? [];
					return { ...request, body: JSON.stringify({ orderNumber, email }) };
				},
			},
		],
	});
	console.log(`\n${connections} connections, ${duration} s each, against wrangler dev on loopback\n`);
	console.table({
		'static page (baseline): GET /en/shipping': staticPage,
		'order lookup: POST /api/orders/lookup': lookup,
	});
	if (lookup.non2xx > 0 || lookup.errors > 0) {
		console.error(`${lookup.non2xx} lookups were not 2xx and ${lookup.errors} failed: the figures are not valid.`);
		process.exitCode = 1;
	}
} finally {
	await worker.stop();
}

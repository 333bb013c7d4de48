/**
 * `npm run outbox [-- --remote] [--env <name>] [--persist-to <dir>] [--limit 50]` — what the outbox holds that the
 * helpdesk does not have yet: pending, failed and dead submissions with their cause and what to do, from the local
 * D1 database (`npm start`'s) or the deployed one (--remote).
 *
 * `npm run outbox -- retry [HC-… …] [--remote]` — after fixing the cause (a helpdesk key, an outage), puts the
 * failed and dead submissions (or those named) back to pending; the Worker's sweep then sends them.
 */
import { parseArgs } from 'node:util';
import { type D1Target, queryD1 } from './lib/commands.ts';
import { countSql, formatRequeued, formatStatus, listSql, outboxEntrySchema, requeuedSchema, retrySql, stateCountSchema } from './lib/outbox-report.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		remote: { type: 'boolean', default: false },
		env: { type: 'string' },
		'persist-to': { type: 'string' },
		limit: { type: 'string', default: '50' },
	},
});
const [action = 'status', ...references] = positionals;
if (action !== 'status' && action !== 'retry') {
	console.error(`Unknown command "${action}": use \`npm run outbox\` for the status or \`npm run outbox -- retry\`.`);
	process.exit(2);
}
if (action === 'status' && references.length > 0) {
	console.error('The status takes no reference; to re-send some only: `npm run outbox -- retry HC-…`.');
	process.exit(2);
}

const target: D1Target = { remote: values.remote, persistTo: values['persist-to'], env: values.env };
const where = values.remote ? `deployed D1${values.env ? `, ${values.env}` : ''}` : 'local D1';
const now = Date.now();

if (action === 'retry') {
	let sql: string;
	try {
		sql = retrySql(references, now);
	} catch (error) {
		console.error((error as Error).message);
		process.exit(2);
	}
	const requeued = queryD1(target, sql).map((row) => requeuedSchema.parse(row));
	console.log(formatRequeued(where, requeued, values.remote).join('\n'));
} else {
	const counts = { pending: 0, failed: 0, dead: 0 };
	for (const row of queryD1(target, countSql)) {
		const state = stateCountSchema.parse(row);
		counts[state.status] = state.count;
	}
	const entries = queryD1(target, listSql(Number.parseInt(values.limit, 10) || 50)).map((row) => outboxEntrySchema.parse(row));
	console.log(formatStatus(where, counts, entries, now).join('\n'));
}

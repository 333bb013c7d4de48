/**
 * `npm run inbox` — lists the local inbox of demo mode: tickets forwarded to the "helpdesk" and e-mails sent to
 * shoppers (one-time codes), newest first, from the local D1 database that `npm start` and `npm run dev` use.
 * `npm run inbox -- --limit 50` shows more.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '20' } } });
const limit = Math.max(1, Math.min(500, Number.parseInt(values.limit, 10) || 20));
const output = execFileSync(
	'wrangler',
	['d1', 'execute', 'DB', '--local', '--json', '--command', `SELECT id, kind, external_id, recipient, sender, subject, body, tags, created_at FROM inbox ORDER BY id DESC LIMIT ${limit}`],
	{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
const [result] = JSON.parse(output) as { results: Record<string, string | number | null>[] }[];
const rows = result?.results ?? [];
if (rows.length === 0) console.log('The local inbox is empty.');
for (const row of rows) {
	const when = new Date(Number(row['created_at'])).toLocaleString();
	const header = row['kind'] === 'email' ? `E-mail to ${row['recipient']}` : `Ticket ${row['external_id']} from ${row['sender']} ${row['tags']}`;
	console.log(`\n#${row['id']}  ${when}  ${header}\n${row['subject']}\n${'-'.repeat(60)}\n${row['body']}`);
}

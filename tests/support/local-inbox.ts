import { execFileSync } from 'node:child_process';

/** Runs one SQL statement on the local D1 database kept in `stateDir` (the Worker of the browser tests). */
export function queryLocalDatabase<Row>(stateDir: string, sql: string): Row[] {
	const output = execFileSync('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', stateDir, '--json', '--command', sql], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
	});
	const [result] = JSON.parse(output) as { results: Row[] }[];
	return result?.results ?? [];
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function eventually<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = read();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`${what} did not arrive in the local inbox`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The newest one-time code e-mailed to `email`, read from the local inbox the way a shopper reads their mail. */
export function latestCode(stateDir: string, email: string): Promise<string> {
	return eventually(() => {
		const [row] = queryLocalDatabase<{ body: string }>(
			stateDir,
			`SELECT body FROM inbox WHERE kind = 'email' AND recipient = ${quote(email)} AND external_id LIKE 'verification-code/%' ORDER BY id DESC LIMIT 1`,
		);
		return /\b(\d{6})\b/.exec(row?.body ?? '')?.[1];
	}, `a code for ${email}`);
}

export interface InboxTicket {
	external_id: string;
	sender: string;
	subject: string;
	body: string;
	tags: string;
}

/** The helpdesk ticket with this reference, once the queue has forwarded it to the local inbox. */
export function ticketInInbox(stateDir: string, reference: string): Promise<InboxTicket> {
	return eventually(
		() =>
			queryLocalDatabase<InboxTicket>(
				stateDir,
				`SELECT external_id, sender, subject, body, tags FROM inbox WHERE kind = 'ticket' AND external_id = ${quote(reference)}`,
			)[0],
		`ticket ${reference}`,
	);
}

export interface InboxEmail {
	recipient: string;
	subject: string;
	body: string;
}

/** The e-mail with this reference (for example `confirmation/HC-…`), once it has landed in the local inbox. */
export function emailInInbox(stateDir: string, reference: string): Promise<InboxEmail> {
	return eventually(
		() => queryLocalDatabase<InboxEmail>(stateDir, `SELECT recipient, subject, body FROM inbox WHERE kind = 'email' AND external_id = ${quote(reference)}`)[0],
		`e-mail ${reference}`,
	);
}

/** How many e-mails with this reference the local inbox holds. */
export function emailCount(stateDir: string, reference: string): number {
	return queryLocalDatabase<{ count: number }>(stateDir, `SELECT COUNT(*) AS count FROM inbox WHERE kind = 'email' AND external_id = ${quote(reference)}`)[0]?.count ?? 0;
}

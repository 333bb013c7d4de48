import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config/read-site-config';
import { builtSiteEngine } from '../../scripts/lib/simulate/engine';
import { simulate } from '../../scripts/lib/simulate/run';
import { readTickets } from '../../scripts/lib/simulate/tickets';
import { clientDir } from '../support/built-site';

const projectRoot = join(import.meta.dirname, '../..');
const fixtures = join(projectRoot, 'tests/fixtures/answers');
const scratch = mkdtempSync(join(tmpdir(), 'simulate-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

if (!existsSync(join(clientDir, 'answers/en/index.json'))) throw new Error(`${clientDir} has no answer index: run \`npm run build\` first (npm test does).`);

/** `npm run simulate -- …` as npm runs it: the project's Node.js, from the project's folder. */
function runSimulate(...args: string[]) {
	return spawnSync(process.execPath, [join(projectRoot, 'scripts/simulate.ts'), ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: projectRoot } });
}

describe('npm run simulate on the built help center', () => {
	it('reports on the fixture’s past tickets, the same bytes every time', () => {
		const first = join(scratch, 'first.md');
		const second = join(scratch, 'second.md');
		const labels = join(fixtures, 'ticket-labels.csv');
		const run = runSimulate(join(fixtures, 'tickets.csv'), '--labels', labels, '--out', first);
		expect(run.stderr).toMatch(/Simulated 237 tickets in [\d.]+ s/);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^221 tickets simulated of 237: \d+ answered, \d+ routed, \d+ not answered\. Report: /);
		expect(runSimulate(join(fixtures, 'tickets.csv'), '--labels', labels, '--out', second).status).toBe(0);
		const report = readFileSync(first, 'utf8');
		expect(readFileSync(second, 'utf8')).toBe(report);

		// What does not depend on the engine's tuning: the exclusions and the languages.
		expect(report).toContain('Tickets: `tickets.csv` (Zendesk column names), 237 rows');
		expect(report).toContain('| excluded (not a question or request) | 16 |');
		for (const [reason, count] of [['empty', 1], ['thanks', 8], ['auto-reply', 4], ['spam', 3]] as const) expect(report).toContain(`| ${reason} | ${count} |`);
		expect(report).toMatch(/^\| en \| 131 \|/m);
		expect(report).toMatch(/^\| fr \| 90 \|/m);
		// What the engine makes of them, with intervals and denominators.
		expect(report).toMatch(/^\| answered by an article \| \d+ \| \d+ \/ 221 = [\d.]+ % \(95 %: [\d.]+–[\d.]+ %\) \|$/m);
		expect(report).toMatch(/^\| precision of "would answer" .* \| \d+ \/ \d+ = [\d.]+ % \(95 %: [\d.]+–[\d.]+ %\) \|$/m);
		expect(report).toMatch(/\*\*Predicted deflection: [\d.]+ %\*\* of the 221 simulated tickets/);
		expect(report).toMatch(/## Content gaps\n\nThe \d+ tickets not answered/);
		expect(report.match(/^\| \d+ \| \d{5} \| .* \|  \|$/gm)?.length).toBe(30);
		// Nothing that identifies a customer reaches the report.
		expect(report).not.toMatch(/@example\.com|07700|\+44/);
	}, 60_000);

	it('sends questions about one’s own order to the self-service pages and answers policy questions from the articles', async () => {
		const site = readSiteConfig(projectRoot);
		const { tickets } = readTickets(join(fixtures, 'tickets.csv'));
		const wanted = ['Where is my order #1032', 'Wrong address on order #1125', 'Return my order #1065', 'Payment methods'];
		const chosen = tickets.filter((ticket) => wanted.includes(ticket.subject));
		expect(chosen).toHaveLength(wanted.length);
		const simulated = await simulate(chosen, { engine: builtSiteEngine(clientDir, site), localeMode: 'auto', locales: ['en', 'fr'], defaultLocale: 'en' });
		const outcome = (subject: string) => simulated[chosen.findIndex((ticket) => ticket.subject === subject)]?.outcome;
		expect(outcome('Where is my order #1032')).toEqual({ kind: 'self-service', action: 'track' });
		expect(outcome('Wrong address on order #1125')).toEqual({ kind: 'self-service', action: 'address' });
		expect(outcome('Return my order #1065')).toEqual({ kind: 'self-service', action: 'return' });
		expect(outcome('Payment methods')).toMatchObject({ kind: 'answer', article: 'payment-methods' });
	});

	it('reads a Gorgias export without --map', () => {
		const run = runSimulate(join(fixtures, 'tickets-gorgias.csv'), '--sample', '3');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Tickets: `tickets-gorgias.csv` (Gorgias column names), 8 rows; columns used: id = "Ticket id", subject = "Subject", body = "First customer message"');
		expect(run.stdout).toContain('| **simulated** | **6** |');
		expect(run.stdout).not.toMatch(/06 12 34 56 78|@example\.com/);
	});

	it('prints how long 1,000 tickets take (the budget is 10 s on two cores; not asserted, machines vary)', () => {
		const rows = parse(readFileSync(join(fixtures, 'tickets.csv'), 'utf8')) as string[][];
		const [header = [], ...records] = rows;
		const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
		const lines = [header.map(quote).join(',')];
		for (let index = 0; index < 1000; index++) lines.push([String(90000 + index), ...(records[index % records.length] ?? []).slice(1)].map(quote).join(','));
		const file = join(scratch, 'tickets-1000.csv');
		writeFileSync(file, `${lines.join('\n')}\n`);
		const run = runSimulate(file, '--out', join(scratch, 'report-1000.md'));
		expect(run.status).toBe(0);
		const timing = /Simulated 1000 tickets in .*/.exec(run.stderr)?.[0];
		expect(timing).toBeDefined();
		console.log(timing);
	}, 120_000);
});

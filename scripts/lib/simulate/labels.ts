/**
 * Labels: a person's verdict on past tickets, to measure how often "would answer" is right. A CSV with a header:
 *
 * | column | required | what |
 * |---|---|---|
 * | `id` (or "Ticket id") | yes | the ticket's id, as in the tickets' CSV |
 * | `deflectable` | one of these two | y/n: the help center's articles or a self-service page (track, return, change address) really answer this ticket, so the customer would not have needed to write |
 * | `correct` | | y/n: the answer the simulation showed for this ticket is right (the report's sample has a "correct?" column to fill in) |
 * | `expected` | no | where the answer is: article file names (`refund-timing`), or `track`, `return`, `address`; several separated by spaces |
 *
 * An answered ticket counts as correct when `correct` is y; without `correct`, when `deflectable` is y and, if
 * `expected` is given, the answer came from an article it names (or the page it names, for a routed ticket).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { SimulateError } from './tickets.ts';

export interface Label {
	deflectable?: boolean;
	correct?: boolean;
	expected: string[];
}

const columnNames = {
	id: ['id', 'ticket id', 'ticket_id', 'ticket'],
	deflectable: ['deflectable'],
	correct: ['correct', 'correct?', 'correct? (y/n)'],
	expected: ['expected', 'article', 'articles'],
};

function yesNo(value: string, where: string): boolean | undefined {
	const word = value.trim().toLowerCase();
	if (!word) return undefined;
	if (['y', 'yes', 'o', 'oui', 'true', '1'].includes(word)) return true;
	if (['n', 'no', 'non', 'false', '0'].includes(word)) return false;
	throw new SimulateError(`${where}: "${value}" is neither y nor n.`);
}

/** Reads labels from a CSV text, by ticket id. */
export function parseLabels(text: string, fileName = 'The labels file'): Map<string, Label> {
	let rows: string[][];
	try {
		rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
	} catch (error) {
		throw new SimulateError(`${fileName} is not a valid CSV file: ${error instanceof CsvError ? error.message : (error as Error).message}.`);
	}
	const [rawHeader, ...records] = rows;
	const header = (rawHeader ?? []).map((column) => column.trim().toLowerCase());
	const find = (names: string[]) => header.findIndex((column) => names.includes(column));
	const id = find(columnNames.id);
	const deflectable = find(columnNames.deflectable);
	const correct = find(columnNames.correct);
	const expected = find(columnNames.expected);
	const available = `Its columns: ${(rawHeader ?? []).map((column) => `"${column.trim()}"`).join(', ') || 'none'}.`;
	if (id < 0) throw new SimulateError(`${fileName} has no "id" column (the ticket's id). ${available}`);
	if (deflectable < 0 && correct < 0) throw new SimulateError(`${fileName} has neither a "deflectable" nor a "correct" column (y/n). ${available}`);
	const labels = new Map<string, Label>();
	for (const [index, record] of records.entries()) {
		const where = `${fileName} row ${index + 2}`;
		const ticket = (record[id] ?? '').trim();
		if (!ticket) continue;
		const label: Label = { expected: (record[expected] ?? '').split(/[\s,;]+/).filter(Boolean) };
		const isDeflectable = deflectable < 0 ? undefined : yesNo(record[deflectable] ?? '', where);
		const isCorrect = correct < 0 ? undefined : yesNo(record[correct] ?? '', where);
		if (isDeflectable !== undefined) label.deflectable = isDeflectable;
		if (isCorrect !== undefined) label.correct = isCorrect;
		labels.set(ticket, label);
	}
	return labels;
}

export function readLabels(path: string): Map<string, Label> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new SimulateError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
	}
	return parseLabels(text, basename(path));
}

/**
 * Whether an answer from `article` is right for a labelled ticket: `correct` when given; else the ticket is
 * deflectable and, when `expected` is given, names that article. Undefined when the label does not say.
 */
export function answerIsCorrect(label: Label, article: string): boolean | undefined {
	if (label.correct !== undefined) return label.correct;
	if (label.deflectable === undefined) return undefined;
	return label.deflectable && (label.expected.length === 0 || label.expected.includes(article));
}

/**
 * Whether sending a labelled ticket to the self-service page `action` (track, return, address) is right: as for
 * {@link answerIsCorrect}, with `expected` naming that page. Undefined when the label does not say.
 */
export function routeIsCorrect(label: Label, action: string): boolean | undefined {
	if (label.correct !== undefined) return label.correct;
	if (label.deflectable === undefined) return undefined;
	return label.deflectable && (label.expected.length === 0 || label.expected.includes(action));
}

/**
 * Reads a CSV export of past tickets into {@link Ticket}s, recognising the column names of Zendesk's and Gorgias'
 * exports, or the columns named by `--map field=Column`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';

/** A mistake in what the user gave (a file, a column, an option): printed as it is, exit code 1, no stack trace. */
export class SimulateError extends Error {}

/** The fields of a ticket the simulation reads, and what each means (shown in the errors). */
export const ticketFields = {
	id: "the ticket's id",
	subject: "the ticket's subject",
	body: 'the first message of the customer',
	locale: "the ticket's or the customer's language (optional)",
	tags: 'the tags, separated by spaces, commas or semicolons (optional)',
	created: 'when the ticket was created (optional)',
	firstReply: 'the first reply of an agent (optional)',
} as const;

export type TicketField = keyof typeof ticketFields;

const requiredFields: TicketField[] = ['id', 'subject', 'body'];

/**
 * Column names tried for each field when `--map` names none, first match wins, case ignored. Where they come from:
 * - Zendesk. The CSV export (Admin Center › Account › Tools › Reports › Export) names its columns "Id", "Subject",
 *   "Tags", "Created at" ("Summation column", "Requester", "Requester id", "Via", "Status"… too), and carries no
 *   ticket text; the JSON export and the Tickets API give the first comment as `description`, next to `id`,
 *   `subject`, `tags` and `created_at`. A CSV made from either with "Description" added is read as it is.
 *   "Requester language" is accepted for the language, though we found no Zendesk page that documents it.
 * - Gorgias. Its ticket object (REST API) has `id`, `subject`, `channel`, `language`, `tags` and
 *   `created_datetime`; its CSV exports title them "Ticket id", "Subject", "Channel", "Tags", "Language",
 *   "Created date". We found no documented name for the column of the first customer message, so the likely
 *   ones are tried: "First customer message", "First message", "Customer message", "Message".
 * No helpdesk export has a column for the first agent reply; "First agent reply" is ours (`--map` names any other).
 */
export const recognisedColumns: Record<TicketField, string[]> = {
	id: ['Id', 'Ticket id', 'Ticket ID', 'ticket_id'],
	subject: ['Subject', 'Ticket subject', 'raw_subject'],
	body: ['Description', 'First customer message', 'First message', 'Customer message', 'Message', 'body', 'body_text'],
	locale: ['Requester language', 'Language', 'Locale', 'Requester locale'],
	tags: ['Tags', 'Ticket tags'],
	created: ['Created at', 'Created date', 'Created datetime', 'created_datetime', 'Created'],
	firstReply: ['First agent reply', 'First agent message', 'First reply', 'Agent reply'],
};

/** Which column fills each field. */
export type TicketColumns = Partial<Record<TicketField, string>>;

/** A past ticket as the simulation reads it: cells trimmed, empty when the column is missing. */
export interface Ticket {
	id: string;
	subject: string;
	body: string;
	/** The language column's value, as written ("fr-FR", "French"…), or "". */
	locale: string;
	tags: string[];
	created: string;
	firstReply: string;
	/** The CSV row (the header is row 1). */
	row: number;
}

const isField = (name: string): name is TicketField => Object.hasOwn(ticketFields, name);

/** Splits `--map` values ("subject=Subject,body=Description", given once or more) into field=column pairs. */
export function parseMap(values: string[]): [TicketField, string][] {
	return values
		.flatMap((value) => value.split(','))
		.map((pair) => pair.trim())
		.filter(Boolean)
		.map((pair) => {
			const separator = pair.indexOf('=');
			const field = pair.slice(0, separator).trim();
			const column = pair.slice(separator + 1).trim();
			if (separator <= 0 || !column) throw new SimulateError(`--map "${pair}" is not of the form field=Column, for example --map body=Description.`);
			if (!isField(field)) throw new SimulateError(`--map "${pair}": "${field}" is not a field. Fields: ${Object.keys(ticketFields).join(', ')}.`);
			return [field, column];
		});
}

/**
 * Which column fills which field: the `--map` pairs first, then the recognised names. Throws when a mapped column
 * does not exist or a required field has no column, naming the columns the file has.
 */
export function resolveTicketColumns(header: string[], map: [TicketField, string][] = [], fileName = 'The CSV'): TicketColumns {
	const byLowerName = new Map(header.map((column) => [column.toLowerCase(), column]));
	const available = `Its columns: ${header.map((column) => `"${column}"`).join(', ') || 'none'}.`;
	const columns: TicketColumns = {};
	for (const [field, column] of map) {
		const actual = byLowerName.get(column.toLowerCase());
		if (!actual) throw new SimulateError(`--map ${field}=${column}: ${fileName} has no column "${column}". ${available}`);
		columns[field] = actual;
	}
	for (const field of Object.keys(ticketFields) as TicketField[]) {
		if (columns[field]) continue;
		const actual = recognisedColumns[field].map((name) => byLowerName.get(name.toLowerCase())).find((name) => name !== undefined);
		if (actual && !Object.values(columns).includes(actual)) columns[field] = actual;
	}
	const missing = requiredFields.filter((field) => !columns[field]);
	if (missing.length > 0) {
		const wanted = missing.map((field) => `${field}, ${ticketFields[field]} (a column named ${recognisedColumns[field].map((name) => `"${name}"`).join(' or ')})`);
		// Zendesk's CSV export has "Via" and "Summation column" but no ticket text.
		const zendeskCsv = missing.includes('body') && byLowerName.has('via') && byLowerName.has('id');
		const hint = zendeskCsv ? " This looks like Zendesk's CSV export, which leaves out the tickets' text: add the first comment as a \"Description\" column (the JSON export and the API have it as `description`)." : '';
		throw new SimulateError(`${fileName} has no column for ${wanted.join('; nor for ')}. ${available}${hint} Name yours with --map, for example --map ${missing[0]}="Your column".`);
	}
	return columns;
}

/** The export the header looks like, for the report: "Zendesk", "Gorgias" or undefined. */
export function recognisedExport(columns: TicketColumns): string | undefined {
	if (columns.id === undefined || columns.body === undefined) return undefined;
	if (/^id$/i.test(columns.id) && /^description$/i.test(columns.body)) return 'Zendesk';
	if (/^ticket id$/i.test(columns.id)) return 'Gorgias';
	return undefined;
}

/** Semicolon-separated files (spreadsheets in French, among others) are read as such; commas otherwise. */
function delimiterOf(text: string): string {
	const header = text.slice(0, text.search(/\r?\n|$/));
	return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function splitTags(value: string): string[] {
	return value
		.split(/[\s,;]+/)
		.map((tag) => tag.trim())
		.filter(Boolean);
}

/** Reads a CSV text of tickets. */
export function parseTickets(text: string, options: { map?: [TicketField, string][]; fileName?: string } = {}): { tickets: Ticket[]; columns: TicketColumns; header: string[] } {
	const fileName = options.fileName ?? 'The CSV';
	let rows: string[][];
	try {
		rows = parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), skip_empty_lines: true, relax_column_count: false });
	} catch (error) {
		const detail = error instanceof CsvError ? error.message : (error as Error).message;
		throw new SimulateError(`${fileName} is not a valid CSV file: ${detail}. Check the quotes and the number of columns on that line.`);
	}
	const [rawHeader, ...records] = rows;
	if (!rawHeader) throw new SimulateError(`${fileName} is empty: it needs a header row and one row per ticket.`);
	const header = rawHeader.map((column) => column.trim());
	const columns = resolveTicketColumns(header, options.map, fileName);
	if (records.length === 0) throw new SimulateError(`${fileName} has no rows under its header.`);
	const position = new Map(header.map((column, index) => [column, index]));
	const cell = (record: string[], field: TicketField) => {
		const column = columns[field];
		return column === undefined ? '' : (record[position.get(column) ?? -1] ?? '').trim();
	};
	const tickets = records.map(
		(record, index): Ticket => ({
			id: cell(record, 'id') || `row ${index + 2}`,
			subject: cell(record, 'subject'),
			body: cell(record, 'body'),
			locale: cell(record, 'locale'),
			tags: splitTags(cell(record, 'tags')),
			created: cell(record, 'created'),
			firstReply: cell(record, 'firstReply'),
			row: index + 2,
		}),
	);
	return { tickets, columns, header };
}

/** Reads a CSV file of tickets. */
export function readTickets(path: string, map: [TicketField, string][] = []) {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new SimulateError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
	}
	return parseTickets(text, { map, fileName: basename(path) });
}

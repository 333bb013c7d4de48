/** The report as text for other tools: `--json` (the data as it is) and `--csv` (one section per table). */
import type { ReportData } from './model.ts';
import { reportTables, type Cell } from './tables.ts';

/** The report's data as indented JSON: shares are fractions from 0 to 1, missing values null. */
export function toJson(data: ReportData): string {
	return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * One CSV field (RFC 4180). Shopper text that a spreadsheet would read as a formula (=, +, -, @, a tab or a
 * carriage return first) gets a leading apostrophe, so opening the file never runs what a shopper typed.
 */
export function csvField(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return String(cell);
	if (typeof cell === 'object') return cell.share === null ? '' : String(Math.round(cell.share * 1000) / 10);
	const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV sections: each starts with a line naming it, then its header and rows, and ends with an empty
 * line. Percentages are numbers from 0 to 100 with one decimal, in columns whose header says so.
 */
export function toCsv(data: ReportData): string {
	const period = `${data.period.from} to ${data.period.to}, ${data.period.locale ?? 'all languages'}`;
	const sections = reportTables(data).map((table) => {
		const header = table.columns.map((column) => (column.kind === 'percent' ? `${column.label} (%)` : column.label));
		const lines: Cell[][] = [[`${table.title} (${period})`], header, ...table.rows];
		return lines.map((line) => line.map(csvField).join(',')).join('\r\n');
	});
	return `${sections.join('\r\n\r\n')}\r\n`;
}

import type { LineCounter, YAMLError } from 'yaml';

/** A YAML mistake in an editor's words: the line of the file it is on (1-based), and how to fix it. */
export interface YamlAdvice {
	line: number;
	field?: string;
	message: string;
	fix: string;
}

// "title: value", with the key as an editor writes it (no quotes, no flow syntax).
const fieldLine = /^(\s*)([^\s:#"'{}[\],&*!|>%@`-][^:#]*?):(?:\s+(.*))?$/;
// A line YAML may accept that is not a field: blank, comment, list item, or an indented continuation.
const otherLine = /^(\s*$|\s*#|\s*- |\s*-$|\s+\S)/;

/** The value written in quotes YAML reads as plain text: double quotes unless the value holds one. */
function quoted(value: string): string {
	return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

/** Whether a value that starts with a quote also ends it on the same line. */
function closesOnItsLine(value: string): boolean {
	const rest = value.slice(1);
	// Inside single quotes '' is an escaped quote; inside double quotes \" is.
	return value.startsWith("'") ? rest.replace(/''/g, '').includes("'") : rest.replace(/\\./g, '').includes('"');
}

function unclosedQuote(lines: string[]): YamlAdvice | undefined {
	for (const [index, line] of lines.entries()) {
		const value = fieldLine.exec(line)?.[3] ?? /^\s*-\s+(.*)$/.exec(line)?.[1];
		if (!value || !/^["']/.test(value) || closesOnItsLine(value)) continue;
		const key = fieldLine.exec(line)?.[2];
		const quote = value[0] ?? '"';
		const where = key ? `The value of "${key}"` : 'This list item';
		return {
			line: index + 1,
			...(key ? { field: key } : {}),
			message: `${where} opens a quote (${quote}) that is not closed on its line, so YAML reads the next lines as part of it.`,
			fix: `End the value with ${quote} on the same line: ${key ? `${key}: ` : '- '}${value.trimEnd()}${quote}`,
		};
	}
	return undefined;
}

function unquotedColon(line: string, lineNumber: number): YamlAdvice | undefined {
	const match = fieldLine.exec(line);
	const [, , key, value] = match ?? [];
	if (!key || !value || /^["']/.test(value) || !/:(\s|$)/.test(value)) return undefined;
	return {
		line: lineNumber,
		field: key,
		message: `The value of "${key}" contains ": ", which YAML reads as a new field.`,
		fix: `Put the value in quotes: ${key}: ${quoted(value.trim())}`,
	};
}

function duplicateField(lines: string[], lineNumber: number, linesBefore: number): YamlAdvice {
	const key = fieldLine.exec(lines[lineNumber - 1] ?? '')?.[2] ?? '';
	const first = lines.findIndex((line) => fieldLine.exec(line)?.[2] === key) + 1;
	return {
		line: lineNumber,
		field: key,
		message: `The field "${key}" is written twice${first > 0 && first < lineNumber ? ` (first on line ${first + linesBefore})` : ''}.`,
		fix: `Keep one "${key}" line and delete the other.`,
	};
}

/**
 * Explains the first YAML error of a text to an editor: the line the mistake is on (which is not always where the
 * parser noticed it) and how to fix it. `linesBefore` is the number of lines of the file above `text` (the "---" of a
 * frontmatter block), so that lines are those an editor sees in the file.
 */
export function adviseOnYamlError(text: string, error: YAMLError, lineCounter: LineCounter, linesBefore = 0): YamlAdvice {
	const advice = adviceAtYamlLine(text, error, lineCounter, linesBefore);
	return { ...advice, line: advice.line + linesBefore };
}

function adviceAtYamlLine(text: string, error: YAMLError, lineCounter: LineCounter, linesBefore: number): YamlAdvice {
	const lines = text.split(/\r?\n/);
	const lineNumber = lineCounter.linePos(error.pos[0]).line;
	const line = lines[lineNumber - 1] ?? '';
	if (error.code === 'TAB_AS_INDENT') {
		return {
			line: lineNumber,
			message: 'This line is indented with a tab; YAML only accepts spaces.',
			fix: 'Replace the tab at the start of the line with spaces, two for each level.',
		};
	}
	if (error.code === 'DUPLICATE_KEY') return duplicateField(lines, lineNumber, linesBefore);
	// An unclosed quote is noticed at the end of the text; the mistake is on the line that opens it.
	if (error.code === 'MISSING_CHAR' && error.message.includes('quote')) {
		const advice = unclosedQuote(lines);
		if (advice) return advice;
	}
	const colon = unquotedColon(line, lineNumber);
	if (colon) return colon;
	if (!fieldLine.test(line) && !otherLine.test(line)) {
		return {
			line: lineNumber,
			message: `This line is not a "field: value" line: "${line.trim()}".`,
			fix: 'Write it as "field: value", join it to the value of the line above, or delete it.',
		};
	}
	return {
		line: lineNumber,
		message: `The YAML cannot be read here (${error.message}).`,
		fix: 'Write each line as "field: value", indent with spaces only, and put values that contain ": ", " #" or quotes in quotes.',
	};
}

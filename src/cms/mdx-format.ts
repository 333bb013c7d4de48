import { Document, isCollection, isMap, isScalar, parseDocument, type ToStringOptions } from 'yaml';

/** Frontmatter as the CMS's form holds it: plain values by field name, the body under `body`. */
export type EntryData = Record<string, unknown> & { body?: string };

const opening = '---\n';

/** How a new or changed entry is written: one line per value (no folding), `[a, b]` for short lists. */
const stringOptions: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

/** A new article's blank line between the frontmatter and the text, as in the demo articles. */
const newGap = '\n';

/**
 * An article file's parts: the frontmatter text (between the `---` lines, ending with a newline), the blank lines
 * after it (Decap's editor drops them from the text, so they are kept apart) and the body.
 */
function splitFile(content: string): { frontmatter: string; gap: string; body: string } {
	const text = content.replace(/\r\n?/g, '\n');
	const match = text.startsWith(opening) ? /^---[ \t]*(\n|$)/m.exec(text.slice(opening.length)) : null;
	if (!match) return { frontmatter: '', gap: '', body: text };
	const rest = text.slice(opening.length + match.index + match[0].length);
	const gap = /^\n*/.exec(rest)?.[0] ?? '';
	return { frontmatter: text.slice(opening.length, opening.length + match.index), gap, body: rest.slice(gap.length) };
}

/** Reads an article file into the form's values, keeping everything before the body as it was under `originalKey`. */
export function parseArticleFile(content: string, originalKey: string): EntryData {
	const { frontmatter, gap, body } = splitFile(content);
	const values = (parseDocument(frontmatter).toJS() ?? {}) as Record<string, unknown>;
	return { ...values, [originalKey]: `${opening}${frontmatter}---\n${gap}`, body };
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Structural equality of YAML values (strings, numbers, booleans, lists and maps). */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => same(item, b[index]));
	if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const keysA = Object.keys(a).filter((key) => !isEmpty((a as Record<string, unknown>)[key]));
		const keysB = Object.keys(b).filter((key) => !isEmpty((b as Record<string, unknown>)[key]));
		return keysA.length === keysB.length && keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
	}
	return false;
}

/** One `key: value` entry as YAML text, a list of plain values in flow style (`[a, b]`) unless `flow` says otherwise. */
function entryText(key: string, value: unknown, flow?: boolean): string {
	const document = new Document({ [key]: value });
	const node = isMap(document.contents) ? document.contents.items[0]?.value : undefined;
	if (isCollection(node)) node.flow = flow ?? (Array.isArray(value) && value.every((item) => typeof item !== 'object'));
	return document.toString(stringOptions);
}

/** Where each top-level entry of the frontmatter starts (the start of its key's line), in order. */
function entryStarts(frontmatter: string): { key: string; start: number; flow: boolean }[] {
	const document = parseDocument(frontmatter);
	if (!isMap(document.contents)) return [];
	return document.contents.items.flatMap((pair) => {
		if (!isScalar(pair.key) || !pair.key.range) return [];
		const start = frontmatter.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
		return [{ key: String(pair.key.value), start, flow: isCollection(pair.value) && pair.value.flow === true }];
	});
}

/**
 * Writes the form's values back as an article file. Frontmatter entries whose value did not change keep their text
 * byte for byte (quotes, flow lists, comments); a changed entry is rewritten alone, a cleared one removed, a new one
 * added at the end. Entries the form does not show (`category`, `source`, unknown ones) are kept as they are. A new
 * article is written in the form's order, with a blank line before its text. The body is written as the editor left
 * it, after the blank lines the file had.
 */
export function serialiseArticleFile(data: EntryData, originalKey: string, formKeys: readonly string[]): string {
	const { body = '', [originalKey]: original, ...values } = data;
	const { frontmatter, gap } = typeof original === 'string' ? splitFile(original) : { frontmatter: '', gap: newGap };
	const before = (parseDocument(frontmatter).toJS() ?? {}) as Record<string, unknown>;
	const starts = entryStarts(frontmatter);
	const ends = starts.map((_, index) => starts[index + 1]?.start ?? frontmatter.length);
	let text = '';
	let copied = 0;
	starts.forEach((entry, index) => {
		const end = ends[index] ?? frontmatter.length;
		text += frontmatter.slice(copied, entry.start);
		copied = end;
		const shown = formKeys.includes(entry.key);
		const value = values[entry.key];
		if (!shown || same(before[entry.key], value)) text += frontmatter.slice(entry.start, end);
		else if (!isEmpty(value)) text += entryText(entry.key, value, entry.flow);
	});
	text += frontmatter.slice(copied);
	if (text !== '' && !text.endsWith('\n')) text += '\n';
	const added = [...formKeys, ...Object.keys(values)].filter((key, index, all) => all.indexOf(key) === index && !(key in before));
	for (const key of added) {
		const value = values[key];
		// A new article leaves out what it would set to the default: empty fields and switches left off.
		if (!isEmpty(value) && value !== false) text += entryText(key, value);
	}
	return `${opening}${text}---\n${gap}${body}`;
}

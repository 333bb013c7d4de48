/**
 * Rewrites the block syntax that documentation tools add to Markdown (GitBook's Liquid tags, Docusaurus and
 * MkDocs admonitions and tabs, MDX imports and components) into plain HTML blocks that CommonMark keeps and the
 * HTML-to-MDX converter understands: `<aside data-callout>`, `<div data-tabs>`, `<iframe>`. Fenced code is left
 * untouched. Works on lines, before the Markdown parser, because these blocks wrap Markdown of their own.
 */
import { posix } from 'node:path';
import { humanize } from './markdown-layout.ts';

/** Our three callout kinds. */
export type CalloutKind = 'note' | 'tip' | 'warning';

const calloutKinds: Record<string, CalloutKind> = {
	tip: 'tip',
	hint: 'tip',
	success: 'tip',
	check: 'tip',
	done: 'tip',
	warning: 'warning',
	caution: 'warning',
	danger: 'warning',
	error: 'warning',
	failure: 'warning',
	fail: 'warning',
	bug: 'warning',
	attention: 'warning',
};

/** The callout kind for a tool's admonition name (note, info, tip, success, warning, danger…). */
export function calloutKind(name: string): CalloutKind {
	return calloutKinds[name.toLowerCase()] ?? 'note';
}

/** Prefix of the custom elements MDX components become until the HTML tree is rewritten. */
export const componentPrefix = 'x-mdx-';

export interface SyntaxNotes {
	/** Liquid tags ({% name %}) that were removed because we do not know them. */
	unknownTags: string[];
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function attribute(text: string, name: string): string | undefined {
	return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s%}]+))`).exec(text)?.slice(1).find((value) => value !== undefined);
}

function callout(kind: CalloutKind, title?: string): string[] {
	return [`<aside data-callout="${kind}">`, '', ...(title ? [`**${title.replace(/\*/g, '\\*')}**`, ''] : [])];
}

/** Text for a Markdown link: brackets and backslashes escaped. */
const escapeLinkText = (text: string) => text.replace(/[\\[\]]/g, (char) => `\\${char}`);

/** The replacement lines for one Liquid tag standing alone on its line, or undefined to keep the line. */
function liquidTag(tag: string, notes: SyntaxNotes): string[] | undefined {
	const name = /^\s*([\w-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
	switch (name) {
		case 'hint':
			return callout(calloutKind(attribute(tag, 'style') ?? 'info'));
		case 'endhint':
			return ['', '</aside>', ''];
		case 'tabs':
			return ['<div data-tabs>', ''];
		case 'tab':
			return [`<div data-tab-title="${escapeAttribute(attribute(tag, 'title') ?? '')}">`, ''];
		case 'endtab':
		case 'endtabs':
			return ['', '</div>', ''];
		// GitBook's older link card to another page: a link to it, named after its file until the import resolves it.
		case 'page-ref': {
			const page = attribute(tag, 'page');
			return page ? ['', `[${escapeLinkText(humanize(posix.basename(page.split('#')[0] ?? page)))}](${page.replace(/[()\s]/g, encodeURIComponent)})`, ''] : [''];
		}
		case 'embed': {
			const url = attribute(tag, 'url');
			return url ? ['', `<iframe src="${escapeAttribute(url)}"></iframe>`, ''] : [''];
		}
		// Wrappers whose content stays as it is.
		case 'endembed':
		case 'code':
		case 'endcode':
		case 'raw':
		case 'endraw':
		case 'content-ref':
		case 'endcontent-ref':
		case 'stepper':
		case 'endstepper':
		case 'step':
		case 'endstep':
			return [''];
		default:
			notes.unknownTags.push(name || tag.trim());
			return [''];
	}
}

const wrapperTags = /\{%-?\s*(end)?(code|raw|content-ref)\b[^%]*-?%\}/g;

/**
 * `change` applied to the parts of a line outside its inline code spans: `{% if %}` in `` `{% if %} … {% endif %}` ``
 * is an example of a template language, written to be read as it is.
 */
function outsideInlineCode(line: string, change: (text: string) => string): string {
	let result = '';
	let at = 0;
	for (const open of line.matchAll(/`+/g)) {
		const start = open.index;
		if (start < at) continue;
		// A span closes at the next run of exactly as many backticks; an unclosed run is text.
		const close = new RegExp(`(?<!\`)${open[0]}(?!\`)`, 'g');
		close.lastIndex = start + open[0].length;
		const end = close.exec(line);
		if (!end) continue;
		result += change(line.slice(at, start)) + line.slice(start, end.index + open[0].length);
		at = end.index + open[0].length;
	}
	return result + change(line.slice(at));
}

/** Inline Liquid: wrappers removed, GitBook's known tags kept for the line pass, unknown ones removed and noted. */
function inlineLiquid(line: string, notes: SyntaxNotes): string {
	return outsideInlineCode(line, (text) => inlineLiquidText(text, notes));
}

function inlineLiquidText(line: string, notes: SyntaxNotes): string {
	return line.replace(wrapperTags, '').replace(/\{%-?\s*([\w-]+)[^%]*?-?%\}/g, (whole, name: string) => {
		if (/^(end)?(hint|tabs?|embed)$|^page-ref$/i.test(name)) return whole;
		// Jekyll's link tags become the path they name, for the link resolution to find the article.
		const path = /^\{%-?\s*link\s+(\S+)/.exec(whole)?.[1];
		if (name === 'link' && path) return `/${path.replace(/^\/+/, '')}`;
		const post = /^\{%-?\s*post_url\s+(\S+)/.exec(whole)?.[1];
		if (name === 'post_url' && post) return `/_posts/${post.replace(/^\/+/, '')}.md`;
		notes.unknownTags.push(name.toLowerCase());
		return '';
	}).replace(/\{\{\s*site\.(baseurl|url)\s*\}\}/g, '');
}

/** MDX: `import`/`export` lines go; components become custom elements (`<Tabs>` → `<x-mdx-tabs>`), comments go. */
function mdxLine(line: string): string {
	if (/^(import|export)\s/.test(line)) return '';
	return line
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/<(\/?)([A-Z][\w.]*)((?:\s+[^<>]*?)?)(\/?)>/g, (_whole, close: string, name: string, attributes: string, selfClosing: string) => {
			const element = `${componentPrefix}${name.toLowerCase().replace(/\./g, '-')}`;
			const cleaned = attributes.replace(/\s([\w-]+)=\{(["'`])([^]*?)\2\}/g, ' $1="$3"').replace(/\s[\w-]+=\{[^}]*\}/g, '');
			return selfClosing ? `<${element}${cleaned}></${element}>` : `<${close}${element}${close ? '' : cleaned}>`;
		});
}

/**
 * Rewrites the tool syntax of a Markdown or MDX text into HTML blocks; see the module comment.
 * Returns the new text and what was removed.
 */
export function rewriteToolSyntax(text: string, options: { mdx: boolean }): { text: string; notes: SyntaxNotes } {
	const notes: SyntaxNotes = { unknownTags: [] };
	const out: string[] = [];
	let fenceMarker: string | undefined;
	/** Open `:::` admonitions, by the length of their colon run. */
	const admonitions: number[] = [];
	/** Open MkDocs blocks (`!!! note`, `=== "Tab"`): the indentation of their content, and what closes them. */
	const indented: { indent: number; close: string[] }[] = [];
	let inTabs = false;

	for (const raw of text.split(/\r?\n/)) {
		let line = raw;
		if (fenceMarker) {
			out.push(dedent(line, indented));
			if (line.trim().startsWith(fenceMarker) && line.trim().replace(/[`~]/g, '') === '') fenceMarker = undefined;
			continue;
		}
		// Leaving MkDocs indented blocks whose content ended.
		const indent = /^ */.exec(line)?.[0].length ?? 0;
		while (line.trim() !== '' && indented.length > 0 && indent < (indented.at(-1)?.indent ?? 0)) {
			const block = indented.pop();
			out.push(...(block?.close ?? []));
			if (block?.close.includes('</div>') && !/^\s*===\s/.test(line)) {
				inTabs = false;
				out.push('', '</div>', '');
			}
		}
		const base = indented.at(-1)?.indent ?? 0;
		line = dedent(line, indented);
		const opening = fence.exec(line);
		if (opening?.[1]) {
			fenceMarker = opening[1];
			out.push(line);
			continue;
		}
		if (options.mdx) line = mdxLine(line);
		line = inlineLiquid(line, notes);

		const liquid = /^\s*\{%-?\s*(.*?)\s*-?%\}\s*$/.exec(line);
		const colons = /^\s*(:{3,})\s*([a-zA-Z]+)?(?:\[(.*)\]|\s+(.*))?\s*$/.exec(line);
		const mkdocs = /^(\s*)(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/.exec(line);
		const tab = /^(\s*)===\+?\s+"([^"]*)"\s*$/.exec(line);
		if (liquid?.[1] !== undefined) {
			const replacement = liquidTag(liquid[1], notes);
			if (replacement) {
				out.push(...replacement);
				continue;
			}
		}
		if (colons?.[1]) {
			const length = colons[1].length;
			if (colons[2]) {
				admonitions.push(length);
				out.push('', ...callout(calloutKind(colons[2]), colons[3] ?? colons[4]));
				continue;
			}
			if (admonitions.length > 0 && length >= (admonitions.at(-1) ?? 0)) {
				admonitions.pop();
				out.push('', '</aside>', '');
				continue;
			}
		}
		if (mkdocs?.[3]) {
			out.push('', ...callout(calloutKind(mkdocs[3]), mkdocs[4]));
			indented.push({ indent: base + (mkdocs[1]?.length ?? 0) + 4, close: ['', '</aside>', ''] });
			continue;
		}
		if (tab) {
			if (!inTabs) out.push('', '<div data-tabs>', '');
			inTabs = true;
			out.push(`<div data-tab-title="${escapeAttribute(tab[2] ?? '')}">`, '');
			indented.push({ indent: base + (tab[1]?.length ?? 0) + 4, close: ['', '</div>', ''] });
			continue;
		}
		// kramdown attribute lists on a line of their own.
		if (/^\s*\{:[^}]*\}\s*$/.test(line)) {
			out.push('');
			continue;
		}
		out.push(line);
	}
	while (indented.length > 0) out.push(...(indented.pop()?.close ?? []));
	if (inTabs) out.push('', '</div>', '');
	for (let index = 0; index < admonitions.length; index += 1) out.push('', '</aside>', '');
	return { text: out.join('\n'), notes };
}

function dedent(line: string, blocks: { indent: number }[]): string {
	const indent = blocks.at(-1)?.indent ?? 0;
	return indent > 0 && line.startsWith(' '.repeat(indent)) ? line.slice(indent) : indent > 0 && line.trim() === '' ? '' : line;
}

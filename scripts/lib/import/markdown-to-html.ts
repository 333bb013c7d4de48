/**
 * Markdown and MDX bodies to the HTML the importer converts: remark (GFM) → remark-rehype → rehype-raw, with the
 * tool syntax of markdown-syntax.ts, GitHub alerts (`> [!NOTE]`) as callouts, custom heading ids (`{#id}`),
 * kramdown attribute lists removed, MDX components (Docusaurus Tabs, Admonition) rewritten or unwrapped, and every
 * link and image address passed through `resolve` so that it points at what the importer can find.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Root as MdastRoot, RootContent as MdastContent, Text } from 'mdast';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { calloutKind, componentPrefix, rewriteToolSyntax } from './markdown-syntax.ts';

export interface MarkdownBody {
	html: string;
	/** The text of the first `#` heading when it opened the body; it is removed from the HTML. */
	heading?: string;
	/** Liquid tags removed because we do not know them. */
	unknownTags: string[];
	/** MDX components unwrapped to their content because we do not know them. */
	unknownComponents: string[];
}

export interface MarkdownOptions {
	mdx: boolean;
	/** The address to write for a link or image of the source, or undefined to keep it. */
	resolve?: (address: string, kind: 'link' | 'image') => string | undefined;
}

type MdastParent = { children: MdastContent[] };

function walkMdast(node: MdastRoot | MdastContent, visit: (node: MdastContent, parent: MdastParent) => void): void {
	if (!('children' in node)) return;
	for (const child of [...(node.children as MdastContent[])]) {
		visit(child, node as MdastParent);
		walkMdast(child, visit);
	}
}

const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?/i;
const headingId = /\s*\{#([\w.:-]+)\}\s*$/;
const attributeList = /\s*\{:?\s*[.#][\w-]+(?:\s+[.#][\w-]+)*\s*\}|\s*\{:[^}]*\}/g;

/** GitHub alerts, heading ids and attribute lists, on the Markdown tree. */
function markdownSyntax(tree: MdastRoot): void {
	// Headings get the ids GitHub, GitBook and Docusaurus give them, so that the pages' anchors keep working.
	const slugger = new GithubSlugger();
	walkMdast(tree, (node) => {
		if (node.type === 'blockquote') {
			const first = node.children[0];
			const text = first?.type === 'paragraph' ? first.children[0] : undefined;
			const match = text?.type === 'text' ? alert.exec(text.value) : null;
			if (first?.type === 'paragraph' && text?.type === 'text' && match?.[1]) {
				text.value = text.value.slice(match[0].length);
				if (text.value === '') first.children.shift();
				if (first.children[0]?.type === 'break') first.children.shift();
				if (first.children.length === 0) node.children.shift();
				node.data = { ...node.data, hName: 'aside', hProperties: { dataCallout: calloutKind(match[1]) } };
			}
		}
		if (node.type === 'heading') {
			const last = node.children.at(-1);
			const id = last?.type === 'text' ? headingId.exec(last.value) : null;
			if (last?.type === 'text' && id?.[1]) {
				last.value = last.value.slice(0, id.index);
				node.data = { ...node.data, hProperties: { id: id[1] } };
			} else {
				node.data = { ...node.data, hProperties: { id: slugger.slug(toString(node).replace(attributeList, '')) } };
			}
		}
		if (node.type === 'text') (node as Text).value = (node as Text).value.replace(attributeList, '');
	});
}

type HastParent = { children: (HastContent | ElementContent)[] };

function walkHast(parent: HastRoot | Element, visit: (node: Element, parent: HastParent, index: number) => number | void): void {
	for (let index = 0; index < parent.children.length; index += 1) {
		const child = parent.children[index];
		if (child?.type !== 'element') continue;
		const next = visit(child, parent as HastParent, index);
		if (typeof next === 'number') {
			index = next - 1;
			continue;
		}
		walkHast(child.content ?? child, visit);
	}
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value : undefined;
}

/** MDX components (custom elements by now) and addresses, on the HTML tree. */
function htmlSyntax(tree: HastRoot, options: MarkdownOptions, unknownComponents: string[]): void {
	walkHast(tree, (node, parent, index) => {
		if (node.tagName.startsWith(componentPrefix)) {
			const name = node.tagName.slice(componentPrefix.length);
			const props = node.properties;
			if (name === 'tabs') {
				node.tagName = 'div';
				node.properties = { dataTabs: '' };
			} else if (name === 'tabitem') {
				node.tagName = 'div';
				node.properties = { dataTabTitle: text(props['label']) ?? text(props['value']) ?? '' };
			} else if (name === 'admonition') {
				node.tagName = 'aside';
				node.properties = { dataCallout: calloutKind(text(props['type']) ?? 'note') };
			} else {
				unknownComponents.push(name);
				parent.children.splice(index, 1, ...node.children);
				return index;
			}
		}
		if (options.resolve) {
			for (const [property, kind] of [['href', 'link'], ['src', node.tagName === 'img' ? 'image' : 'link']] as const) {
				const address = node.properties[property];
				if (typeof address !== 'string' || address === '') continue;
				const resolved = options.resolve(address, kind);
				if (resolved !== undefined) node.properties[property] = resolved;
			}
		}
		return undefined;
	});
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify);

/** Converts one Markdown or MDX body (front matter removed) to HTML; see the module comment. */
export function markdownToHtml(body: string, options: MarkdownOptions): MarkdownBody {
	const rewritten = rewriteToolSyntax(body, options);
	const mdast = processor.parse(rewritten.text);
	markdownSyntax(mdast);
	let heading: string | undefined;
	const first = mdast.children.find((node) => node.type !== 'html' || !/^<!--[\s\S]*-->$/.test(node.value.trim()));
	if (first?.type === 'heading' && (first as Heading).depth === 1) {
		heading = toString(first).trim();
		mdast.children.splice(mdast.children.indexOf(first), 1);
	}
	const hast = processor.runSync(mdast) as HastRoot;
	const unknownComponents: string[] = [];
	htmlSyntax(hast, options, unknownComponents);
	return { html: processor.stringify(hast), ...(heading ? { heading } : {}), unknownTags: rewritten.notes.unknownTags, unknownComponents };
}

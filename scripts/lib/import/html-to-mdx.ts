import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Link, Paragraph, PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { toVideoEmbed } from '../../../src/utils/video-embed.ts';
import { altFromFileName, collapseSpace } from './text.ts';

/** What the conversion needs to know about the world outside the HTML. */
export interface ConvertContext {
	/** Local address and alt text of an image, or null when it could not be had (the image is then removed). */
	image(src: string): { url: string; alt?: string } | null;
	/** New address of a link; null removes the link and keeps its text; undefined keeps it as it is. */
	link(href: string): string | null | undefined;
	/** Title for a video embed that has none (the article's title). */
	videoTitle: string;
	/** Files attached to the article, listed at the end under `heading`. */
	attachments?: { heading: string; links: { text: string; url: string }[] };
}

/** What the conversion changed or dropped, for the import report. */
export interface ConvertNotes {
	scripts: number;
	/** Inline event handler attributes removed (onclick, onload…). */
	handlers: string[];
	/** Links with a javascript: address, unlinked. */
	scriptLinks: number;
	/** Embedded frames that are not YouTube or Vimeo videos, replaced by a link. */
	embedsReplaced: string[];
	/** Images without alt text that got one from their file name. */
	altGenerated: { src: string; alt: string }[];
	/** Links to a #heading that does not exist in the converted article, unlinked. */
	anchorsRemoved: string[];
}

export interface Conversion {
	mdx: string;
	/** Plain text of the paragraphs, in order, to write a description from. */
	paragraphs: string[];
	notes: ConvertNotes;
}

const dropped = new Set(['script', 'style', 'noscript', 'template', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea']);

// Built once: setting up a processor costs more than converting a typical article.
const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Parses an HTML fragment (an article body). */
export function parseHtml(html: string): HastRoot {
	return htmlParser.parse(html);
}

function walkElements(node: HastRoot | Element, visit: (element: Element, parent: HastRoot | Element, index: number) => void): void {
	// Iterate over a copy: visitors may remove or replace the current child.
	for (const [index, child] of [...node.children].entries()) {
		if (child.type !== 'element') continue;
		visit(child, node, index);
		walkElements(child, visit);
	}
}

/** Every image address and every link address in the body, so media can be fetched before conversion. */
export function collectReferences(tree: HastRoot): { images: string[]; links: string[] } {
	const images: string[] = [];
	const links: string[] = [];
	walkElements(tree, (element) => {
		const src = element.properties['src'];
		const href = element.properties['href'];
		if (element.tagName === 'img' && typeof src === 'string' && src.trim()) images.push(src.trim());
		if (element.tagName === 'a' && typeof href === 'string' && href.trim()) links.push(href.trim());
	});
	return { images, links };
}

function text(value: string): ElementContent {
	return { type: 'text', value };
}

/** Removes scripts, event handlers and javascript: links; resolves images, links and embeds. Mutates `tree`. */
function cleanHtml(tree: HastRoot, context: ConvertContext, notes: ConvertNotes): void {
	const removals: [HastRoot | Element, Element][] = [];
	const replacements: [HastRoot | Element, Element, (HastContent | ElementContent)[]][] = [];
	walkElements(tree, (element, parent) => {
		if (dropped.has(element.tagName)) {
			if (element.tagName === 'script') notes.scripts += 1;
			removals.push([parent, element]);
			element.children = [];
			return;
		}
		for (const name of Object.keys(element.properties)) {
			if (/^on[a-z]/i.test(name)) {
				notes.handlers.push(name.toLowerCase());
				delete element.properties[name];
			}
		}
		if (element.tagName === 'a') {
			const href = element.properties['href'];
			if (typeof href !== 'string') return;
			if (/^\s*javascript:/i.test(href)) {
				notes.scriptLinks += 1;
				delete element.properties['href'];
				return;
			}
			const target = context.link(href.trim());
			if (target === null) delete element.properties['href'];
			else if (target !== undefined) element.properties['href'] = target;
			return;
		}
		if (element.tagName === 'img') {
			const src = typeof element.properties['src'] === 'string' ? element.properties['src'].trim() : '';
			const resolved = src ? context.image(src) : null;
			if (!resolved) {
				removals.push([parent, element]);
				return;
			}
			element.properties['src'] = resolved.url;
			const alt = collapseSpace(String(element.properties['alt'] ?? ''));
			if (!alt) {
				const generated = resolved.alt ?? altFromFileName(src.split(/[?#]/)[0] ?? src);
				element.properties['alt'] = generated;
				notes.altGenerated.push({ src, alt: generated });
			}
			return;
		}
		if (element.tagName === 'iframe') {
			const src = typeof element.properties['src'] === 'string' ? element.properties['src'].trim() : '';
			const title = collapseSpace(String(element.properties['title'] ?? ''));
			const video = toVideoEmbed(src);
			if (video) {
				element.properties = { src: video.watchUrl, title: title || context.videoTitle };
				element.children = [];
				return;
			}
			if (!src || !/^(https?:)?\/\//i.test(src)) {
				removals.push([parent, element]);
				return;
			}
			notes.embedsReplaced.push(src);
			const href = src.startsWith('//') ? `https:${src}` : src;
			replacements.push([parent, element, [{ type: 'element', tagName: 'a', properties: { href }, children: [text(title || href)] }]]);
		}
	});
	for (const [parent, element] of removals) {
		const index = parent.children.indexOf(element);
		if (index >= 0) parent.children.splice(index, 1);
	}
	for (const [parent, element, content] of replacements) {
		const index = parent.children.indexOf(element);
		if (index >= 0) parent.children.splice(index, 1, ...(content as ElementContent[]));
	}
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Video frames become our MDX component; the html node is written as it is. */
const handlers: NonNullable<RehypeRemarkOptions['handlers']> = {
	iframe(_state, element) {
		const src = String(element.properties['src'] ?? '');
		const title = String(element.properties['title'] ?? '');
		return { type: 'html', value: `<Video src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" />` };
	},
};

type MdastParent = { children: MdastContent[] };

function plainText(node: MdastContent | MdastRoot): string {
	if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
	if (node.type === 'image') return node.alt ?? '';
	if ('children' in node) return (node.children as MdastContent[]).map(plainText).join('');
	if (node.type === 'break') return ' ';
	return '';
}

function isVideo(node: MdastContent): boolean {
	return node.type === 'html' && node.value.startsWith('<Video ');
}

function walkMdast(parent: MdastParent, visit: (node: MdastContent, parent: MdastParent) => void): void {
	for (const child of [...parent.children]) {
		visit(child, parent);
		if ('children' in child) walkMdast(child as MdastParent, visit);
	}
}

/** Trims the white space a split left at the start and the end of a paragraph. */
function trimParagraph(paragraph: Paragraph): Paragraph {
	const first = paragraph.children[0];
	const last = paragraph.children.at(-1);
	if (first?.type === 'text') first.value = first.value.trimStart();
	if (last?.type === 'text') last.value = last.value.trimEnd();
	return paragraph;
}

/** Moves video components out of paragraphs so each stands on its own line (a block, not inline text). */
function liftVideos(parent: MdastParent): void {
	const children: MdastContent[] = [];
	for (const child of parent.children) {
		if (child.type === 'paragraph' && child.children.some((node) => isVideo(node as MdastContent))) {
			let current: PhrasingContent[] = [];
			const flush = () => {
				if (current.some((node) => plainText(node as MdastContent).trim() || node.type === 'image')) {
					children.push(trimParagraph({ type: 'paragraph', children: current }));
				}
				current = [];
			};
			for (const node of child.children) {
				if (isVideo(node as MdastContent)) {
					flush();
					children.push(node as MdastContent);
				} else current.push(node);
			}
			flush();
			continue;
		}
		if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') liftVideos(child as MdastParent);
		children.push(child);
	}
	parent.children = children;
}

/** Removes headings and paragraphs left empty once scripts, images or frames were taken out. */
function dropEmpty(parent: MdastParent): void {
	parent.children = parent.children.filter((child) => {
		if (child.type !== 'paragraph' && child.type !== 'heading') return true;
		return child.children.some((node) => node.type === 'image' || isVideo(node as MdastContent) || plainText(node as MdastContent).trim());
	});
	for (const child of parent.children) if ('children' in child && child.type !== 'paragraph') dropEmpty(child as MdastParent);
}

/** The page title is the only h1: the body's headings start at h2, keeping their relative levels. */
function shiftHeadings(tree: MdastRoot): Heading[] {
	const headings: Heading[] = [];
	walkMdast(tree, (node) => {
		if (node.type === 'heading') headings.push(node);
	});
	if (headings.length === 0) return headings;
	const shift = 2 - Math.min(...headings.map((heading) => heading.depth));
	for (const heading of headings) heading.depth = Math.min(6, Math.max(2, heading.depth + shift)) as Heading['depth'];
	return headings;
}

function unlink(tree: MdastRoot, keep: (link: Link) => boolean): void {
	walkMdast(tree, (node, parent) => {
		if (node.type !== 'link' || keep(node)) return;
		const index = parent.children.indexOf(node);
		parent.children.splice(index, 1, ...(node.children as MdastContent[]));
	});
}

const stringifyOptions: StringifyOptions = {
	bullet: '-',
	listItemIndent: 'one',
	rule: '-',
	// MDX has no <https://…> autolinks: always write [text](url).
	resourceLink: true,
	// In MDX, "{" starts an expression and "<" a component: escape them wherever text is written.
	// A line starting with "import " or "export " would be read as JavaScript: write its first letter as a reference.
	unsafe: [
		{ character: '{' },
		{ character: '}' },
		{ character: '<' },
		{ character: 'i', atBreak: true, after: 'mport\\s' },
		{ character: 'e', atBreak: true, after: 'xport\\s' },
	],
};

const toMdast = unified().use(rehypeRemark, { handlers }).freeze();
const toMarkdown = unified().use(remarkStringify, stringifyOptions).use(remarkGfm).freeze();

/**
 * Turns an article's HTML into MDX: headings shifted under the title, links and images resolved through
 * `context`, YouTube and Vimeo frames as <Video />, scripts and event handlers removed (and counted).
 */
export function htmlToMdx(html: string, context: ConvertContext): Conversion {
	const notes: ConvertNotes = { scripts: 0, handlers: [], scriptLinks: 0, embedsReplaced: [], altGenerated: [], anchorsRemoved: [] };
	const hast = parseHtml(html);
	cleanHtml(hast, context, notes);
	const mdast = toMdast.runSync(hast) as MdastRoot;
	liftVideos(mdast);
	dropEmpty(mdast);
	unlink(mdast, (link) => Boolean(link.url));
	const headings = shiftHeadings(mdast);

	const slugger = new GithubSlugger();
	const anchors = new Set(headings.map((heading) => slugger.slug(plainText(heading))));
	unlink(mdast, (link) => {
		if (!link.url.startsWith('#')) return true;
		const anchor = decodeURIComponent(link.url.slice(1));
		if (anchors.has(anchor)) return true;
		notes.anchorsRemoved.push(link.url);
		return false;
	});

	const paragraphs: string[] = [];
	walkMdast(mdast, (node) => {
		if (node.type === 'paragraph') paragraphs.push(collapseSpace(plainText(node)));
	});
	if (context.attachments && context.attachments.links.length > 0) {
		mdast.children.push(
			{ type: 'heading', depth: 2, children: [{ type: 'text', value: context.attachments.heading }] },
			{
				type: 'list',
				ordered: false,
				spread: false,
				children: context.attachments.links.map((link) => ({
					type: 'listItem',
					spread: false,
					children: [{ type: 'paragraph', children: [{ type: 'link', url: link.url, children: [{ type: 'text', value: link.text }] }] }],
				})),
			},
		);
	}

	const mdx = toMarkdown.stringify(mdast);
	return { mdx: mdx.trim() ? `${mdx.trimEnd()}\n` : '', paragraphs: paragraphs.filter(Boolean), notes };
}

import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { BlockContent, DefinitionContent, Heading, Link, Paragraph, PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { parseArticleBodyLeniently } from '../../../src/content-checks/parse-article.ts';
import { pageAnchors } from '../../../src/utils/page-anchors.ts';
import { toVideoEmbed } from '../../../src/utils/video-embed.ts';
import { removeComments, stringProperty } from './hast-helpers.ts';
import { anchorProperty, fragmentOf, keepLinkedAnchors } from './html-anchors.ts';
import { calloutTag, cellBreakTag, mediaLinkTag, normalizeBlocks } from './html-blocks.ts';
import { footnoteRefTag, footnoteTag, normalizeFootnotes } from './html-footnotes.ts';
import { altFromFileName, collapseSpace } from './text.ts';

/** What the conversion needs to know about the world outside the HTML. */
export interface ConvertContext {
	/** Local address and alt text of an image, or null when it could not be had (the image is then removed). */
	image(src: string): { url: string; alt?: string } | null;
	/** New address of a link; null removes the link and keeps its text; undefined keeps it as it is. */
	link(href: string): string | null | undefined;
	/** Title for a video embed that has none (the article's title). */
	videoTitle: string;
	/**
	 * Fragments that links of the other articles of the import point to (`returns` of `/hc/…/123#returns`): the
	 * elements with these ids keep an anchor, so those links still land where they did.
	 */
	anchorTargets?: ReadonlySet<string>;
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
	/** Links to a #part of the article that exists neither as a heading nor as an anchor, unlinked. */
	anchorsRemoved: string[];
}

export interface Conversion {
	mdx: string;
	/** Plain text of the paragraphs, in order, to write a description from. */
	paragraphs: string[];
	/** The ids of the page's headings and anchors, for links from other articles. */
	anchors: ReadonlySet<string>;
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
		if (element.tagName === mediaLinkTag) mediaToLinkOrFrame(element);
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

/** An audio or video file: a video platform's address plays in <Video />, any other file is a link to it. */
function mediaToLinkOrFrame(element: Element): void {
	const src = stringProperty(element, 'src');
	const title = stringProperty(element, 'title');
	if (toVideoEmbed(src)) {
		element.tagName = 'iframe';
		return;
	}
	const name = decodeURIComponent(src.split(/[?#]/)[0]?.split('/').pop() ?? '') || src;
	element.tagName = 'a';
	element.properties = { href: src };
	element.children = [text(title || name)];
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Our components and what Markdown writes its own way: video frames, callouts, anchors, footnotes, line breaks in
 * table cells. An html node is written as it is.
 */
const handlers: NonNullable<RehypeRemarkOptions['handlers']> = {
	iframe(_state, element) {
		const src = String(element.properties['src'] ?? '');
		const title = String(element.properties['title'] ?? '');
		return { type: 'html', value: `<Video src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" />` };
	},
	[calloutTag](state, element) {
		// The component's content is Markdown between its tags, set apart by blank lines, so lists and code stay blocks.
		const type = stringProperty(element, 'type');
		return [{ type: 'html', value: `<Callout type="${escapeAttribute(type)}">` }, ...(state.toFlow(state.all(element)) as BlockContent[]), { type: 'html', value: '</Callout>' }];
	},
	span(state, element) {
		const anchor = stringProperty(element, anchorProperty);
		// hName marks it as a phrasing element, so it stays in its line instead of becoming a block of its own.
		return anchor ? { type: 'html', value: `<a id="${escapeAttribute(anchor)}"></a>`, data: { hName: 'a' } } : state.all(element);
	},
	[cellBreakTag]() {
		return { type: 'html', value: '<br />' };
	},
	[footnoteRefTag](_state, element) {
		const label = stringProperty(element, 'label');
		return { type: 'footnoteReference', identifier: label, label };
	},
	[footnoteTag](state, element) {
		const label = stringProperty(element, 'label');
		return { type: 'footnoteDefinition', identifier: label, label, children: state.toFlow(state.all(element)) as (BlockContent | DefinitionContent)[] };
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

/** An anchor, video or other component the conversion wrote: a paragraph holding one is not empty. */
function isWritten(node: MdastContent): boolean {
	return node.type === 'html';
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
		return child.children.some((node) => node.type === 'image' || isWritten(node as MdastContent) || plainText(node as MdastContent).trim());
	});
	for (const child of parent.children) if ('children' in child && child.type !== 'paragraph') dropEmpty(child as MdastParent);
}

/** The rule Word draws above its footnotes: Markdown puts footnotes under a rule of its own. */
function dropRuleBeforeFootnotes(tree: MdastRoot): void {
	const last = tree.children.findLastIndex((node) => node.type !== 'footnoteDefinition');
	if (last >= 0 && tree.children[last]?.type === 'thematicBreak' && last < tree.children.length - 1) tree.children.splice(last, 1);
}

/** The page title is the only h1: the body's headings start at h2, keeping their relative levels. */
function shiftHeadings(tree: MdastRoot): void {
	const headings: Heading[] = [];
	walkMdast(tree, (node) => {
		if (node.type === 'heading') headings.push(node);
	});
	if (headings.length === 0) return;
	const shift = 2 - Math.min(...headings.map((heading) => heading.depth));
	for (const heading of headings) heading.depth = Math.min(6, Math.max(2, heading.depth + shift)) as Heading['depth'];
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

/** Links within the article (`#part`), as their decoded fragments. */
function inPageTargets(tree: HastRoot): Set<string> {
	const targets = new Set<string>();
	walkElements(tree, (element) => {
		const href = element.tagName === 'a' ? stringProperty(element, 'href') : '';
		if (href.startsWith('#')) targets.add(fragmentOf(href));
	});
	return targets;
}

/** An id with only its letters and digits, to recognise one made by other slug rules. */
function looseKey(id: string): string {
	return id.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The anchor of a page a link's fragment means: the same id, or the one that differs only by punctuation (another
 * help center made its ids with other rules: "plc-ide-(legacy)", "ser_open"); undefined when there is none.
 */
export function findAnchor(fragment: string, anchors: Iterable<string>): string | undefined {
	const all = [...anchors];
	if (all.includes(fragment)) return fragment;
	const key = looseKey(fragment);
	return key ? all.find((id) => looseKey(id) === key) : undefined;
}

/** The anchors the page of this MDX will have, read as the check and the build read it. */
function anchorsOf(mdx: string): { headings: Set<string>; ids: Set<string> } {
	const { headings, ids } = pageAnchors(parseArticleBodyLeniently(mdx, 'mdx'));
	return { headings: new Set(headings.map((heading) => heading.id)), ids };
}

const anchorHtml = /^<a id="([^"]*)"><\/a>$/;

/**
 * Turns an article's HTML into MDX: headings shifted under the title, links and images resolved through
 * `context`, YouTube and Vimeo frames as <Video />, callouts as <Callout>, footnotes as Markdown footnotes, tab sets
 * and layout tables as plain blocks, linked ids as anchors, scripts, event handlers and comments removed (and counted).
 */
export function htmlToMdx(html: string, context: ConvertContext): Conversion {
	const notes: ConvertNotes = { scripts: 0, handlers: [], scriptLinks: 0, embedsReplaced: [], altGenerated: [], anchorsRemoved: [] };
	const hast = parseHtml(html);
	removeComments(hast);
	normalizeFootnotes(hast);
	normalizeBlocks(hast);
	keepLinkedAnchors(hast, new Set([...inPageTargets(hast), ...(context.anchorTargets ?? [])]));
	cleanHtml(hast, context, notes);
	const mdast = toMdast.runSync(hast) as MdastRoot;
	liftVideos(mdast);
	dropEmpty(mdast);
	dropRuleBeforeFootnotes(mdast);
	unlink(mdast, (link) => Boolean(link.url));
	shiftHeadings(mdast);

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

	// Heading ids are only known once written (smart punctuation, duplicates): read them from the MDX itself, then
	// drop anchors a heading already provides and unlink what points nowhere.
	let mdx = toMarkdown.stringify(mdast);
	const anchors = anchorsOf(mdx);
	let changed = false;
	walkMdast(mdast, (node, parent) => {
		const id = node.type === 'html' ? anchorHtml.exec(node.value)?.[1] : undefined;
		if (id !== undefined && anchors.headings.has(id)) {
			parent.children.splice(parent.children.indexOf(node), 1);
			changed = true;
		}
	});
	if (changed) dropEmpty(mdast);
	unlink(mdast, (link) => {
		if (!link.url.startsWith('#')) return true;
		const fragment = fragmentOf(link.url);
		const meant = findAnchor(fragment, anchors.ids);
		if (meant === fragment) return true;
		if (meant) {
			link.url = `#${meant}`;
			changed = true;
			return true;
		}
		notes.anchorsRemoved.push(link.url);
		changed = true;
		return false;
	});
	if (changed) mdx = toMarkdown.stringify(mdast);
	return { mdx: mdx.trim() ? `${mdx.trimEnd()}\n` : '', paragraphs: paragraphs.filter(Boolean), anchors: anchors.ids, notes };
}

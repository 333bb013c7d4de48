import type { Element, ElementContent } from 'hast';
import { blockTags, classesOf, eachElement, type HastParent, marker, replaceElement, stringProperty, textOf } from './hast-helpers.ts';

/** The callout types of our <Callout> component. */
export type CalloutType = 'note' | 'tip' | 'warning';

/** Tag of the element that becomes `<Callout type="…">` (handled in html-to-mdx.ts). */
export const calloutTag = 'x-callout';

// The kinds other help centers and generators use, as the three our readers see.
const calloutKinds: Record<string, CalloutType> = {
	note: 'note',
	info: 'note',
	information: 'note',
	remarque: 'note',
	abstract: 'note',
	summary: 'note',
	example: 'note',
	question: 'note',
	secondary: 'note',
	primary: 'note',
	tip: 'tip',
	tips: 'tip',
	hint: 'tip',
	success: 'tip',
	check: 'tip',
	astuce: 'tip',
	conseil: 'tip',
	important: 'warning',
	warning: 'warning',
	warn: 'warning',
	caution: 'warning',
	danger: 'warning',
	error: 'warning',
	attention: 'warning',
	avertissement: 'warning',
	alert: 'warning',
};

/**
 * The callout type of a box, from the shapes help centers write them in: our Markdown reader's
 * `<aside data-callout>`, GitHub's rendered alerts (`markdown-alert-note`), Docusaurus (`theme-admonition-tip`,
 * `admonition-warning`), MkDocs (`admonition note`), and the class families of help center themes and wysiwyg
 * editors (`callout callout-warning`, `alert alert-info`, `notice notice-tip`, `note-box`).
 */
function boxType(element: Element): CalloutType | undefined {
	const declared = stringProperty(element, 'dataCallout').toLowerCase();
	if (declared) return calloutKinds[declared] ?? 'note';
	if (!['div', 'aside', 'section', 'blockquote', 'p'].includes(element.tagName)) return undefined;
	const classes = classesOf(element).map((name) => name.toLowerCase());
	for (const name of classes) {
		const match = /^(?:markdown-alert|theme-admonition|admonition|callout|alert|notice|notification|note|panel|box|message)[-_]{1,2}([a-z]+)$/.exec(name);
		const kind = match?.[1] ? calloutKinds[match[1]] : undefined;
		if (kind) return kind;
		const suffix = /^([a-z]+)[-_](?:box|callout|block|panel)$/.exec(name);
		const suffixKind = suffix?.[1] ? calloutKinds[suffix[1]] : undefined;
		if (suffixKind) return suffixKind;
	}
	if (classes.some((name) => ['admonition', 'callout', 'markdown-alert'].includes(name))) {
		return classes.map((name) => calloutKinds[name]).find(Boolean) ?? 'note';
	}
	return undefined;
}

// Docusaurus adds a CSS-module hash to its class names (admonitionHeading_Gvgb).
const titleClasses = /^(markdown-alert-title|admonition-?heading|admonition-title|callout-title|alert-heading|notice-title)(_[\w-]+)?$/i;

/** The title a box shows above its text; the source's own word for the type ("Note") is dropped, our label shows it. */
function takeTitle(element: Element): string | undefined {
	for (const [index, child] of element.children.entries()) {
		if (child.type !== 'element') continue;
		if (!classesOf(child).some((name) => titleClasses.test(name))) return undefined;
		element.children.splice(index, 1);
		const title = textOf(child).replace(/\s+/g, ' ').trim();
		return calloutKinds[title.toLowerCase()] ? undefined : title || undefined;
	}
	return undefined;
}

// Only words that label a remark: a quote opening with "Error:" quotes a message.
const quoteLabels = new Set(['note', 'info', 'tip', 'hint', 'important', 'warning', 'caution', 'danger', 'remarque', 'astuce', 'conseil', 'attention', 'avertissement']);

// "Note:", "**Tip:**", "Remarque :", "[!WARNING]" at the start of a quote.
const leadingLabel = /^\s*(?:\[!([a-z]+)\]|([a-zà-ü]+)\s*:)\s*/i;

/** A quote opening with a label ("Note:", "Remarque :", GitHub's "[!NOTE]") is a callout: the label goes, the text stays. */
function quoteType(element: Element): CalloutType | undefined {
	if (element.tagName !== 'blockquote') return undefined;
	let container: Element = element;
	for (;;) {
		const first = container.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()));
		if (first?.type !== 'element' || !['p', 'strong', 'b', 'em', 'span'].includes(first.tagName)) break;
		container = first;
		if (first.tagName !== 'p') break;
	}
	// The label is the start of the first paragraph's text, possibly inside bold: "**Note:** text" or "**Note**: text".
	const paragraph = container.tagName === 'p' ? container : element;
	const lead = textOf(paragraph).slice(0, 40);
	const match = leadingLabel.exec(lead);
	const word = (match?.[1] ?? match?.[2] ?? '').toLowerCase();
	const kind = quoteLabels.has(word) ? calloutKinds[word] : undefined;
	if (!match || !kind) return undefined;
	stripLeading(paragraph, match[0].length);
	return kind;
}

/** Removes the first `count` characters of text from an element, and the inline elements this leaves empty. */
function stripLeading(element: Element, count: number): number {
	let left = count;
	for (const child of [...element.children]) {
		if (left <= 0) break;
		if (child.type === 'text') {
			const taken = Math.min(left, child.value.length);
			child.value = child.value.slice(taken);
			left -= taken;
		} else if (child.type === 'element') {
			left = stripLeading(child, left);
		}
		if ((child.type === 'text' && !child.value) || (child.type === 'element' && child.tagName !== 'img' && !textOf(child).trim() && child.children.every((node) => node.type !== 'element'))) {
			element.children.splice(element.children.indexOf(child), 1);
		}
	}
	return left;
}

/** Turns a box into the callout element in place, so the walk goes on inside it. */
function toCallout(element: Element, type: CalloutType, title: string | undefined): void {
	element.tagName = calloutTag;
	element.properties = { type };
	if (title) element.children.unshift(marker('p', {}, [marker('strong', {}, [{ type: 'text', value: title }])]));
}

/** Tab sets become their panels one after the other, each under its title in bold: readable without a tabs component. */
function untab(element: Element): ElementContent[] | undefined {
	const titled = element.children.filter((child): child is Element => child.type === 'element' && stringProperty(child, 'dataTabTitle') !== '');
	if (element.properties['dataTabs'] !== undefined && titled.length > 0) {
		return titled.flatMap((tab) => [marker('p', {}, [marker('strong', {}, [{ type: 'text', value: stringProperty(tab, 'dataTabTitle') }])]), ...tab.children]);
	}
	// The ARIA shape most rendered tabs share (Docusaurus, Bootstrap, GitBook): a tab list, then one panel per tab;
	// MkDocs Material's `tabbed-set`: a label per tab, then a `tabbed-block` per panel.
	const tabs: string[] = [];
	const panels: Element[] = [];
	const mkdocs = classesOf(element).includes('tabbed-set');
	eachElement(element, (child) => {
		const role = stringProperty(child, 'role');
		if (role === 'tab' || (mkdocs && child.tagName === 'label')) tabs.push(textOf(child).replace(/\s+/g, ' ').trim());
		else if (role === 'tabpanel' || (mkdocs && classesOf(child).includes('tabbed-block'))) panels.push(child);
	});
	if (tabs.length === 0 || tabs.length !== panels.length) return undefined;
	return panels.flatMap((panel, index) => [marker('p', {}, [marker('strong', {}, [{ type: 'text', value: tabs[index] ?? '' }])]), ...panel.children]);
}

const layoutContent = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'pre', 'blockquote', 'table', 'hr', 'figure', 'iframe', 'video']);

/** A table holding headings, lists, code or several blocks in a cell lays a page out; it holds no data. */
function isLayoutTable(table: Element): boolean {
	let layout = false;
	eachElement(table, (cell) => {
		if (layout || (cell.tagName !== 'td' && cell.tagName !== 'th')) return;
		let blocks = 0;
		eachElement(cell, (inner) => {
			if (layoutContent.has(inner.tagName)) layout = true;
			if (blockTags.has(inner.tagName)) blocks += 1;
		});
		if (blocks > 1) layout = true;
	});
	return layout;
}

/** The cells of a layout table, in reading order, each cell's content as its own block. */
function unwrapTable(table: Element): ElementContent[] {
	const content: ElementContent[] = [];
	eachElement(table, (cell) => {
		if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
		const hasBlocks = cell.children.some((child) => child.type === 'element' && blockTags.has(child.tagName));
		content.push(hasBlocks ? marker('div', {}, cell.children) : marker('p', {}, cell.children));
		cell.children = [];
	});
	return content;
}

/** Tag of a line break inside a table cell, written `<br />` (a Markdown cell is one line). */
export const cellBreakTag = 'x-cell-break';

/** Line breaks and paragraphs inside the cells of a data table, which GFM writes on one line. */
function flattenCells(table: Element): void {
	eachElement(table, (cell) => {
		if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
		eachElement(cell, (inner, parent) => {
			if (inner.tagName === 'br') replaceElement(parent, inner, [marker(cellBreakTag, {})]);
		});
		const paragraphs = cell.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'p' || child.tagName === 'div'));
		if (paragraphs.length > 0) {
			cell.children = cell.children.flatMap((child, index) => {
				if (child.type !== 'element' || !paragraphs.includes(child)) return [child];
				return index > 0 && textOf(cell).trim() ? [marker(cellBreakTag, {}), ...child.children] : child.children;
			});
		}
	});
}

const phrasingWithText = (node: HastParent['children'][number]) =>
	(node.type === 'text' && node.value.trim() !== '') || (node.type === 'element' && !blockTags.has(node.tagName) && !['a', 'img', 'iframe', 'video', 'audio', 'br'].includes(node.tagName) && textOf(node).trim() !== '');

/**
 * A link with no text, stretched over a card by the old theme's CSS (`<div><a href="…"></a><img> <span>UNO</span></div>`),
 * takes the card's text as its own; one with nothing to take is removed, as no one could see it.
 */
function fillEmptyLink(link: Element, parent: HastParent): void {
	const hasImage = (node: Element): boolean => node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasImage(child)));
	if (textOf(link).trim() || hasImage(link)) return;
	// Only a card (a block of its own) lends its text; in a line of text an empty link is a leftover.
	const isCard = parent.type === 'element' && ['div', 'li', 'td', 'th', 'section', 'article', 'aside'].includes(parent.tagName);
	const words = isCard ? parent.children.filter(phrasingWithText) : [];
	const [first] = words;
	if (!first) {
		replaceElement(parent, link, []);
		return;
	}
	// The link takes the place of the card's text, so it reads where the text did.
	link.children = words as ElementContent[];
	const children: HastParent['children'] = parent.children.filter((child) => child !== link);
	children.splice(children.indexOf(first), 0, link);
	const taken = new Set<unknown>(words);
	parent.children = children.filter((child) => !taken.has(child)) as typeof parent.children;
}

/** An embed card (GitBook, Notion): a frame and its caption; the caption names the frame when it has no title. */
function captionFrame(figure: Element): void {
	const frame = figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'iframe');
	const caption = figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
	if (!frame || !caption || stringProperty(frame, 'title')) return;
	frame.properties['title'] = textOf(caption).replace(/\s+/g, ' ').trim();
	figure.children = figure.children.filter((child) => child !== caption);
}

/** Tag of a link to an audio or video file that is not on YouTube or Vimeo. */
export const mediaLinkTag = 'x-media';

/**
 * Rewrites the blocks that Markdown has no shape for into ones it has: callouts, tab sets, layout tables, line
 * breaks in table cells, audio and video files, and links with no text. Mutates `tree`.
 */
export function normalizeBlocks(tree: HastParent): void {
	eachElement(tree, (element, parent) => {
		if (element.tagName === 'a' && stringProperty(element, 'href')) {
			fillEmptyLink(element, parent);
			return;
		}
		const type = boxType(element);
		if (type) {
			toCallout(element, type, takeTitle(element));
			return;
		}
		const quote = quoteType(element);
		if (quote) {
			toCallout(element, quote, undefined);
			return;
		}
		const tabs = untab(element);
		if (tabs) {
			element.tagName = 'div';
			element.properties = {};
			element.children = tabs;
			return;
		}
		if (element.tagName === 'table') {
			if (isLayoutTable(element)) {
				element.tagName = 'div';
				element.properties = {};
				element.children = unwrapTable(element);
			} else flattenCells(element);
			return;
		}
		if (element.tagName === 'figure') captionFrame(element);
		if (element.tagName === 'video' || element.tagName === 'audio') {
			const source = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source' && stringProperty(child, 'src') !== '');
			const src = stringProperty(element, 'src') || (source ? stringProperty(source, 'src') : '');
			const title = stringProperty(element, 'title') || stringProperty(element, 'ariaLabel');
			// A file of its own is a paragraph of its own, unless it sits in a line of text.
			const inText = parent.type === 'element' && !blockTags.has(parent.tagName) && parent.tagName !== 'li';
			const link = marker(mediaLinkTag, { src, title });
			replaceElement(parent, element, src ? [inText ? link : marker('p', {}, [link])] : []);
		}
	});
}

import type { Element, Root } from 'hast';
import { fragmentOf } from './html-anchors.ts';
import { classesOf, eachElement, findParent, type HastParent, marker, replaceElement, stringProperty } from './hast-helpers.ts';

/** Tags of a footnote reference and of a footnote's text (handled in html-to-mdx.ts). */
export const footnoteRefTag = 'x-footnote-ref';
export const footnoteTag = 'x-footnote';

const idOf = (element: Element) => stringProperty(element, 'id') || (element.tagName === 'a' ? stringProperty(element, 'name') : '');
/** The fragment an in-page link points to; empty for any other element or address. */
const targetOf = (element: Element) => {
	const href = element.tagName === 'a' ? stringProperty(element, 'href') : '';
	return href.startsWith('#') ? fragmentOf(href) : '';
};

/** A list of footnotes as GFM (`section[data-footnotes]`), Pandoc, MkDocs and Jekyll (`.footnotes`) write them. */
function isFootnoteList(element: Element): boolean {
	return element.properties['dataFootnotes'] !== undefined || classesOf(element).some((name) => name === 'footnotes' || name === 'footnote');
}

/**
 * Turns footnotes into Markdown footnotes (`[^1]`), numbered in the order they are referred to: the HTML GFM renders
 * (`sup > a[data-footnote-ref]` to an item of `section[data-footnotes]`) and what Word and Zendesk's editor paste
 * (`<a href="#_ftn1" name="_ftnref1">[1]</a>` to a paragraph opening with `<a href="#_ftnref1" name="_ftn1">`): a
 * link into a footnote list, or two anchors linking each other. The back links go, Markdown makes its own. Mutates `tree`.
 */
export function normalizeFootnotes(tree: Root): void {
	const byId = new Map<string, { element: Element; parent: HastParent; list?: Element }>();
	const lists: Element[] = [];
	const indexIds = (node: HastParent, list: Element | undefined) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			const id = idOf(child);
			if (id && !byId.has(id)) byId.set(id, { element: child, parent: node, ...(list ? { list } : {}) });
			const isList = !list && isFootnoteList(child);
			if (isList) lists.push(child);
			indexIds(child, list ?? (isList ? child : undefined));
		}
	};
	indexIds(tree, undefined);

	const refs: { ref: Element; parent: HastParent; note: Element; noteParent: HastParent; backId: string }[] = [];
	eachElement(tree, (element, parent) => {
		const fragment = targetOf(element);
		const target = fragment ? byId.get(fragment) : undefined;
		if (!target || target.element === element) return;
		// GFM and Pandoc: a link to an item of a footnote list, not from inside that list.
		if (target.list && target.element.tagName === 'li' && !target.list.children.includes(element) && !isInside(target.list, element)) {
			refs.push({ ref: element, parent, note: target.element, noteParent: target.parent, backId: idOf(element) || idOf(parent as Element) });
			return;
		}
		// Word: two anchors linking each other; the one that comes first in the text is the reference.
		const ownId = idOf(element);
		if (!target.list && target.element.tagName === 'a' && ownId && targetOf(target.element) === ownId && !refs.some((entry) => entry.ref === target.element)) {
			refs.push({ ref: element, parent, note: target.element, noteParent: target.parent, backId: ownId });
		}
	});
	if (refs.length === 0) return;

	const labels = new Map<Element, string>();
	const notes: Element[] = [];
	for (const { ref, parent, note, noteParent } of refs) {
		let label = labels.get(note);
		if (!label) {
			label = String(labels.size + 1);
			labels.set(note, label);
			notes.push(marker(footnoteTag, { label }, noteContent(tree, note, noteParent)));
		}
		// The number sits in a <sup> most of the time: the Markdown reference replaces both.
		const holder = parent.type === 'element' && parent.tagName === 'sup' && parent.children.filter((child) => child.type === 'element' || (child.type === 'text' && child.value.trim())).length === 1 ? parent : ref;
		const holderParent = holder === ref ? parent : findParent(tree, holder);
		if (holderParent) replaceElement(holderParent, holder, [marker(footnoteRefTag, { label })]);
	}
	// What is left of the back links in the notes, then the lists themselves.
	const backIds = new Set(refs.map((entry) => entry.backId).filter(Boolean));
	for (const note of notes) {
		eachElement(note, (element, parent) => {
			if (backIds.has(targetOf(element)) || element.properties['dataFootnoteBackref'] !== undefined || classesOf(element).some((name) => /backref|footnote-back|reversefootnote/.test(name))) replaceElement(parent, element, []);
		});
	}
	for (const list of lists) {
		const parent = findParent(tree, list);
		if (parent) replaceElement(parent, list, []);
	}
	tree.children.push(...notes);
}

function isInside(ancestor: Element, node: Element): boolean {
	let found = false;
	eachElement(ancestor, (element) => {
		if (element === node) found = true;
	});
	return found;
}

/**
 * The text of a footnote, taken out of the page: a list item's content, or for Word's anchor the block it opens
 * (the paragraph, or the `<div id="ftn1">` around it), without the anchor and its "[1]".
 */
function noteContent(tree: Root, note: Element, noteParent: HastParent): Element['children'] {
	if (note.tagName === 'li') return note.children;
	let block: Element | undefined = noteParent.type === 'element' ? noteParent : undefined;
	while (block && !['p', 'div', 'li'].includes(block.tagName)) block = findParent(tree, block) as Element | undefined;
	replaceElement(noteParent, note, []);
	if (!block) return [];
	const blockParent = findParent(tree, block);
	const outer = blockParent?.type === 'element' && blockParent.tagName === 'div' && stringProperty(blockParent, 'id') && blockParent.children.filter((child) => child.type === 'element').length === 1 ? blockParent : block;
	const outerParent = findParent(tree, outer);
	if (outerParent) replaceElement(outerParent, outer, []);
	const first = block.children.find((child) => child.type === 'text' || child.type === 'element');
	if (first?.type === 'text') first.value = first.value.replace(/^\s*/, '');
	return outer === block ? [marker('p', {}, block.children)] : outer.children;
}

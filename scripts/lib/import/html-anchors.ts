import type { Element, Root } from 'hast';
import { eachElement, findParent, type HastParent, marker, replaceElement, stringProperty } from './hast-helpers.ts';

/**
 * Property of the span that stands for an anchor kept in the MDX as `<a id="…"></a>` (handled in html-to-mdx.ts):
 * a span, so that it stays in the line of text it is in.
 */
export const anchorProperty = 'dataImportAnchor';

/** The fragment of a link address (`page#part` → `part`), decoded; empty when there is none. */
export function fragmentOf(href: string): string {
	const at = href.indexOf('#');
	if (at === -1) return '';
	try {
		return decodeURIComponent(href.slice(at + 1));
	} catch {
		return href.slice(at + 1);
	}
}

// Where an anchor goes inside the element (its first child) rather than before it: blocks that hold text.
const holdsText = new Set(['p', 'li', 'td', 'th', 'dt', 'dd']);

/**
 * Keeps the ids that links point to (`<h2 id="returns">`, `<a id="returns"></a>`, `<a name="returns">`) as anchors
 * the MDX keeps (`<a id="returns"></a>`): before a heading or a block, at the start of a paragraph or list item, in
 * place in a line of text. `targets` are the fragments linked to, from this article and from the others of the
 * import. Ids nobody links to (editors add them by the hundred) go. Mutates `tree`.
 */
export function keepLinkedAnchors(tree: Root, targets: ReadonlySet<string>): void {
	const kept = new Set<string>();
	eachElement(tree, (element, parent) => {
		if (element.properties[anchorProperty] !== undefined) return;
		const id = stringProperty(element, 'id') || (element.tagName === 'a' ? stringProperty(element, 'name') : '');
		delete element.properties['id'];
		if (element.tagName === 'a') delete element.properties['name'];
		if (!id || !targets.has(id) || kept.has(id)) {
			if (element.tagName === 'a' && !element.properties['href']) replaceElement(parent, element, element.children);
			return;
		}
		kept.add(id);
		const anchor = marker('span', { [anchorProperty]: id });
		if (element.tagName === 'a' && !element.properties['href']) {
			// An anchor at the start of a heading marks the heading: it goes before it, not into its text.
			const inHeading = parent.type === 'element' && /^h[1-6]$/.test(parent.tagName) && !hasTextBefore(parent, element);
			replaceElement(parent, element, inHeading ? element.children : [anchor, ...element.children]);
			if (inHeading) placeBefore(tree, parent, anchor);
			return;
		}
		if (holdsText.has(element.tagName)) element.children.unshift(anchor);
		else replaceElement(parent, element, [anchor, element]);
	});
}

function hasTextBefore(parent: Element, child: Element): boolean {
	const index = parent.children.indexOf(child);
	return parent.children.slice(0, index).some((node) => node.type !== 'text' || node.value.trim());
}

function placeBefore(tree: HastParent, target: Element, anchor: Element): void {
	const parent = findParent(tree, target);
	if (!parent) return;
	parent.children.splice(parent.children.indexOf(target), 0, anchor);
}

import type { Element, ElementContent, Root } from 'hast';

export type HastParent = Root | Element;

/** The class names of an element. */
export function classesOf(element: Element): string[] {
	const value = element.properties['className'];
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? String(value).split(/\s+/).filter(Boolean) : [];
}

/** A string property, trimmed; empty when absent. */
export function stringProperty(element: Element, name: string): string {
	const value = element.properties[name];
	return typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.join(' ').trim() : '';
}

/** The text of a node, as a reader sees it. */
export function textOf(node: ElementContent | Root): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' || node.type === 'root') return (node.children as ElementContent[]).map(textOf).join('');
	return '';
}

/** Visits every element depth first, parents before children; a visitor may change the current element's children. */
export function eachElement(node: HastParent, visit: (element: Element, parent: HastParent) => void): void {
	for (const child of [...node.children]) {
		if (child.type !== 'element') continue;
		visit(child, node);
		eachElement(child, visit);
	}
}

/** Replaces `element` in its parent by `content` (nothing removes it). */
export function replaceElement(parent: HastParent, element: Element, content: ElementContent[]): void {
	const index = parent.children.indexOf(element);
	if (index >= 0) parent.children.splice(index, 1, ...content);
}

/** The parent of `target` in `tree`, when it is there. */
export function findParent(tree: HastParent, target: Element): HastParent | undefined {
	if (tree.children.includes(target)) return tree;
	for (const child of tree.children) {
		if (child.type !== 'element') continue;
		const found = findParent(child, target);
		if (found) return found;
	}
	return undefined;
}

/** Removes comments everywhere: MDX has no HTML comments, and they are notes for editors, not content. */
export function removeComments(node: HastParent): void {
	node.children = node.children.filter((child) => child.type !== 'comment' && child.type !== 'doctype') as typeof node.children;
	for (const child of node.children) if (child.type === 'element') removeComments(child);
}

/** An element the conversion turns into a piece of MDX of its own (see the handlers of html-to-mdx.ts). */
export function marker(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
	return { type: 'element', tagName, properties, children };
}

export const blockTags = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dl', 'div', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

// This project type-checks browser code and the Worker together, and the Workers types declare their own
// `Element` (HTMLRewriter's), which hides the DOM's append/before/after and breaks `querySelector<T>()`.
// These helpers stick to the DOM calls both agree on.

type Constructor<T> = abstract new (...args: never[]) => T;
type Child = Node | string | null | undefined | false;

/** The first element under `root` matching `selector` that is a `type`, else null. */
export function find<T>(root: Element | Document, selector: string, type: Constructor<T>): T | null {
	const element = root.querySelector(selector);
	return element instanceof type ? element : null;
}

/** Every element under `root` matching `selector` that is a `type`. */
export function findAll<T>(root: Element | Document, selector: string, type: Constructor<T>): T[] {
	return [...root.querySelectorAll(selector)].filter((element): element is Element & T => element instanceof type);
}

/** Appends children (text is never parsed as HTML). */
export function appendTo(parent: Node, ...children: Child[]): void {
	for (const child of children) {
		if (child === null || child === undefined || child === false) continue;
		parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
	}
}

/** Creates an element with attributes (`true` for boolean ones) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === true) element.setAttribute(name, '');
		else if (typeof value === 'string') element.setAttribute(name, value);
	}
	appendTo(element, ...children);
	return element;
}

/** Puts `node` right after `reference`. */
export function insertAfter(node: Node, reference: Node): void {
	reference.parentNode?.insertBefore(node, reference.nextSibling);
}

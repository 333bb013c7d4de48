import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

/** A component as written in MDX. */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Renders a component, given its name and attributes, and its children already rendered. */
export type RenderComponent = (element: JsxElement, children: () => string) => string;

const startOf = (node: Nodes) => node.position?.start.offset ?? 0;
const endOf = (node: Nodes) => node.position?.end.offset ?? 0;

/** The value of a JSX attribute written as a plain string (`type="tip"`); undefined when absent or an expression. */
export function attributeText(element: JsxElement, name: string): string | undefined {
	const attribute = element.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
	return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** An `{…}` expression: a comment is a note for editors, a string literal is its text, anything else stays as written. */
function expressionMarkdown(value: string, written: string): string {
	if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(value)) return '';
	const literal = /^\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1\s*$/.exec(value);
	return literal ? (literal[2] ?? '').replace(/\\(.)/g, '$1') : written;
}

/**
 * Turns a parsed article back into Markdown by splicing its source: what is Markdown stays byte for byte as written
 * (code, inline code and escapes included, at any indentation); components go through `render`, imports, exports
 * and comments go, and site links and images (addresses starting with "/") go through `siteUrl`: agents, which read
 * the text out of context, get the full address.
 */
export function treeToMarkdown(source: string, tree: Root, render: RenderComponent, siteUrl: (path: string) => string = (path) => path): string {
	/** The source from `start` to `end`, with each of `children` (which lie inside, in order) rendered. */
	const splice = (children: Nodes[], start: number, end: number): string => {
		let text = '';
		let at = start;
		for (const child of children) {
			text += source.slice(at, startOf(child)) + node(child);
			at = endOf(child);
		}
		return text + source.slice(at, end);
	};
	const inner = (children: Nodes[]) => {
		const [first] = children;
		const last = children.at(-1);
		return first && last ? splice(children, startOf(first), endOf(last)) : '';
	};
	/** A link, image or definition with its site address made absolute; the address is found after its text. */
	const withAbsoluteUrl = (target: Nodes & { url: string }, children: Nodes[]): string => {
		const end = endOf(target);
		const from = children.length > 0 ? endOf(children.at(-1) as Nodes) : startOf(target);
		const at = target.url.startsWith('/') && !target.url.startsWith('//') ? source.indexOf(target.url, from) : -1;
		if (at === -1 || at >= end) return splice(children, startOf(target), end);
		return splice(children, startOf(target), at) + siteUrl(target.url) + source.slice(at + target.url.length, end);
	};
	const node = (current: Nodes): string => {
		switch (current.type) {
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				// An HTML element is Markdown too: it stays, with any component inside it rendered.
				if (current.name && /^[a-z][\w-]*$/.test(current.name)) return splice(current.children, startOf(current), endOf(current));
				return render(current, () => inner(current.children));
			case 'mdxjsEsm':
				return '';
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				return expressionMarkdown(current.value, source.slice(startOf(current), endOf(current)));
			case 'link':
				return withAbsoluteUrl(current, current.children);
			case 'image':
			case 'definition':
				return withAbsoluteUrl(current, []);
			default:
				return 'children' in current ? splice(current.children, startOf(current), endOf(current)) : source.slice(startOf(current), endOf(current));
		}
	};
	return splice(tree.children, 0, source.length);
}

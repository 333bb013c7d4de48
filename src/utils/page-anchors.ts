import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';

/** A heading of an article and the id its page gives it. */
export interface HeadingAnchor {
	node: Heading;
	depth: number;
	text: string;
	id: string;
}

/**
 * The text Astro makes a heading's id from: the heading's text content once rendered, so smart punctuation applied
 * (the parser does it), inline code and link text in, images out (an image has no text content).
 */
function renderedText(node: Nodes): string {
	if (node.type === 'text' || node.type === 'inlineCode') return node.value;
	if (node.type === 'image' || node.type === 'html' || node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
	return 'children' in node ? (node.children as Nodes[]).map(renderedText).join('') : '';
}

const idAttribute = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Every anchor of an article's page, from its parsed body: the ids Astro's heading-id step gives headings
 * (github-slugger over each heading's rendered text, in document order, as @astrojs/markdown-satteri does), and the
 * `id` or `name` of any HTML element written in the body (`<a id="returns"></a>`). The content check, the importer and
 * the answer units all take anchors from here, so a link they accept is a link the page can follow.
 */
export function pageAnchors(tree: Root): { headings: HeadingAnchor[]; ids: Set<string> } {
	const slugger = new GithubSlugger();
	const headings: HeadingAnchor[] = [];
	const ids = new Set<string>();
	const visit = (node: Nodes) => {
		if (node.type === 'heading') {
			const text = renderedText(node);
			const id = slugger.slug(text);
			headings.push({ node, depth: node.depth, text, id });
			ids.add(id);
		} else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) {
			for (const attribute of node.attributes) {
				if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'id' || attribute.name === 'name') && typeof attribute.value === 'string') ids.add(attribute.value);
			}
		} else if (node.type === 'html') {
			for (const match of node.value.matchAll(idAttribute)) ids.add(match[1] ?? match[2] ?? '');
		}
		if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
	};
	visit(tree);
	return { headings, ids };
}

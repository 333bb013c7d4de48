import type { Nodes, Root } from 'mdast';
import { articleComponents } from './article-components.ts';
import type { ContentProblem } from './check-content.ts';
import { closestName } from './closest-name.ts';
import { adviseOnMdxFailure } from './mdx-advice.ts';
import { compileMdxBody, MdxSyntaxError } from './parse-article.ts';
import type { ArticleSource } from './read-content.ts';

const known: readonly string[] = articleComponents;

/** The body from a 1-based line and column to its end, to quote what the compiler stopped at. */
function textFrom(body: string, line: number, column: number): string {
	let offset = 0;
	for (let current = 1; current < line; current++) {
		const next = body.indexOf('\n', offset);
		if (next === -1) return '';
		offset = next + 1;
	}
	return body.slice(offset + column - 1);
}

/** Every JSX element of the tree whose name is not a component of articles: capitalised or dotted, and not known. */
function unknownComponents(tree: Root): { name: string; line: number; column: number; empty: boolean }[] {
	const found: { name: string; line: number; column: number; empty: boolean }[] = [];
	const visit = (node: Nodes) => {
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]|\./.test(node.name)) {
			if (!known.includes(node.name)) {
				const start = node.position?.start;
				found.push({ name: node.name, line: start?.line ?? 1, column: start?.column ?? 1, empty: node.children.length === 0 });
			}
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	return found;
}

/**
 * Compiles an MDX article as the build will, and reports what would stop it: MDX that does not compile (the
 * compiler stops at the first mistake of a file), then components the article page does not provide.
 */
export function findMdxProblems(source: ArticleSource): ContentProblem[] {
	const at = (line: number, column: number) => ({ file: source.file, line: source.bodyLine + line - 1, column });
	let tree: Root;
	try {
		tree = compileMdxBody(source.body);
	} catch (error) {
		if (!(error instanceof MdxSyntaxError)) throw error;
		return [{ ...at(error.line, error.column), ...adviseOnMdxFailure(error.reason, textFrom(source.body, error.line, error.column)) }];
	}
	return unknownComponents(tree).map(({ name, line, column, empty }) => {
		const meant = closestName(name, known);
		const list = `Articles can use ${known.join(', ')} (content/README.md).`;
		return {
			...at(line, column),
			message: `<${name}> is not a component.`,
			fix: meant ? `Did you mean ${empty ? `<${meant} />` : `<${meant}>`}? ${list}` : `${list} Use one of them or remove it.`,
		};
	});
}

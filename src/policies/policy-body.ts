import type { Nodes } from 'mdast';
import { parseArticleBodyLeniently } from '../content-checks/parse-article.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { expressionPolicyName, policyValue, withPolicyValues } from './policy-values.ts';

/**
 * An article's body (Markdown or MDX) with each policy it quotes written out, as its page shows it: an expression
 * `{policies.<name>}`, or the same words in the text (a `.md` file, or braces an editor's tool escaped). Code stays
 * as written. For what reads the body's source rather than its page: the Markdown twins, llms.txt and the answer
 * index, so that they quote the same values as the page.
 */
export function bodyWithPolicyValues(body: string, format: 'md' | 'mdx', policies: SiteConfig['policies'], locale: string): string {
	if (!body.includes('policies.')) return body;
	const edits: { start: number; end: number; text: string }[] = [];
	const visit = (node: Nodes) => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start === undefined || end === undefined) return;
		if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
			const value = policyValue(expressionPolicyName(node.value) ?? '', policies, locale);
			if (value !== undefined) edits.push({ start, end, text: value });
		} else if (node.type === 'text') {
			// The source of a text node, escapes included: where the words are written.
			const written = body.slice(start, end);
			const text = withPolicyValues(written, policies, locale);
			if (text !== written) edits.push({ start, end, text });
		} else if ('children' in node) {
			for (const child of node.children) visit(child);
		}
	};
	visit(parseArticleBodyLeniently(body, format));
	let result = body;
	for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	return result;
}

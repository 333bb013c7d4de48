import type { Nodes, Root } from 'mdast';
import { expressionPolicyName, policyNames, policyTokenPattern, policyValue } from '../policies/policy-values.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import type { ContentProblem } from './check-content.ts';
import { closestName } from './closest-name.ts';
import type { ArticleSource } from './read-content.ts';

/** Where the policy names are explained to editors. */
const guide = 'content/README.md, "Policy values"';

/** What is wrong with `{policies.<name>}` and how to fix it, or undefined when site.yaml gives it a value. */
function policyMistake(name: string, policies: SiteConfig['policies']): Pick<ContentProblem, 'message' | 'fix'> | undefined {
	const list = policyNames.map((known) => `{policies.${known}}`).join(', ');
	if (!(policyNames as readonly string[]).includes(name)) {
		// A name cut short ("returnWindow") is as likely as a typo.
		const meant = closestName(name, policyNames) ?? (name.length >= 4 ? policyNames.find((known) => known.toLowerCase().startsWith(name.toLowerCase())) : undefined);
		return {
			message: `"{policies.${name}}" is not a policy the help center knows.`,
			fix: `${meant ? `Did you mean {policies.${meant}}? ` : ''}Articles can quote ${list} (${guide}).`,
		};
	}
	// Any locale tells whether the policy is set: only its formatting depends on the language.
	if (policyValue(name, policies, 'en') !== undefined) return undefined;
	return {
		message: `"{policies.${name}}" quotes a policy that content/site.yaml does not set, so the page would have no value to show.`,
		fix: `Add ${name} under policies in content/site.yaml, or write the text without it. Set there: ${policyNames.filter((known) => policyValue(known, policies, 'en') !== undefined).map((known) => `{policies.${known}}`).join(', ')} (${guide}).`,
	};
}

/** 1-based line and column of `offset` in `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * The policies an article quotes (`{policies.returnWindowDays}`, in its text or in a frontmatter string) that the
 * build could not write out: an unknown name, or a policy content/site.yaml does not set. Code is left alone.
 */
export function checkPolicyReferences(source: ArticleSource, tree: Root, policies: SiteConfig['policies']): ContentProblem[] {
	const problems: ContentProblem[] = [];
	if (source.body.includes('policies.')) {
		const report = (name: string, offset: number) => {
			const mistake = policyMistake(name, policies);
			if (!mistake) return;
			const { line, column } = placeOf(source.body, offset);
			problems.push({ file: source.file, line: source.bodyLine + line - 1, column, ...mistake });
		};
		const visit = (node: Nodes) => {
			const start = node.position?.start.offset ?? 0;
			if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
				const name = expressionPolicyName(node.value);
				if (name !== undefined) report(name, start);
			} else if (node.type === 'text') {
				const written = source.body.slice(start, node.position?.end.offset ?? start);
				for (const match of written.matchAll(policyTokenPattern)) report(match[1] ?? '', start + match.index);
			} else if ('children' in node) {
				for (const child of node.children) visit(child);
			}
		};
		visit(tree);
	}
	const visitField = (value: unknown, field: string, key: string) => {
		if (typeof value === 'string') {
			for (const match of value.matchAll(policyTokenPattern)) {
				const mistake = policyMistake(match[1] ?? '', policies);
				const line = source.keyLines.get(key);
				if (mistake) problems.push({ file: source.file, ...(line ? { line } : {}), field, ...mistake });
			}
		} else if (Array.isArray(value)) {
			value.forEach((item, index) => visitField(item, `${field}.${index}`, key));
		} else if (value && typeof value === 'object' && !(value instanceof Date)) {
			for (const [name, item] of Object.entries(value)) visitField(item, `${field}.${name}`, key);
		}
	};
	for (const [key, value] of Object.entries(source.data ?? {})) visitField(value, key, key);
	return problems;
}

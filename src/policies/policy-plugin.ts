import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { parseContentPath } from '../config/content-layout.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { expressionPolicyName, policyValue, withPolicyValues } from './policy-values.ts';

/**
 * A Sätteri mdast plugin for articles (Markdown and MDX): each policy an article quotes is written out in its
 * language, from content/site.yaml, so the page states what the return flow applies. An expression whose code is
 * only `policies.<name>` becomes its value, and so do the same words in the text (a `.md` file, or braces a CMS
 * escaped). A name that is unknown or not set is left alone: the content check reports it before the build renders.
 * `projectRoot` is the project's folder, where content/<locale>/ tells an article's language.
 */
export function policyValuesPlugin(policies: SiteConfig['policies'], projectRoot: string) {
	return (document: PluginFactoryContext): MdastPluginDefinition | undefined => {
		if (!document.fileURL || !document.source.includes('policies.')) return undefined;
		const place = parseContentPath(relative(projectRoot, fileURLToPath(document.fileURL)).split('\\').join('/'));
		if (place?.kind !== 'article') return undefined;
		const valueOf = (code: string) => policyValue(expressionPolicyName(code) ?? '', policies, place.locale);
		return {
			name: 'help-center:policy-values',
			mdxTextExpression: (node) => {
				const value = valueOf(node.value);
				return value === undefined ? undefined : { type: 'text', value };
			},
			mdxFlowExpression: (node) => {
				const value = valueOf(node.value);
				return value === undefined ? undefined : { type: 'paragraph', children: [{ type: 'text', value }] };
			},
			text: (node) => {
				const value = withPolicyValues(node.value, policies, place.locale);
				return value === node.value ? undefined : { type: 'text', value };
			},
		};
	};
}

import type { SiteConfig } from '../schemas/site-config.ts';
import { withPolicyValues } from './policy-values.ts';

// Code as an article writes it: a fenced block (``` or ~~~, to the same fence or the end) or an inline span
// (backticks, to as many backticks). What it quotes is shown as written.
const code = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S]))|(`+)(?!`)[\s\S]*?[^`]\3(?!`)/gm;

/**
 * An article's body (Markdown or MDX) with each policy it quotes written out, as its page shows it: an expression
 * `{policies.<name>}`, or the same words with escaped braces (a `.md` file, or braces an editor's tool escaped).
 * Code stays as written. For what reads the body's source rather than its page: the Markdown twins, llms.txt and the
 * answer index, so that they quote the same values as the page. Plain text work, with no Markdown parser: it runs in
 * the Worker's runtime too (`astro dev` renders the twins there), where the parser's WebAssembly does not load.
 */
export function bodyWithPolicyValues(body: string, policies: SiteConfig['policies'], locale: string): string {
	if (!body.includes('policies.')) return body;
	let result = '';
	let from = 0;
	for (const match of body.matchAll(code)) {
		result += withPolicyValues(body.slice(from, match.index), policies, locale) + match[0];
		from = match.index + match[0].length;
	}
	return result + withPolicyValues(body.slice(from), policies, locale);
}

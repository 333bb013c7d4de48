import type { Root } from 'mdast';
import { markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';

/**
 * The parser features the build compiles articles with: Astro's defaults for @astrojs/mdx (GitHub-flavoured
 * Markdown and smart punctuation), which astro.config.mjs does not change.
 */
const features = { gfm: true, smartPunctuation: true };

/** MDX that does not compile, at a place of the body (1-based), with the compiler's reason. */
export class MdxSyntaxError extends Error {
	override name = 'MdxSyntaxError';
	readonly line: number;
	readonly column: number;
	readonly reason: string;
	constructor(line: number, column: number, reason: string) {
		super(`${line}:${column}: ${reason}`);
		this.line = line;
		this.column = column;
		this.reason = reason;
	}
}

/** Turns the compiler's "3:1: reason (mdx-jsx:code)" into its parts; the place is the start when it names none. */
function syntaxErrorOf(error: unknown): MdxSyntaxError {
	const text = error instanceof Error ? error.message : String(error);
	const match = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(text);
	return match ? new MdxSyntaxError(Number(match[1]), Number(match[2]), match[3] ?? text) : new MdxSyntaxError(1, 1, text);
}

/** Parses an article body into its Markdown tree, with positions; throws {@link MdxSyntaxError} when MDX is invalid. */
export function parseArticleBody(body: string, format: 'md' | 'mdx'): Root {
	if (format === 'md') return markdownToMdast(body, { features }) as Root;
	try {
		return mdxToMdast(body, { features }) as Root;
	} catch (error) {
		throw syntaxErrorOf(error);
	}
}

/**
 * The body's tree as far as it can be read: as Markdown when its MDX does not compile, for what needs its headings and
 * links whatever its syntax mistake (which the check reports apart).
 */
export function parseArticleBodyLeniently(body: string, format: 'md' | 'mdx'): Root {
	try {
		return parseArticleBody(body, format);
	} catch (error) {
		if (!(error instanceof MdxSyntaxError)) throw error;
		return parseArticleBody(body, 'md');
	}
}

/**
 * Compiles an MDX body to JavaScript the way `astro build` does (Sätteri, through @astrojs/mdx), then returns its
 * tree; throws {@link MdxSyntaxError} when it does not compile. The compiler's own plugins see no positions, so the
 * tree comes from a second parse, which costs less than a tenth of a millisecond for an article.
 */
export function compileMdxBody(body: string): Root {
	try {
		mdxToJs(body, { features, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
	} catch (error) {
		throw syntaxErrorOf(error);
	}
	return parseArticleBody(body, 'mdx');
}

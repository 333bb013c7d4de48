import { MdxSyntaxError, parseArticleBody } from '../content-checks/parse-article';
import { translate } from '../i18n/translate';
import { absoluteUrl } from '../seo/urls';
import { attributeText, treeToMarkdown, type JsxElement } from './tree-to-markdown';
import { calloutMarkdown, contactCtaMarkdown, orderLookupMarkdown, videoMarkdown } from './twin-components';

/** Thrown when an article's MDX does not compile (the build's content check reports it first, in an editor's words). */
export class MarkdownTwinError extends Error {
	override name = 'MarkdownTwinError';
}

/** The Markdown of each component of articles; any other becomes its text, as a reader would see its content. */
function renderComponent(locale: string, element: JsxElement, children: () => string): string {
	switch (element.name) {
		case 'Callout':
			return calloutMarkdown(locale, attributeText(element, 'type') ?? 'note', children());
		case 'ContactCta':
			return contactCtaMarkdown(locale);
		case 'OrderLookup':
			return orderLookupMarkdown(locale);
		case 'Video':
			return videoMarkdown(locale, attributeText(element, 'src') ?? '', attributeText(element, 'title') ?? '');
		default:
			// Steps only number the Markdown list it wraps: the list is the Markdown.
			return children();
	}
}

/**
 * Turns the body of an article into plain Markdown, from its parsed tree: callouts become quotes with their label,
 * steps their numbered list, the contact box a heading with links, other components their text; site links become
 * absolute. Everything else, code included, is left as written. `file` names the article in errors, and a `.md` file
 * is read as Markdown, where "<" and "{" are text.
 */
export function mdxToMarkdown(body: string, locale: string, file = 'article'): string {
	let tree;
	try {
		tree = parseArticleBody(body, file.endsWith('.md') ? 'md' : 'mdx');
	} catch (error) {
		if (!(error instanceof MdxSyntaxError)) throw error;
		throw new MarkdownTwinError(`${file}:${error.line}:${error.column}: ${error.reason}. Run npm run check to see how to fix it.`);
	}
	return treeToMarkdown(body, tree, (element, children) => renderComponent(locale, element, children), absoluteUrl)
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

export interface ArticleMarkdownInput {
	title: string;
	description: string;
	updated: Date;
	/** The language the article is written in. */
	locale: string;
	/** The article page's path. */
	url: string;
	body: string;
	faq?: { question: string; answer: string }[] | undefined;
	file?: string;
}

/** The text of an article as Markdown: its body, then its FAQ, as the page shows them. */
export function articleBodyMarkdown(article: Pick<ArticleMarkdownInput, 'locale' | 'body' | 'faq' | 'file'>): string {
	const sections = [mdxToMarkdown(article.body, article.locale, article.file)];
	if (article.faq && article.faq.length > 0) {
		sections.push(`## ${translate(article.locale, 'article.faq')}`, ...article.faq.map((pair) => `### ${pair.question}\n\n${pair.answer}`));
	}
	return sections.join('\n\n');
}

/** The Markdown twin of an article: its title, summary, date and address, then its text and FAQ. */
export function articleMarkdown(article: ArticleMarkdownInput): string {
	const { locale } = article;
	const meta = [
		translate(locale, 'markdown.updated', { date: article.updated.toISOString().slice(0, 10) }),
		translate(locale, 'markdown.source', { url: absoluteUrl(article.url) }),
	];
	return `${[`# ${article.title}`, `> ${article.description}`, meta.join('  \n'), articleBodyMarkdown(article)].join('\n\n')}\n`;
}

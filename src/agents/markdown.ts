import { selfServiceUrl } from '../config/page-urls';
import { site } from '../config/site';
import { translate } from '../i18n/translate';
import { absoluteUrl } from '../seo/urls';
import { toVideoEmbed } from '../utils/video-embed';

/** Thrown when an article uses MDX that has no Markdown equivalent yet, so the twin never ships raw JSX. */
export class MarkdownTwinError extends Error {
	override name = 'MarkdownTwinError';
}

const calloutTypes = ['tip', 'note', 'warning'] as const;
type CalloutType = (typeof calloutTypes)[number];

const isCalloutType = (type: string): type is CalloutType => (calloutTypes as readonly string[]).includes(type);

function contactCta(locale: string): string {
	const { contact } = site;
	const text = translate(locale, 'contact.text', { hours: contact.replyWithinHours, schedule: contact.hours[locale] ?? '' });
	const actions = [`- [${translate(locale, 'contact.email')}](mailto:${contact.email})`];
	if (contact.phone) {
		actions.push(`- [${translate(locale, 'contact.call', { phone: contact.phone })}](tel:${contact.phone.replace(/\s/g, '')})`);
	}
	return `## ${translate(locale, 'contact.heading')}\n\n${text}\n\n${actions.join('\n')}`;
}

function callout(locale: string, type: string, content: string): string {
	const label = translate(locale, `callout.${isCalloutType(type) ? type : 'note'}`);
	const lines = `**${label}**\n${content.trim()}`.split('\n');
	return lines.map((line) => (line.trim() ? `> ${line}` : '>')).join('\n');
}

function video(locale: string, attributes: string): string | undefined {
	const attribute = (name: string) => new RegExp(`\\b${name}=["']([^"']*)["']`).exec(attributes)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const embed = toVideoEmbed(attribute('src') ?? '');
	if (!embed) return undefined;
	return `[${translate(locale, 'video.watch', { title: attribute('title') ?? '', provider: embed.provider })}](${embed.watchUrl})`;
}

/** Renders the components of one stretch of MDX outside code blocks. */
function renderComponents(text: string, locale: string, file: string): string {
	const rendered = text
		.replace(
			/<Callout(?:\s+type=["'](\w+)["'])?\s*>([\s\S]*?)<\/Callout>/g,
			(_match, type: string | undefined, content: string) => callout(locale, type ?? 'note', content),
		)
		// Steps only number the Markdown list it wraps: the list is the Markdown.
		.replace(/^[ \t]*<\/?Steps>[ \t]*$/gm, '')
		.replace(/<ContactCta\s*\/>/g, () => contactCta(locale))
		// The order lookup form becomes a link to the tracking page, where shoppers can use it.
		.replace(/<OrderLookup\s*\/>/g, () => `[${translate(locale, 'selfService.track.title')}](${selfServiceUrl(locale, 'track')}): ${translate(locale, 'selfService.track.text')}`)
		// A video becomes a link to its page: agents cannot play it, but can cite it.
		.replace(/<Video\s+([^>]*?)\/>/g, (match, attributes: string) => video(locale, attributes) ?? match);
	const leftover = /<[A-Z][\w.]*|^(?:import|export)\s/m.exec(rendered);
	if (leftover) {
		throw new MarkdownTwinError(
			`${file}: "${leftover[0].trim()}" has no Markdown version. Add it to src/agents/markdown.ts or remove it from the article.`,
		);
	}
	// Agents read the twin out of context: links and images get the full address.
	return rendered.replace(/(\]\()(\/[^)\s]*)/g, (_match, opening: string, path: string) => `${opening}${absoluteUrl(path)}`);
}

/**
 * Turns the body of an MDX article into plain Markdown: callouts become quotes with their label, steps their
 * numbered list, the contact box a heading with links; site links become absolute. Code blocks are left as written.
 */
export function mdxToMarkdown(body: string, locale: string, file = 'article'): string {
	const parts = body.split(/^((?:```|~~~)[\s\S]*?^(?:```|~~~)[ \t]*)$/m);
	return parts
		.map((part, index) => (index % 2 === 1 ? part : renderComponents(part, locale, file)))
		.join('')
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

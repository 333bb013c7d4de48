import GithubSlugger from 'github-slugger';
import { markdownToPlainText } from '../../agents/plain-text.ts';
import { treeToMarkdown } from '../../agents/tree-to-markdown.ts';
import { parseArticleBody } from '../../content-checks/parse-article.ts';
import { pageAnchors } from '../../utils/page-anchors.ts';

/** A published article, as the answer index reads it. */
export interface AnswerSourceArticle {
	/** The article's file name, the same in every build ("refund-timing"). */
	key: string;
	/** Its page's path (`/en/returns-refunds/refund-timing`). */
	url: string;
	title: string;
	description: string;
	keywords: string[];
	/** YYYY-MM-DD. */
	updated: string;
	/** The MDX (or Markdown) body as written. */
	body: string;
	format: 'md' | 'mdx';
	faq: { question: string; answer: string }[];
	/** Questions shoppers ask that the article answers, in their words (frontmatter `asked`). */
	asked?: string[];
}

/** One passage that can answer a question on its own: the article's lead, a section, or an FAQ pair. */
export interface AnswerUnit {
	kind: 'lead' | 'section' | 'faq';
	/** The section's heading or the FAQ question; absent for the lead. */
	heading?: string;
	/** The heading above a subsection, which frames it ("Refunds › By card"). */
	parentHeading?: string;
	/** The anchor of the section on the article's page (the heading's id, or `faq-<n>`). */
	anchor?: string;
	/** What a shopper reads: the passage's own words, plain text, at most {@link maxUnitWords} words. */
	text: string;
	/** Every word of the passage, for matching (the shown text may be cut). */
	matchText: string;
}

/** A passage longer than this is cut at a paragraph (or, for a single long paragraph, a sentence) boundary. */
export const maxUnitWords = 120;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

// Components add nothing an answer should quote (the contact box, the order form) or only their text (callouts,
// steps): the passage keeps the words a reader sees in the article's own flow.
const componentText = (name: string | null, children: () => string) => (name === 'ContactCta' || name === 'OrderLookup' ? '' : `\n\n${children()}\n\n`);

// A list whose items are only links to places on the same page is the article's own table of contents.
const contentsList = /(^[^\n]*:[ \t]*\n+)?(^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]*\]\(#[^)\s]*\)[ \t]*(?:\n|$))+/gm;

/**
 * Plain text for an answer: images dropped (their alt text describes a picture, it answers nothing), an in-page
 * table of contents dropped with the line that introduces it (it lists headings, it answers nothing), markup removed.
 */
function plain(markdown: string): string {
	return markdownToPlainText(markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(contentsList, ''))
		.replace(/[ \t]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/**
 * The first lines (paragraphs or list items) of `text` that fit in {@link maxUnitWords} words, or the first sentences
 * of a long first line: a passage is cut where its writer broke it, never mid-sentence.
 */
export function shortenPassage(text: string): string {
	if (wordCount(text) <= maxUnitWords) return text;
	const parts = text.split(/(\n+)/);
	let kept = '';
	let words = 0;
	for (let index = 0; index < parts.length; index += 2) {
		const line = parts[index] ?? '';
		const count = wordCount(line);
		if (words + count > maxUnitWords) break;
		kept += (index > 0 ? (parts[index - 1] ?? '') : '') + line;
		words += count;
	}
	if (kept.trim()) return kept.trim();
	let cut = '';
	for (const sentence of text.split(/(?<=[.!?…])\s+/)) {
		if (wordCount(`${cut} ${sentence}`) > maxUnitWords) break;
		cut = cut ? `${cut} ${sentence}` : sentence;
	}
	return cut || `${text.split(/\s+/).slice(0, maxUnitWords).join(' ')} …`;
}

interface Section {
	level: number;
	heading: string;
	anchor: string;
	lines: string[];
}

/**
 * Splits an article into its answer units: the lead (text before the first heading, with the description), each
 * `##` and `###` section (deeper headings stay inside theirs) and each FAQ pair. Anchors are the heading ids the
 * page carries (github-slugger over every heading, in order, as Astro does).
 */
export function answerUnitsOf(article: AnswerSourceArticle): AnswerUnit[] {
	const tree = parseArticleBody(article.body, article.format);
	const markdown = treeToMarkdown(article.body, tree, (element, children) => componentText(element.name, children));
	// The page's heading ids, for the headings this reads: those at the start of a line (not in quotes or lists).
	const anchors = pageAnchors(tree).headings.filter((heading) => heading.node.position?.start.column === 1);
	let headingIndex = 0;
	const slugger = new GithubSlugger();
	const sections: Section[] = [{ level: 1, heading: '', anchor: '', lines: [] }];
	let fence: string | undefined;
	for (const line of markdown.split('\n')) {
		const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
		if (fenceMark && (fence === undefined || fence === fenceMark)) fence = fence ? undefined : fenceMark;
		const heading = fence === undefined ? /^(#{1,6})[ \t]+(.+?)[ \t#]*$/.exec(line) : null;
		if (heading) {
			const level = heading[1]?.length ?? 1;
			const text = plain(heading[2] ?? '');
			const anchor = anchors[headingIndex++]?.id ?? slugger.slug(text);
			if (level <= 3) {
				sections.push({ level, heading: text, anchor, lines: [] });
				continue;
			}
		}
		sections.at(-1)?.lines.push(line);
	}

	const units: AnswerUnit[] = [];
	let parent: Section | undefined;
	for (const section of sections) {
		if (section.level === 2) parent = section;
		const text = plain(section.lines.join('\n'));
		if (section.level === 1) {
			const lead = [article.description, text].filter(Boolean).join('\n\n');
			units.push({ kind: 'lead', text: shortenPassage(text || article.description), matchText: lead });
			continue;
		}
		if (!text) continue;
		const unit: AnswerUnit = { kind: 'section', heading: section.heading, anchor: section.anchor, text: shortenPassage(text), matchText: text };
		if (section.level === 3 && parent) unit.parentHeading = parent.heading;
		units.push(unit);
	}
	article.faq.forEach((pair, index) => {
		const answer = plain(pair.answer);
		units.push({ kind: 'faq', heading: pair.question, anchor: `faq-${index + 1}`, text: shortenPassage(answer), matchText: answer });
	});
	return units;
}

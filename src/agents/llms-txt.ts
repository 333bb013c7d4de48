/** A link in an llms.txt list: `- [title](url): notes`. */
export interface LlmsLink {
	title: string;
	url: string;
	notes?: string;
}

export interface LlmsSection {
	heading: string;
	links: LlmsLink[];
}

export interface LlmsTxt {
	title: string;
	summary: string;
	details: string[];
	sections: LlmsSection[];
	/** Links an agent with little context room can skip; the format names this section "Optional". */
	optional: LlmsLink[];
}

// Markdown link text and notes are single-line; brackets would end the link text early.
const inline = (text: string) => text.replace(/\s+/g, ' ').replace(/[[\]]/g, '\\$&').trim();

const linkLine = (link: LlmsLink) => `- [${inline(link.title)}](${link.url})${link.notes ? `: ${inline(link.notes)}` : ''}`;

/** Writes an llms.txt file as https://llmstxt.org describes it: title, summary, details, then sections of links. */
export function llmsTxt(file: LlmsTxt): string {
	const blocks = [`# ${inline(file.title)}`, `> ${inline(file.summary)}`, ...file.details];
	for (const section of file.sections.filter((candidate) => candidate.links.length > 0)) {
		blocks.push(`## ${inline(section.heading)}\n\n${section.links.map(linkLine).join('\n')}`);
	}
	if (file.optional.length > 0) blocks.push(`## Optional\n\n${file.optional.map(linkLine).join('\n')}`);
	return `${blocks.join('\n\n')}\n`;
}

/**
 * The full text of many Markdown documents in one file, each after a rule, under a title and summary; `next` links
 * the file that continues it, when there is one.
 */
export function llmsFullTxt(title: string, summary: string, documents: string[], next?: LlmsLink): string {
	const blocks = [`# ${inline(title)}`, `> ${inline(summary)}`, ...documents.map((document) => `---\n\n${document.trim()}`)];
	if (next) blocks.push(`---\n\n[${inline(next.title)}](${next.url})`);
	return `${blocks.join('\n\n')}\n`;
}

import type { importSystems } from '../../../src/schemas/article.ts';

/** The systems we import from; recorded in each article's `source.system`. */
export type SourceSystem = (typeof importSystems)[number];

/** A file attached to an article in the source (Zendesk article attachments). */
export interface SourceAttachment {
	url: string;
	fileName: string;
	/** Images shown in the body (true) or files listed under the article (false). */
	inline: boolean;
	/** Only for this locale of the article, when the source says so. */
	sourceLocale?: string;
}

/** One article in one language, as the source system has it, before it becomes an MDX file. */
export interface SourceArticle {
	system: SourceSystem;
	/** The id recorded in `source.id`: Zendesk's article id (shared by its translations), or the CSV id or slug. */
	id: string;
	/** Articles of one group are translations of each other. */
	group: string;
	/** The locale as the source writes it: en-us, fr-FR, fr. */
	sourceLocale: string;
	title: string;
	html: string;
	excerpt?: string;
	/** Key of the source's section (Zendesk) or category (CSV) the article belongs to. */
	sectionKey: string;
	/** Position among the section's articles, smallest first. */
	position: number;
	updated?: Date;
	draft: boolean;
	promoted: boolean;
	keywords: string[];
	/** Old public addresses of the article (full URLs or paths); they become `redirectFrom`. */
	oldUrls: string[];
	attachments: SourceAttachment[];
	/** A file name the source chose (CSV `article_slug`). */
	slug?: string;
	/** Where the article was read, for messages: "sections.json" or "articles.csv line 4". */
	origin: string;
}

/** A Zendesk section or a CSV category: becomes one of our category folders. */
export interface SourceSection {
	key: string;
	/** Title and description in each source locale. */
	names: Map<string, { title: string; description?: string }>;
	/** Folder name the source asks for (CSV `category_slug`). */
	slug?: string;
	/** Sort key: parent position, own position. */
	sort: number[];
	/** Key of the group above the section (a Zendesk category, a top folder), in `ImportSource.groups`. */
	groupKey?: string;
	/** Old public addresses of the section's page (full URLs or paths). */
	oldUrls?: string[];
}

/** A level above sections: a Zendesk category, or the top folder of a two-level Markdown tree. */
export interface SourceGroup {
	key: string;
	/** Title and description in each source locale. */
	names: Map<string, { title: string; description?: string }>;
	slug?: string;
	sort: number[];
	/** Old public addresses of the group's page (full URLs or paths). */
	oldUrls: string[];
}

/** Where a link of an imported body points, in the source's terms. */
export type SourceLinkTarget =
	| { kind: 'article'; group: string; sourceLocale?: string }
	| { kind: 'section'; key: string }
	| { kind: 'home' };

/** Something left out, with the reason an editor can act on. */
export interface Skip {
	item: string;
	reason: string;
}

/** Everything read from one export, in the source's own terms. */
export interface ImportSource {
	system: SourceSystem;
	articles: SourceArticle[];
	sections: Map<string, SourceSection>;
	/** Groups of sections, when the source has a level above sections. */
	groups?: Map<string, SourceGroup>;
	/** Origins (https://shop.zendesk.com) whose links are links into the help center being imported. */
	origins: Set<string>;
	/** Recognises addresses of the old help center by their shape (Zendesk ids), beyond the known old URLs. */
	linkTarget?: (url: URL) => SourceLinkTarget | undefined;
	skipped: Skip[];
}

/** A problem with the input that stops the import before anything is written. */
export class ImportError extends Error {
	override name = 'ImportError';
}

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, parseDocument, stringify } from 'yaml';
import { articleUrl, categoryUrl, homeUrl } from '../../../src/config/page-urls.ts';
import { checkArticleFile, checkContent, formatProblems, isError, placeholderDescription, type ContentProblem } from '../../../src/content-checks/check-content.ts';
import { parseArticleText, readContent, type ContentSources } from '../../../src/content-checks/read-content.ts';
import { readSiteConfig } from '../../../src/config/read-site-config.ts';
import { fragmentOf } from './html-anchors.ts';
import { collectReferences, findAnchor, htmlToMdx, parseHtml } from './html-to-mdx.ts';
import { mapLocale } from './locale-map.ts';
import { MediaStore } from './media.ts';
import { oldPath, toUrl, unknownOrigin } from './old-paths.ts';
import { ImportError, type ImportSource, type Skip, type SourceAttachment, type SourceSystem } from './model.ts';
import { indexBySource, planImport, sourceKey, type PlannedArticle } from './plan.ts';
import { Staging } from './staging.ts';
import { altFromFileName, describe } from './text.ts';

/** The fragments (`part` of `…#part`) of every link of an article's HTML. */
function linkedFragments(html: string): string[] {
	return [...html.matchAll(/\bhref\s*=\s*["']([^"']*#[^"']+)["']/gi)].map((match) => fragmentOf(match[1] ?? ''));
}

export interface ImportProgress {
	start(total: number): void;
	tick(label: string): void;
	stop(): void;
}

export interface ImportOptions {
	/** The project: content/ and public/ are written there. */
	root: string;
	source: ImportSource;
	/** A local folder holding the export's images and files (`--media <folder>`), for every language. */
	mediaDir?: string;
	/** A folder for one language's articles (`--media fr=<folder>`), by site locale; before `mediaDir`. */
	mediaDirs?: Map<string, string>;
	/** How long to wait for one download. */
	timeoutMs?: number;
	/** Plan, convert and report without changing the project. */
	dryRun?: boolean;
	/** All or nothing: one article that would not pass the content checks refuses the whole import. */
	strict?: boolean;
	today?: Date;
	fetch?: typeof fetch;
	progress?: ImportProgress;
}

export interface ImportedArticle {
	file: string;
	url: string;
	locale: string;
	status: 'new' | 'updated' | 'unchanged';
	draft: boolean;
	source: { system: SourceSystem; id: string };
	redirectFrom: string[];
	images: string[];
}

/** An article left out because it would not pass the content checks: what to fix in the source. */
export interface RefusedArticle {
	/** The article in the source: where it was read, its title and language. */
	item: string;
	/** Where it would have been written. */
	file: string;
	/** Said when an earlier import of the article exists: that version is left as it was. */
	kept?: string;
	/** Lines are those of the file it would have been. */
	problems: { line?: number; column?: number; field?: string; message: string; fix: string }[];
}

/** What an import did, and everything an editor should look at afterwards. */
export interface ImportReport {
	system: SourceSystem;
	dryRun: boolean;
	strict: boolean;
	articles: ImportedArticle[];
	/** Articles not imported because they would not pass the content checks; the others are imported. */
	refused: RefusedArticle[];
	/** Category files: created, given what they lacked (group, old addresses, a translated title the import had written), or kept. */
	categories: { file: string; status: 'new' | 'updated' | 'kept' }[];
	/** Each language's `_groups.yaml`, when the source has groups above its sections. */
	groups: { file: string; status: 'new' | 'updated' | 'kept' }[];
	skipped: Skip[];
	/** Images and files written to public/ (those already there, byte for byte, are not counted). */
	mediaStored: number;
	mediaNotFound: { file: string; src: string; reason: string }[];
	scriptsDropped: { file: string; scripts: number; handlers: string[]; scriptLinks: number }[];
	altGenerated: { file: string; src: string; alt: string }[];
	/** Titles longer than search engines show, given a `seoTitle` cut at a word. */
	seoTitlesWritten: { file: string; title: string; seoTitle: string }[];
	duplicateTitles: { file: string; title: string; slug: string; reason: string }[];
	links: { file: string; href: string; outcome: string }[];
	embedsReplaced: { file: string; src: string }[];
	descriptionsToWrite: { file: string }[];
	redirectsDropped: { file: string; path: string; reason: string }[];
}

type Dictionary = Record<string, string>;
const dictionaries = new Map<string, Dictionary>();

/** Text the importer writes into content, from the UI dictionaries (src/i18n/<locale>.json), English otherwise. */
function phrase(locale: string, key: string, values: Record<string, string>): string {
	const load = (code: string): Dictionary | undefined => {
		if (!dictionaries.has(code)) {
			try {
				dictionaries.set(code, JSON.parse(readFileSync(new URL(`../../../src/i18n/${code}.json`, import.meta.url), 'utf8')) as Dictionary);
			} catch {
				return undefined;
			}
		}
		return dictionaries.get(code);
	};
	const template = load(locale)?.[key] ?? load('en')?.[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function livePaths(existing: ContentSources, locales: readonly string[], planned: PlannedArticle[]): Set<string> {
	const paths = new Set<string>(locales.map((locale) => homeUrl(locale)));
	for (const category of existing.categories) paths.add(categoryUrl(category.locale, category.id));
	for (const article of [...existing.articles, ...planned]) {
		for (const locale of locales) {
			paths.add(articleUrl(locale, article.category, article.slug));
			paths.add(categoryUrl(locale, article.category));
		}
	}
	return paths;
}
async function errorProblems(root: string): Promise<ContentProblem[]> {
	const site = readSiteConfig(root);
	return checkContent(await readContent(root), site, join(root, 'public')).filter(isError);
}

const problemLine = (problem: ContentProblem) => formatProblems([problem]);

/** Report entries of one article, gathered while it is converted: they count only if the article is imported. */
type ArticleNotes = Pick<ImportReport, 'mediaNotFound' | 'scriptsDropped' | 'altGenerated' | 'links' | 'embedsReplaced' | 'descriptionsToWrite' | 'redirectsDropped'>;

const noteKeys = ['mediaNotFound', 'scriptsDropped', 'altGenerated', 'links', 'embedsReplaced', 'descriptionsToWrite', 'redirectsDropped'] as const;

const emptyNotes = (): ArticleNotes => ({ mediaNotFound: [], scriptsDropped: [], altGenerated: [], links: [], embedsReplaced: [], descriptionsToWrite: [], redirectsDropped: [] });

/** An article with its images and files fetched, ready to convert. */
interface PreparedArticle {
	article: PlannedArticle;
	base: string;
	resolved: Map<string, { url: string; alt?: string } | null>;
	fileLinks: Map<string, string | null>;
	attachmentLinks: { text: string; url: string }[];
	mediaNotFound: ImportReport['mediaNotFound'];
	/** Public paths of every file stored for it (images, linked files, attachments). */
	media: string[];
	previousText?: string;
}

/** An article converted and checked on its own: its text, or the problems that keep it out. */
interface RenderedArticle {
	prepared: PreparedArticle;
	text: string;
	status: ImportedArticle['status'];
	redirectFrom: string[];
	notes: ArticleNotes;
	problems: ContentProblem[];
}

/** The label of a source article in messages: where it was read, its title and language. */
const sourceLabel = (article: PlannedArticle) => `${article.source.origin}: "${article.source.title}" (${article.source.sourceLocale})`;

function refusal(article: PlannedArticle, problems: ContentProblem[]): RefusedArticle {
	return {
		item: sourceLabel(article),
		file: article.file,
		...(article.existing ? { kept: 'the version already in content/ stays as it was' } : {}),
		problems: problems.map(({ line, column, field, message, fix }) => ({ ...(line ? { line } : {}), ...(column ? { column } : {}), ...(field ? { field } : {}), message, fix })),
	};
}

/**
 * Imports the articles of `source` into the project at `root`: plans their place, converts their HTML to MDX,
 * fetches their images and checks each article on its own (frontmatter and MDX, as the build reads them). The
 * articles that pass are written to a staging folder and moved into content/ and public/ together; the others are
 * listed in `refused` with the reason and the fix, and nothing of theirs is written. The whole project is then
 * checked again: an article whose file the check finds new errors in is taken out too. With `strict`, one refused
 * article refuses the whole import and nothing is changed.
 */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
	const { root, source } = options;
	const site = readSiteConfig(root);
	const locales = site.locales.map((locale) => locale.code);
	const defaultLocale = site.defaultLocale;
	const existing = await readContent(root);
	const plan = planImport(source, {
		locales,
		defaultLocale,
		existing,
		categoryDescription: (locale, topic) => phrase(locale, 'import.categoryDescription', { topic }),
	});
	const report: ImportReport = {
		system: source.system,
		dryRun: options.dryRun ?? false,
		strict: options.strict ?? false,
		articles: [],
		refused: [],
		categories: [],
		groups: plan.groups.map(({ file, status }) => ({ file, status })),
		skipped: plan.skipped,
		mediaStored: 0,
		...emptyNotes(),
		seoTitlesWritten: plan.seoTitlesWritten,
		duplicateTitles: plan.duplicateTitles,
	};

	const staging = await Staging.create(root);
	try {
		// One store per media folder: an export with two languages may keep each language's files apart.
		const store = (mediaDir: string | undefined) =>
			new MediaStore({
				stagePublicDir: join(staging.dir, 'public'),
				publicDir: join(root, 'public'),
				...(mediaDir ? { mediaDir } : {}),
				timeoutMs: options.timeoutMs ?? 10_000,
				...(options.fetch ? { fetch: options.fetch } : {}),
			});
		const shared = store(options.mediaDir);
		const stores = new Map([...(options.mediaDirs ?? [])].map(([locale, folder]) => [locale, store(folder)]));
		for (const media of [shared, ...stores.values()]) await media.init();

		// Where links of the old help center lead now.
		const byGroup = Map.groupBy(plan.articles, (article) => article.source.group);
		const byOldPath = new Map<string, string>();
		for (const article of source.articles) {
			for (const address of article.oldUrls) {
				const path = oldPath(address);
				if (path) byOldPath.set(path.toLowerCase(), article.group);
			}
		}
		const bySource = indexBySource(existing);
		const refused = new Map<string, RefusedArticle>();
		const articleAddress = (group: string, sourceLocale: string | undefined, locale: string): string | undefined => {
			// A refused article is not written: links lead to its earlier version, or stay links to the old help center.
			const members = (byGroup.get(group) ?? []).filter((member) => !refused.has(member.file));
			const wanted = sourceLocale ? mapLocale(sourceLocale, locales) : undefined;
			const found =
				members.find((member) => member.locale === wanted) ??
				members.find((member) => member.locale === locale) ??
				members.find((member) => member.locale === defaultLocale) ??
				members[0];
			if (found) return found.url;
			if (source.system !== 'zendesk') return undefined;
			// Imported by an earlier run: Zendesk ids are the groups.
			const earlier = bySource.get(sourceKey('zendesk', group, locale)) ?? bySource.get(sourceKey('zendesk', group, defaultLocale));
			return earlier ? articleUrl(locale, earlier.category, earlier.slug) : undefined;
		};
		const existingRedirectOwners = new Map<string, string>();
		for (const article of existing.articles) {
			const paths = article.data?.['redirectFrom'];
			if (Array.isArray(paths)) for (const path of paths) if (typeof path === 'string') existingRedirectOwners.set(path.replace(/\/$/, ''), article.file);
		}
		const live = livePaths(existing, locales, plan.articles);
		// Ids that links of any article point to: the conversion keeps them as anchors, so `page#part` still lands.
		const anchorTargets = new Set(plan.articles.flatMap((article) => linkedFragments(article.source.html)));
		// The anchors an imported article's page will have, for links to one of its parts; converted once, when linked.
		const byUrl = new Map(plan.articles.map((article) => [article.url, article]));
		const anchorCache = new Map<string, ReadonlySet<string>>();
		const anchorsAt = (address: string): ReadonlySet<string> | undefined => {
			const target = byUrl.get(address);
			if (!target) return undefined;
			let anchors = anchorCache.get(address);
			if (!anchors) {
				// Heading ids and anchors depend on the text only: images and links need not be resolved.
				anchors = htmlToMdx(target.source.html, { image: () => null, link: () => undefined, videoTitle: target.title, anchorTargets }).anchors;
				anchorCache.set(address, anchors);
			}
			return anchors;
		};

		// Images and linked files first, once: the conversion itself is synchronous, and runs again when an article
		// is refused (links to it change).
		const prepared: PreparedArticle[] = [];
		options.progress?.start(plan.articles.length);
		for (const article of plan.articles) {
			options.progress?.tick(article.file);
			const { source: item } = article;
			const media = stores.get(article.locale) ?? shared;
			const base = item.oldUrls.map((address) => toUrl(address, `${unknownOrigin}/`)).find((url) => url && url.origin !== unknownOrigin)?.href ?? `${unknownOrigin}/`;
			const tree = parseHtml(item.html);
			const references = collectReferences(tree);
			const imageFolder = article.slug;

			const resolved = new Map<string, { url: string; alt?: string } | null>();
			const findAttachment = (address: string): SourceAttachment | undefined => {
				const url = toUrl(address, base);
				const name = url?.pathname.split('/').pop();
				return item.attachments.find((attachment) => {
					const candidate = toUrl(attachment.url, base);
					return attachment.url === address || (candidate && url && candidate.pathname === url.pathname) || (name && decodeURIComponent(name) === attachment.fileName);
				});
			};
			const absolute = (address: string) => {
				if (address.startsWith('data:')) return address;
				const url = toUrl(address, base);
				return url && url.origin !== unknownOrigin ? url.href : address;
			};
			// Fetched side by side, reported in the order of the body.
			const missing: (ImportReport['mediaNotFound'][number] | undefined)[] = [];
			const images = [...new Set(references.images)];
			await Promise.all(
				images.map(async (src, index) => {
					resolved.set(src, null);
					const attachment = findAttachment(src);
					const result = await media.get(absolute(src), imageFolder, 'image', attachment?.fileName);
					if ('error' in result) missing[index] = { file: article.file, src: src.length > 100 ? `${src.slice(0, 97)}…` : src, reason: result.error };
					else resolved.set(src, { url: result.url, ...(attachment ? { alt: altFromFileName(attachment.fileName) } : {}) });
				}),
			);
			const fileLinks = new Map<string, string | null>();
			const links = [...new Set(references.links)].filter((href) => {
				const url = toUrl(href, base);
				const internal = url && (url.origin === unknownOrigin || source.origins.has(url.origin) || url.hostname.endsWith('.zendesk.com'));
				// Links to attachments of the old help center: the files move with the article.
				return internal && !resolved.get(href) && (/\/article_attachments\//i.test(url.pathname) || /\.(pdf|zip|png|jpe?g|gif|webp|svg|docx?|xlsx?|pptx?|csv|txt)$/i.test(url.pathname));
			});
			await Promise.all(
				links.map(async (href, index) => {
					fileLinks.set(href, null);
					const result = await media.get(absolute(href), imageFolder, 'file', findAttachment(href)?.fileName);
					if ('error' in result) missing[images.length + index] = { file: article.file, src: href, reason: result.error };
					else fileLinks.set(href, result.url);
				}),
			);
			const mediaNotFound = missing.filter((entry) => entry !== undefined);
			const attachmentLinks: { text: string; url: string }[] = [];
			for (const attachment of item.attachments.filter((candidate) => !candidate.inline)) {
				const result = await media.get(absolute(attachment.url), imageFolder, 'file', attachment.fileName);
				if ('error' in result) mediaNotFound.push({ file: article.file, src: attachment.url, reason: result.error });
				else attachmentLinks.push({ text: attachment.fileName, url: result.url });
			}
			const stored = [...[...resolved.values()].map((value) => value?.url), ...fileLinks.values(), ...attachmentLinks.map((link) => link.url)];
			prepared.push({
				article,
				base,
				resolved,
				fileLinks,
				attachmentLinks,
				mediaNotFound,
				media: stored.filter((url): url is string => typeof url === 'string'),
				...(article.existing ? { previousText: await readFile(join(root, article.existing.file), 'utf8') } : {}),
			});
		}
		options.progress?.stop();
		await staging.adopt('public');

		/** Converts one article to its MDX file and checks that file on its own. */
		const render = (entry: PreparedArticle, redirectOwners: Map<string, string>): RenderedArticle => {
			const { article, base, resolved, fileLinks, attachmentLinks } = entry;
			const { source: item, locale } = article;
			const notes = emptyNotes();
			notes.mediaNotFound.push(...entry.mediaNotFound);
			const link = (href: string): string | null | undefined => {
				if (href.startsWith('#') || /^(mailto|tel):/i.test(href)) return undefined;
				const image = resolved.get(href);
				if (image) return image.url;
				const file = fileLinks.get(href);
				if (file) return file;
				const url = toUrl(href, base);
				if (!url || !/^(https?|mailto|tel):$/.test(url.protocol)) {
					notes.links.push({ file: article.file, href, outcome: 'removed: not a web address' });
					return null;
				}
				const internal = url.origin === unknownOrigin || source.origins.has(url.origin) || url.hostname.endsWith('.zendesk.com');
				if (!internal) return url.href;
				const target = source.linkTarget?.(url) ?? (byOldPath.has(url.pathname.replace(/\/+$/, '').toLowerCase()) ? { kind: 'article' as const, group: byOldPath.get(url.pathname.replace(/\/+$/, '').toLowerCase()) ?? '' } : undefined);
				if (target?.kind === 'article') {
					const address = articleAddress(target.group, target.sourceLocale, locale);
					if (address) {
						// The part of the article stays when its page has it (ids that links point to are kept as anchors).
						const fragment = fragmentOf(url.hash);
						const anchors = fragment ? anchorsAt(address) : undefined;
						const meant = anchors ? findAnchor(fragment, anchors) : undefined;
						if (fragment && !meant) notes.links.push({ file: article.file, href, outcome: `linked to ${address} without #${fragment}: no heading or anchor there matches it` });
						return meant ? `${address}#${meant}` : address;
					}
				} else if (target?.kind === 'section') {
					const folder = plan.sectionFolders.get(target.key);
					if (folder) return categoryUrl(locale, folder);
				} else if (target?.kind === 'home') {
					return homeUrl(locale);
				}
				if (url.origin !== unknownOrigin) {
					notes.links.push({ file: article.file, href, outcome: `kept to the old help center (${url.href}): its target was not imported` });
					return url.href;
				}
				notes.links.push({ file: article.file, href, outcome: 'removed: a relative address of the old help center that was not imported' });
				return null;
			};

			const conversion = htmlToMdx(item.html, {
				image: (src) => resolved.get(src) ?? null,
				link,
				videoTitle: article.title,
				anchorTargets,
				...(attachmentLinks.length > 0 ? { attachments: { heading: phrase(locale, 'import.attachments', {}), links: attachmentLinks } } : {}),
			});
			const { notes: converted } = conversion;
			if (converted.scripts || converted.handlers.length || converted.scriptLinks) {
				notes.scriptsDropped.push({ file: article.file, scripts: converted.scripts, handlers: [...new Set(converted.handlers)], scriptLinks: converted.scriptLinks });
			}
			for (const generated of converted.altGenerated) notes.altGenerated.push({ file: article.file, ...generated });
			for (const src of converted.embedsReplaced) notes.embedsReplaced.push({ file: article.file, src });
			for (const anchor of converted.anchorsRemoved) notes.links.push({ file: article.file, href: anchor, outcome: 'removed: no heading or anchor of the article matches it' });

			let description = describe(item.excerpt, conversion.paragraphs);
			if (!description) {
				description = placeholderDescription;
				notes.descriptionsToWrite.push({ file: article.file });
			}

			const redirectFrom: string[] = [];
			const previous = article.existing?.data?.['redirectFrom'];
			for (const path of [...(Array.isArray(previous) ? previous.filter((entry): entry is string => typeof entry === 'string') : []), ...item.oldUrls.map(oldPath)]) {
				if (!path || redirectFrom.includes(path)) continue;
				const owner = redirectOwners.get(path);
				if (path === article.url || live.has(path)) continue;
				if (owner && owner !== article.file) {
					notes.redirectsDropped.push({ file: article.file, path, reason: `${owner} already redirects it` });
					continue;
				}
				redirectOwners.set(path, article.file);
				redirectFrom.push(path);
			}

			// A translation whose new original is refused has no original to point to: it stands alone until it has.
			const original = article.translationKey ? byGroup.get(item.group)?.find((member) => member.locale === defaultLocale) : undefined;
			const translationKey = original && refused.has(original.file) && !original.existing ? undefined : article.translationKey;
			const earlier = article.existing?.data ?? {};
			const frontmatter = (updated: string): Record<string, unknown> => {
				const data: Record<string, unknown> = {
					title: article.title,
					...(article.seoTitle ? { seoTitle: article.seoTitle } : {}),
					description,
					updated,
					...(article.order !== undefined ? { order: article.order } : {}),
					...((translationKey ?? earlier['translationKey']) ? { translationKey: translationKey ?? earlier['translationKey'] } : {}),
					...(item.keywords.length > 0 ? { keywords: item.keywords } : {}),
					...(item.promoted ? { promoted: true } : {}),
					...(item.draft ? { draft: true } : {}),
					redirectFrom,
					source: { system: item.system, id: item.id },
				};
				// Fields only editors write (related articles, FAQ…) stay as they are.
				for (const [key, value] of Object.entries(earlier)) if (!(key in data) && !['draft', 'promoted', 'keywords'].includes(key)) data[key] = value;
				if (earlier['promoted'] === true) data['promoted'] = true;
				if (item.keywords.length === 0 && Array.isArray(earlier['keywords']) && earlier['keywords'].length > 0) data['keywords'] = earlier['keywords'];
				return data;
			};
			const compose = (updated: string) => `---\n${stringify(frontmatter(updated), { lineWidth: 0 })}---\n\n${conversion.mdx}`;
			const { previousText } = entry;
			const earlierUpdated = earlier['updated'];
			const earlierDay = earlierUpdated instanceof Date ? day(earlierUpdated) : typeof earlierUpdated === 'string' ? earlierUpdated : undefined;
			// Without a date from the source, an unchanged article keeps its date so that re-running changes nothing.
			let text = compose(item.updated ? day(item.updated) : (earlierDay ?? day(options.today ?? new Date())));
			if (!item.updated && previousText !== undefined && text !== previousText) text = compose(day(options.today ?? new Date()));
			const status = previousText === undefined ? 'new' : previousText === text ? 'unchanged' : 'updated';
			// Checked as the build will read the file: its frontmatter against the schema, its MDX compiled.
			const place = { file: article.file, locale, category: article.category, slug: article.slug, extension: 'mdx' as const };
			const problems = checkArticleFile({ ...place, ...parseArticleText(text) }).problems.filter(isError);
			return { prepared: entry, text, status, redirectFrom, notes, problems };
		};

		/** Converts every article not refused yet, refusing those that fail their own check, until all pass. */
		const renderAll = (): RenderedArticle[] => {
			for (;;) {
				const owners = new Map(existingRedirectOwners);
				const rendered = prepared.filter((entry) => !refused.has(entry.article.file)).map((entry) => render(entry, owners));
				const failing = rendered.filter((entry) => entry.problems.length > 0);
				if (failing.length === 0) return rendered;
				for (const entry of failing) refused.set(entry.prepared.article.file, refusal(entry.prepared.article, entry.problems));
			}
		};

		/** Stages what passes, and takes out of the staging folder what belonged only to refused articles. */
		const stageAll = async (rendered: RenderedArticle[]): Promise<void> => {
			const keptMedia = new Set(rendered.flatMap((entry) => entry.prepared.media));
			const refusedMedia = new Set(prepared.filter((entry) => refused.has(entry.article.file)).flatMap((entry) => entry.media));
			const folders = new Set(rendered.map((entry) => entry.prepared.article.category));
			const categories = plan.categories.filter((category) => folders.has(category.id));
			const wanted = new Set([
				...rendered.filter((entry) => entry.status !== 'unchanged').map((entry) => entry.prepared.article.file),
				...categories.filter((category) => category.data && category.status !== 'kept').map((category) => category.file),
				...plan.groups.filter((groups) => groups.status !== 'kept').map((groups) => groups.file),
			]);
			for (const file of staging.files) {
				const mediaPath = file.startsWith('public/') ? file.slice('public'.length) : undefined;
				const orphan = mediaPath === undefined ? !wanted.has(file) : refusedMedia.has(mediaPath) && !keptMedia.has(mediaPath);
				if (orphan) await staging.remove(file);
			}
			// Existing files are changed field by field, so that editors' comments and other fields stay as they wrote them.
			for (const category of categories) {
				if (category.status === 'new' && category.data) await staging.write(category.file, stringify(category.data, { lineWidth: 0 }));
				if (category.status === 'updated' && category.data) {
					const document = parseDocument(await readFile(join(root, category.file), 'utf8'));
					for (const [key, value] of Object.entries(category.data)) document.set(key, value);
					await staging.write(category.file, document.toString({ lineWidth: 0 }));
				}
			}
			for (const groups of plan.groups) {
				if (groups.status === 'kept') continue;
				const document = groups.status === 'new' ? new Document({}) : parseDocument(await readFile(join(root, groups.file), 'utf8'));
				for (const [id, fields] of groups.entries) {
					if (!document.has(id)) document.set(id, fields);
					else for (const [key, value] of Object.entries(fields)) document.setIn([id, key], value);
				}
				await staging.write(groups.file, document.toString({ lineWidth: 0 }));
			}
			for (const entry of rendered) if (entry.status !== 'unchanged') await staging.write(entry.prepared.article.file, entry.text);
			report.categories = categories.map(({ file, status }) => ({ file, status }));
		};

		const finish = (rendered: RenderedArticle[]): ImportReport => {
			report.refused = [...refused.values()];
			report.articles = rendered.map(({ prepared: { article, resolved }, status, redirectFrom }) => ({
				file: article.file,
				url: article.url,
				locale: article.locale,
				status,
				draft: article.source.draft,
				source: { system: article.source.system, id: article.source.id },
				redirectFrom,
				images: [...resolved.values()].flatMap((value) => (value ? [value.url] : [])),
			}));
			for (const key of noteKeys) (report[key] as unknown[]) = rendered.flatMap((entry) => entry.notes[key]);
			const files = new Set(report.articles.map((article) => article.file));
			report.seoTitlesWritten = plan.seoTitlesWritten.filter((entry) => files.has(entry.file));
			report.duplicateTitles = plan.duplicateTitles.filter((entry) => files.has(entry.file));
			report.mediaStored = staging.files.filter((file) => file.startsWith('public/')).length;
			return report;
		};

		const strictRefusal = () =>
			new ImportError(
				`--strict: ${refused.size} article(s) would not pass the content checks, so nothing was changed:\n${[...refused.values()].map((entry) => formatRefusal(entry)).join('\n')}`,
			);

		let rendered = renderAll();
		if (options.strict && refused.size > 0) throw strictRefusal();
		await stageAll(rendered);
		if (options.dryRun || staging.files.length === 0) {
			await staging.discard();
			return finish(rendered);
		}
		// The whole project, checked again once written: what only shows across files (links, slugs, redirects).
		const before = new Set((await errorProblems(root)).map(problemLine));
		for (;;) {
			const commit = await staging.commit();
			const introduced = (await errorProblems(root)).filter((problem) => !before.has(problemLine(problem)));
			// Errors in files the import did not write were there before, or only changed their wording.
			const written = new Set(staging.files);
			const ours = introduced.filter((problem) => written.has(problem.file));
			if (ours.length === 0) {
				await commit.finish();
				return finish(rendered);
			}
			const byFile = Map.groupBy(ours, (problem) => problem.file);
			const culprits = rendered.filter((entry) => byFile.has(entry.prepared.article.file));
			if (options.strict || culprits.length === 0 || ours.some((problem) => !culprits.some((entry) => entry.prepared.article.file === problem.file))) {
				await commit.rollback();
				throw new ImportError(`The imported content would not pass the content checks, so nothing was changed:\n${formatProblems(ours)}`);
			}
			await commit.unstage();
			for (const entry of culprits) refused.set(entry.prepared.article.file, refusal(entry.prepared.article, byFile.get(entry.prepared.article.file) ?? []));
			rendered = renderAll();
			await stageAll(rendered);
			if (staging.files.length === 0) {
				await staging.discard();
				return finish(rendered);
			}
		}
	} catch (error) {
		options.progress?.stop();
		await staging.discard();
		throw error;
	}
}

/** One refused article, for messages: the source item, where it would have gone, and each problem with its fix. */
export function formatRefusal(entry: RefusedArticle): string {
	return [
		`${entry.item} → ${entry.file}${entry.kept ? ` (${entry.kept})` : ''}`,
		...entry.problems.map((problem) => `    ${problem.line ? `line ${problem.line}${problem.column ? `:${problem.column}` : ''}: ` : ''}${problem.field ? `[${problem.field}] ` : ''}${problem.message} (${problem.fix})`),
	].join('\n');
}

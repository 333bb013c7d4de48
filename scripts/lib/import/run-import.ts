import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { articleUrl, categoryUrl, homeUrl } from '../../../src/config/page-urls.ts';
import { checkContent, formatProblems, isError, placeholderDescription } from '../../../src/content-checks/check-content.ts';
import { readContent, type ContentSources } from '../../../src/content-checks/read-content.ts';
import { readSiteConfig } from '../../../src/config/read-site-config.ts';
import { fragmentOf } from './html-anchors.ts';
import { collectReferences, findAnchor, htmlToMdx, parseHtml } from './html-to-mdx.ts';
import { mapLocale } from './locale-map.ts';
import { MediaStore } from './media.ts';
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
	/** A local folder holding the export's images and files (`--media`). */
	mediaDir?: string;
	/** How long to wait for one download. */
	timeoutMs?: number;
	/** Plan, convert and report without changing the project. */
	dryRun?: boolean;
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

/** What an import did, and everything an editor should look at afterwards. */
export interface ImportReport {
	system: SourceSystem;
	dryRun: boolean;
	articles: ImportedArticle[];
	categories: { file: string; status: 'new' | 'kept' }[];
	skipped: Skip[];
	/** Images and files written to public/ (those already there, byte for byte, are not counted). */
	mediaStored: number;
	mediaNotFound: { file: string; src: string; reason: string }[];
	scriptsDropped: { file: string; scripts: number; handlers: string[]; scriptLinks: number }[];
	altGenerated: { file: string; src: string; alt: string }[];
	titlesShortened: { file: string; from: string; to: string }[];
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
const unknownOrigin = 'https://import.invalid';

function toUrl(address: string, base: string): URL | undefined {
	try {
		return new URL(address.startsWith('//') ? `https:${address}` : address, base);
	} catch {
		return undefined;
	}
}

/** The path part of an old address, as `redirectFrom` wants it: "/hc/en-us/articles/123-Title". */
function oldPath(address: string): string | undefined {
	const url = toUrl(address, `${unknownOrigin}/`);
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	const path = url.pathname.replace(/\/+$/, '') || '/';
	return /^\/[^\s?#]*$/.test(path) && path !== '/' ? path : undefined;
}

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

async function errorLines(root: string): Promise<Set<string>> {
	const site = readSiteConfig(root);
	const problems = checkContent(await readContent(root), site, join(root, 'public'));
	return new Set(formatProblems(problems.filter(isError)).split('\n').filter(Boolean));
}

/**
 * Imports the articles of `source` into the project at `root`: plans their place, converts their HTML to MDX,
 * fetches their images, writes everything to a staging folder, then moves it into content/ and public/ at once.
 * If the result would not pass the content checks, nothing is left changed.
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
		articles: [],
		categories: plan.categories.map(({ file, status }) => ({ file, status })),
		skipped: plan.skipped,
		mediaStored: 0,
		mediaNotFound: [],
		scriptsDropped: [],
		altGenerated: [],
		titlesShortened: plan.titlesShortened,
		duplicateTitles: plan.duplicateTitles,
		links: [],
		embedsReplaced: [],
		descriptionsToWrite: [],
		redirectsDropped: [],
	};

	const staging = await Staging.create(root);
	try {
		const media = new MediaStore({
			stagePublicDir: join(staging.dir, 'public'),
			publicDir: join(root, 'public'),
			...(options.mediaDir ? { mediaDir: options.mediaDir } : {}),
			timeoutMs: options.timeoutMs ?? 10_000,
			...(options.fetch ? { fetch: options.fetch } : {}),
		});
		await media.init();

		for (const category of plan.categories) {
			if (category.data) await staging.write(category.file, stringify(category.data, { lineWidth: 0 }));
		}

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
		const articleAddress = (group: string, sourceLocale: string | undefined, locale: string): string | undefined => {
			const members = byGroup.get(group) ?? [];
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
		const redirectOwners = new Map<string, string>();
		for (const article of existing.articles) {
			const paths = article.data?.['redirectFrom'];
			if (Array.isArray(paths)) for (const path of paths) if (typeof path === 'string') redirectOwners.set(path.replace(/\/$/, ''), article.file);
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

		options.progress?.start(plan.articles.length);
		for (const article of plan.articles) {
			options.progress?.tick(article.file);
			const { source: item, locale } = article;
			const base = item.oldUrls.map((address) => toUrl(address, `${unknownOrigin}/`)).find((url) => url && url.origin !== unknownOrigin)?.href ?? `${unknownOrigin}/`;
			const tree = parseHtml(item.html);
			const references = collectReferences(tree);
			const imageFolder = article.slug;

			// Images and linked files first: the conversion itself is synchronous.
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
			report.mediaNotFound.push(...missing.filter((entry) => entry !== undefined));
			const attachmentLinks: { text: string; url: string }[] = [];
			for (const attachment of item.attachments.filter((candidate) => !candidate.inline)) {
				const result = await media.get(absolute(attachment.url), imageFolder, 'file', attachment.fileName);
				if ('error' in result) report.mediaNotFound.push({ file: article.file, src: attachment.url, reason: result.error });
				else attachmentLinks.push({ text: attachment.fileName, url: result.url });
			}

			const link = (href: string): string | null | undefined => {
				if (href.startsWith('#') || /^(mailto|tel):/i.test(href)) return undefined;
				const image = resolved.get(href);
				if (image) return image.url;
				const file = fileLinks.get(href);
				if (file) return file;
				const url = toUrl(href, base);
				if (!url || !/^(https?|mailto|tel):$/.test(url.protocol)) {
					report.links.push({ file: article.file, href, outcome: 'removed: not a web address' });
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
						if (fragment && !meant) report.links.push({ file: article.file, href, outcome: `linked to ${address} without #${fragment}: no heading or anchor there matches it` });
						return meant ? `${address}#${meant}` : address;
					}
				} else if (target?.kind === 'section') {
					const folder = plan.sectionFolders.get(target.key);
					if (folder) return categoryUrl(locale, folder);
				} else if (target?.kind === 'home') {
					return homeUrl(locale);
				}
				if (url.origin !== unknownOrigin) {
					report.links.push({ file: article.file, href, outcome: `kept to the old help center (${url.href}): its target was not imported` });
					return url.href;
				}
				report.links.push({ file: article.file, href, outcome: 'removed: a relative address of the old help center that was not imported' });
				return null;
			};

			const conversion = htmlToMdx(item.html, {
				image: (src) => resolved.get(src) ?? null,
				link,
				videoTitle: article.title,
				anchorTargets,
				...(attachmentLinks.length > 0 ? { attachments: { heading: phrase(locale, 'import.attachments', {}), links: attachmentLinks } } : {}),
			});
			const { notes } = conversion;
			if (notes.scripts || notes.handlers.length || notes.scriptLinks) {
				report.scriptsDropped.push({ file: article.file, scripts: notes.scripts, handlers: [...new Set(notes.handlers)], scriptLinks: notes.scriptLinks });
			}
			for (const generated of notes.altGenerated) report.altGenerated.push({ file: article.file, ...generated });
			for (const src of notes.embedsReplaced) report.embedsReplaced.push({ file: article.file, src });
			for (const anchor of notes.anchorsRemoved) report.links.push({ file: article.file, href: anchor, outcome: 'removed: no heading or anchor of the article matches it' });

			let description = describe(item.excerpt, conversion.paragraphs);
			if (!description) {
				description = placeholderDescription;
				report.descriptionsToWrite.push({ file: article.file });
			}

			const redirectFrom: string[] = [];
			const previous = article.existing?.data?.['redirectFrom'];
			for (const path of [...(Array.isArray(previous) ? previous.filter((entry): entry is string => typeof entry === 'string') : []), ...item.oldUrls.map(oldPath)]) {
				if (!path || redirectFrom.includes(path)) continue;
				const owner = redirectOwners.get(path);
				if (path === article.url || live.has(path)) continue;
				if (owner && owner !== article.file) {
					report.redirectsDropped.push({ file: article.file, path, reason: `${owner} already redirects it` });
					continue;
				}
				redirectOwners.set(path, article.file);
				redirectFrom.push(path);
			}

			const earlier = article.existing?.data ?? {};
			const frontmatter = (updated: string): Record<string, unknown> => {
				const data: Record<string, unknown> = {
					title: article.title,
					description,
					updated,
					...(article.order !== undefined ? { order: article.order } : {}),
					...((article.translationKey ?? earlier['translationKey']) ? { translationKey: article.translationKey ?? earlier['translationKey'] } : {}),
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
			const previousText = article.existing ? await readFile(join(root, article.existing.file), 'utf8') : undefined;
			const earlierUpdated = earlier['updated'];
			const earlierDay = earlierUpdated instanceof Date ? day(earlierUpdated) : typeof earlierUpdated === 'string' ? earlierUpdated : undefined;
			// Without a date from the source, an unchanged article keeps its date so that re-running changes nothing.
			let text = compose(item.updated ? day(item.updated) : (earlierDay ?? day(options.today ?? new Date())));
			if (!item.updated && previousText !== undefined && text !== previousText) text = compose(day(options.today ?? new Date()));
			const status = previousText === undefined ? 'new' : previousText === text ? 'unchanged' : 'updated';
			if (status !== 'unchanged') await staging.write(article.file, text);
			const stored = [...resolved.values()].filter((value): value is { url: string } => value !== null).map((value) => value.url);
			report.articles.push({ file: article.file, url: article.url, locale, status, draft: item.draft, source: { system: item.system, id: item.id }, redirectFrom, images: stored });
		}
		options.progress?.stop();
		await staging.adopt('public');
		report.mediaStored = media.stored.length;

		if (options.dryRun || staging.files.length === 0) {
			await staging.discard();
			return report;
		}
		const before = await errorLines(root);
		const commit = await staging.commit();
		const introduced = [...(await errorLines(root))].filter((line) => !before.has(line));
		if (introduced.length > 0) {
			await commit.rollback();
			throw new ImportError(`The imported content would not pass the content checks, so nothing was changed:\n${introduced.join('\n')}`);
		}
		await commit.finish();
		return report;
	} catch (error) {
		options.progress?.stop();
		await staging.discard();
		throw error;
	}
}

/**
 * Reads a folder of Markdown/MDX pages (GitBook, Docusaurus, MkDocs, Jekyll, a Zendesk-synced tree) as an import
 * source: folders become sections (and top folders groups when the tree has two levels), front matter gives the
 * fields, relative links and images point at the files they name so that the importer can follow them.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { lastCommitDates } from './git-dates.ts';
import { fieldNames, readFields, splitFrontMatter, unknownNames, type ArticleFields } from './markdown-frontmatter.ts';
import { categoryFile, contentRoots, humanize, listTree, numberPrefix, type ContentRoot } from './markdown-layout.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { ImportError, type ImportSource, type Skip, type SourceArticle, type SourceGroup, type SourceLinkTarget, type SourceSection } from './model.ts';

export interface MarkdownFolderOptions {
	/** Language of the pages outside language folders (`--locale`, default: the site's). */
	locale: string;
	/** `name=field` pairs from --map. */
	map?: string[];
	/** Locale of the old Zendesk addresses (/hc/<locale>/articles/<id>) per language; default en → en-us. */
	zendeskLocale?: (locale: string) => string;
	/** The files' last-change dates, by absolute path, when they are not the folder's own git history (language branches). */
	dates?: Map<string, Date>;
}

const markdownFile = /\.mdx?$/i;
const indexFile = /^(index|readme|_index)\.mdx?$/i;
/** Zendesk article ids: long numbers. */
const zendeskId = /^\d{6,}$/;
const zendeskArticlePath = /^\/hc\/(?:([a-z]{2,3}(?:-[a-z0-9]{2,4})?)\/)?articles\/(\d+)/i;
const unset = 1_000_000;

const defaultZendeskLocale = (locale: string) => (locale.toLowerCase() === 'en' ? 'en-us' : locale.toLowerCase());

interface Page {
	root: ContentRoot;
	locale: string;
	/** Path relative to the root, and to the imported folder. */
	path: string;
	fromFolder: string;
	fields: ArticleFields;
	title: string;
	html: string;
	updated?: Date;
	isIndex: boolean;
}

/** A key for a path the links of the pages may name: "/guide/setup.md" and "/guide/setup" are one. */
function pathKey(path: string): string {
	let decoded = path;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// Keep it as written.
	}
	return decoded.toLowerCase().replace(/\/+$/, '').replace(/\.mdx?$/, '').replace(/\/(index|readme|_index)$/, '') || '/';
}

function thin(html: string): boolean {
	if (/<(img|table|pre|iframe|aside|h[2-6])\b/i.test(html)) return false;
	return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().length < 280;
}

/** Reads the folder; see the module comment. Files that cannot be read or parsed are skipped with the reason. */
export async function readMarkdownFolder(folder: string, options: MarkdownFolderOptions): Promise<ImportSource> {
	try {
		if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
	} catch (error) {
		throw new ImportError(`${folder} cannot be read as a folder of Markdown files (${(error as Error).message}).`);
	}
	const names = fieldNames(options.map);
	const zendeskLocale = options.zendeskLocale ?? defaultZendeskLocale;
	const roots = contentRoots(folder);
	const allFiles = listTree(folder);
	const fileSet = new Set(allFiles);
	const folderSet = new Set(allFiles.flatMap((file) => file.split('/').slice(0, -1).map((_part, index, parts) => parts.slice(0, index + 1).join('/'))));
	const dates = options.dates ?? (await lastCommitDates(folder));
	const skipped: Skip[] = [];
	const unknownFields = new Map<string, number>();
	const unknownTags = new Map<string, Set<string>>();
	const unknownComponents = new Map<string, Set<string>>();
	const note = (counts: Map<string, Set<string>>, name: string, file: string) => counts.set(name, (counts.get(name) ?? new Set()).add(file));

	/** Where a link or image of the page at `fromFolder` points, as a path of the imported folder ("/fr/a.md"). */
	const resolver = (root: ContentRoot, fromFolder: string) => (address: string, kind: 'link' | 'image'): string | undefined => {
		if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//') || address.startsWith('#')) return undefined;
		const [pathPart = '', ...rest] = address.split(/(?=[?#])/);
		const hash = rest.find((part) => part.startsWith('#')) ?? '';
		let path = pathPart;
		try {
			path = decodeURIComponent(pathPart);
		} catch {
			// Keep it as written.
		}
		const rootFromFolder = posix.normalize(relative(folder, root.dir).split(sep).join('/') || '.');
		const candidates = path.startsWith('/')
			? [posix.join(rootFromFolder, path), path.slice(1), ...(root.staticDir ? [posix.join(relative(folder, root.staticDir).split(sep).join('/'), path)] : [])]
			: [posix.join(posix.dirname(fromFolder), path)];
		for (const candidate of candidates.map((value) => posix.normalize(value).replace(/^\.\//, ''))) {
			const tries = kind === 'image' ? [candidate] : [candidate, `${candidate}.md`, `${candidate}.mdx`, `${candidate}/README.md`, `${candidate}/index.md`, `${candidate}/index.mdx`];
			const found = tries.find((value) => fileSet.has(value)) ?? (kind === 'link' && folderSet.has(candidate.replace(/\/+$/, '')) ? candidate.replace(/\/+$/, '') : undefined);
			if (found) return `/${encodeURI(found)}${kind === 'link' ? hash : ''}`;
		}
		return undefined;
	};

	const pages: Page[] = [];
	for (const root of roots) {
		const rootFromFolder = relative(folder, root.dir).split(sep).join('/');
		const prefix = rootFromFolder ? `${rootFromFolder}/` : '';
		const locale = root.locale ?? options.locale;
		const files = allFiles
			.filter((file) => file.startsWith(prefix) && markdownFile.test(file))
			.map((file) => file.slice(prefix.length))
			.filter((path) => !(roots.length > 1 && !root.locale && roots.some((other) => other !== root && join(root.dir, path).startsWith(other.dir + sep))))
			.filter((path) => !/^(summary|langs|glossary)\.md$/i.test(path));
		for (const path of files) {
			const fromFolder = `${prefix}${path}`;
			if (root.navIsComplete && root.nav && !root.nav.has(path)) {
				skipped.push({ item: fromFolder, reason: 'not listed in SUMMARY.md, so the old site did not publish it; add it there to import it' });
				continue;
			}
			const absolute = join(folder, fromFolder);
			let text: string;
			try {
				text = await readFile(absolute, 'utf8');
			} catch (error) {
				skipped.push({ item: fromFolder, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
				continue;
			}
			let frontMatter: ReturnType<typeof splitFrontMatter>;
			try {
				frontMatter = splitFrontMatter(text);
			} catch (error) {
				skipped.push({ item: `${fromFolder}, ${(error as Error).message.split(':')[0]}`, reason: (error as Error).message.replace(/^line \d+: /, '') });
				continue;
			}
			const fields = readFields(frontMatter.data, names);
			for (const name of unknownNames(frontMatter.data, names)) unknownFields.set(name, (unknownFields.get(name) ?? 0) + 1);
			let body: ReturnType<typeof markdownToHtml>;
			try {
				body = markdownToHtml(frontMatter.body, { mdx: /\.mdx$/i.test(path), resolve: resolver(root, fromFolder) });
			} catch (error) {
				skipped.push({ item: fromFolder, reason: `cannot be converted (${(error as Error).message})` });
				continue;
			}
			for (const tag of body.unknownTags) note(unknownTags, tag, fromFolder);
			for (const component of body.unknownComponents) note(unknownComponents, component, fromFolder);
			const name = posix.basename(path);
			const jekyllDate = /^(\d{4}-\d{2}-\d{2})-/.exec(name)?.[1];
			const title = fields.title ?? body.heading ?? root.nav?.get(path)?.title ?? humanize(indexFile.test(name) ? posix.basename(posix.dirname(path)) : name.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
			let updated = fields.updated ?? dates.get(absolute) ?? (jekyllDate ? new Date(jekyllDate) : undefined);
			if (!updated) updated = (await stat(absolute)).mtime;
			pages.push({ root, locale: fields.locale ?? locale, path, fromFolder, fields, title, html: body.html, updated, isIndex: indexFile.test(name) });
		}
	}

	// Sections: a folder per section; with two levels of folders, the top folder is a group.
	const twoLevels = pages.some((page) => page.path.split('/').length > 2);
	const sectionKeyOf = (path: string): string => {
		const folders = path.split('/').slice(0, -1);
		if (!twoLevels) return folders[0] ?? '';
		return folders.length === 0 ? '' : folders.length === 1 ? `${folders[0]}/` : `${folders[0]}/${folders[1]}`;
	};
	const sections = new Map<string, SourceSection>();
	const groups = new Map<string, SourceGroup>();
	const folderInfo = (root: ContentRoot, dir: string) => {
		const category = categoryFile(join(root.dir, dir));
		const index = pages.find((page) => page.root === root && page.isIndex && posix.dirname(page.path) === dir);
		const navIndexes = [...(root.nav ?? [])].filter(([path]) => path.startsWith(`${dir}/`)).map(([, entry]) => entry.index);
		const title = category.label ?? root.navFolders?.get(dir) ?? index?.title ?? humanize(posix.basename(dir));
		const description = category.description ?? index?.fields.description;
		const position = category.position ?? (navIndexes.length > 0 ? Math.min(...navIndexes) : undefined) ?? numberPrefix(posix.basename(dir));
		return { title, ...(description ? { description } : {}), position };
	};
	const topFolders = [...new Set(pages.map((page) => page.path.split('/').slice(0, -1)[0]).filter((name): name is string => !!name))].sort();
	const alphabetical = (name: string) => unset + topFolders.indexOf(name);
	for (const page of pages) {
		const key = sectionKeyOf(page.path);
		const folders = page.path.split('/').slice(0, -1);
		const groupKey = twoLevels && folders[0] ? folders[0] : undefined;
		const group = groupKey ? folderInfo(page.root, groupKey) : undefined;
		if (groupKey && group) {
			const entry = groups.get(groupKey) ?? { key: groupKey, names: new Map(), sort: [group.position ?? alphabetical(groupKey)], oldUrls: [] };
			if (!entry.names.has(page.locale)) entry.names.set(page.locale, { title: group.title, ...(group.description ? { description: group.description } : {}) });
			groups.set(groupKey, entry);
		}
		const dir = key.endsWith('/') ? key.slice(0, -1) : key;
		const rootIndex = pages.find((other) => other.root === page.root && other.isIndex && other.path === posix.basename(other.path));
		const info = dir ? folderInfo(page.root, dir) : { title: page.root.title ?? rootIndex?.title ?? humanize(posix.basename(page.root.locale ? folder : page.root.dir)), position: -1 };
		const own = info.position ?? unset + [...new Set(pages.map((other) => sectionKeyOf(other.path)))].sort().indexOf(key);
		const section = sections.get(key) ?? {
			key,
			names: new Map(),
			sort: groupKey ? [groups.get(groupKey)?.sort[0] ?? 0, key.endsWith('/') ? -1 : own] : [dir ? (info.position ?? alphabetical(dir)) : -1],
			...(groupKey ? { groupKey } : {}),
		};
		if (!section.names.has(page.locale)) section.names.set(page.locale, { title: info.title, ...('description' in info && info.description ? { description: info.description } : {}) });
		sections.set(key, section);
	}

	// Articles: index pages that only introduce their folder name it instead (unless the tool shows them as pages).
	const articles: SourceArticle[] = [];
	const targets = new Map<string, SourceLinkTarget>();
	const byZendeskId = new Map<string, string>();
	for (const page of pages) {
		const idPath = page.path.replace(markdownFile, '');
		const numericId = page.fields.id && zendeskId.test(page.fields.id) ? page.fields.id : undefined;
		const id = numericId ?? idPath;
		const group = page.fields.translationKey ?? id;
		const key = sectionKeyOf(page.path);
		if (page.isIndex && !page.root.indexIsPage && posix.dirname(page.path) !== '.' && thin(page.html)) {
			skipped.push({ item: page.fromFolder, reason: `its title and description name the category "${page.title}"; it has too little text to be an article of its own` });
			targets.set(pathKey(`/${page.fromFolder}`), { kind: 'section', key });
			continue;
		}
		const sourceLocale = page.locale;
		const oldUrls = [...page.fields.permalinks];
		if (numericId) {
			oldUrls.push(`/hc/${zendeskLocale(sourceLocale)}/articles/${numericId}`);
			if (!page.root.locale) oldUrls.push(`/hc/articles/${numericId}`);
			byZendeskId.set(numericId, group);
		}
		const navIndex = page.root.nav?.get(page.path)?.index;
		articles.push({
			system: 'markdown',
			id,
			group,
			sourceLocale,
			title: page.title,
			html: page.html,
			...(page.fields.description ? { excerpt: page.fields.description } : {}),
			sectionKey: key,
			position: page.fields.order ?? navIndex ?? numberPrefix(posix.basename(page.path)) ?? unset,
			...(page.updated ? { updated: page.updated } : {}),
			draft: page.fields.draft,
			promoted: page.fields.promoted,
			keywords: page.fields.keywords,
			oldUrls,
			attachments: [],
			...(page.fields.slug && !page.fields.slug.includes('/') ? { slug: page.fields.slug } : {}),
			origin: page.fromFolder,
		});
		const target: SourceLinkTarget = { kind: 'article', group, sourceLocale };
		targets.set(pathKey(`/${page.fromFolder}`), target);
		if (page.root.routeBase) {
			const route = page.fields.slug?.startsWith('/') ? page.fields.slug.slice(1) : posix.join(posix.dirname(idPath), page.fields.slug ?? posix.basename(idPath));
			targets.set(pathKey(`${page.root.routeBase}${route.split('/').map((part) => part.replace(/^\d+[-_]/, '')).join('/')}`), target);
			targets.set(pathKey(`${page.root.routeBase}${route}`), target);
		}
	}
	for (const page of pages) {
		const key = sectionKeyOf(page.path);
		const dir = posix.dirname(page.fromFolder);
		if (dir !== '.' && !targets.has(pathKey(`/${dir}`)) && sections.has(key)) targets.set(pathKey(`/${dir}`), { kind: 'section', key });
	}

	// The old help center's address: the host of links to the Zendesk ids of these pages.
	const origins = new Set<string>();
	for (const article of articles) {
		for (const match of article.html.matchAll(/href="(https?:\/\/[^"/]+)(\/hc\/[^"]*)"/g)) {
			const id = match[2] ? zendeskArticlePath.exec(match[2])?.[2] : undefined;
			if (match[1] && id && byZendeskId.has(id)) origins.add(new URL(match[1]).origin);
		}
	}
	const linkTarget = (url: URL): SourceLinkTarget | undefined => {
		const zendesk = zendeskArticlePath.exec(url.pathname);
		if (zendesk?.[2]) {
			const group = byZendeskId.get(zendesk[2]);
			return group ? { kind: 'article', group } : undefined;
		}
		return targets.get(pathKey(url.pathname));
	};

	const report = (what: string, counts: Map<string, number>, reason: (name: string) => string) => {
		for (const [name, count] of [...counts].sort()) skipped.push({ item: `${what} "${name}" (${count} file${count === 1 ? '' : 's'})`, reason: reason(name) });
	};
	report('front matter field', unknownFields, (name) => `not imported; to keep it, map it to one of our fields with --map "${name}=<field>"`);
	report('Liquid tag', new Map([...unknownTags].map(([name, files]) => [`{% ${name} %}`, files.size])), () => 'removed: we do not know what it shows; check the articles where it was');
	report('component', new Map([...unknownComponents].map(([name, files]) => [`<${name}>`, files.size])), () => 'unwrapped: its content is kept, its behaviour is not');
	return { system: 'markdown', articles, sections, ...(groups.size > 0 ? { groups } : {}), origins, linkTarget, skipped };
}

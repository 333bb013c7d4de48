/**
 * How documentation tools lay out a folder of Markdown: where the pages of each language are (Docusaurus i18n,
 * GitBook LANGS.md, top-level language folders, MkDocs docs_dir), the order and titles of their navigation
 * (GitBook SUMMARY.md, MkDocs nav) and the labels of their folders (Docusaurus _category_.json/.yml).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

/** Folder of pages in one language. */
export interface ContentRoot {
	dir: string;
	/** The language code as the layout writes it, or undefined for the --locale language. */
	locale?: string;
	/** Title of the whole guide (GitBook SUMMARY title, MkDocs site_name). */
	title?: string;
	/** Pages in navigation order, by path relative to `dir`, with the title the navigation gives them. */
	nav?: Map<string, { index: number; title?: string }>;
	/** Section titles the navigation gives folders, by folder path relative to `dir`. */
	navFolders?: Map<string, string>;
	/** The navigation lists every published page (GitBook): pages outside it are left out. */
	navIsComplete: boolean;
	/** The tool reads folder index files as pages (GitBook). */
	indexIsPage: boolean;
	/** Where root-absolute image addresses (/img/logo.png) point (Docusaurus static/). */
	staticDir?: string;
	/** URL prefix of the pages (Docusaurus /docs/). */
	routeBase?: string;
}

const toPosix = (path: string) => path.split(sep).join('/');

function isLanguageCode(name: string): boolean {
	if (!/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/.test(name)) return false;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(name.replace('_', '-')) !== undefined;
	} catch {
		return false;
	}
}

function hasMarkdown(dir: string): boolean {
	try {
		return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => /\.mdx?$/i.test(name));
	} catch {
		return false;
	}
}

/** Markdown links of a list (GitBook SUMMARY.md, LANGS.md): their text, target and nesting, with `##` parts. */
function summaryEntries(text: string): { title: string; path: string; part?: string }[] {
	const entries: { title: string; path: string; part?: string }[] = [];
	let part: string | undefined;
	for (const line of text.split(/\r?\n/)) {
		const heading = /^#{2,}\s+(.*)$/.exec(line);
		if (heading?.[1]) part = heading[1].trim();
		const link = /^\s*[-*+]\s+\[([^\]]*)\]\(<?([^)>\s]+)>?[^)]*\)/.exec(line);
		if (link?.[2] && !/^[a-z]+:/i.test(link[2])) entries.push({ title: link[1]?.trim() ?? '', path: decodeURI(link[2].split('#')[0] ?? ''), ...(part ? { part } : {}) });
	}
	return entries;
}

function gitbookNav(dir: string): Pick<ContentRoot, 'title' | 'nav' | 'navFolders'> | undefined {
	const file = ['SUMMARY.md', 'summary.md'].map((name) => join(dir, name)).find((path) => existsSync(path));
	if (!file) return undefined;
	const text = readFileSync(file, 'utf8');
	const nav = new Map<string, { index: number; title?: string }>();
	const navFolders = new Map<string, string>();
	for (const [index, entry] of summaryEntries(text).entries()) {
		const path = posix.normalize(entry.path.replace(/^\.?\//, ''));
		nav.set(path, { index, ...(entry.title ? { title: entry.title } : {}) });
		const folder = posix.dirname(path);
		// A folder's README is its page: its title names the folder too.
		if (/^(readme|index)\.md$/i.test(posix.basename(path)) && folder !== '.' && entry.title) navFolders.set(folder, entry.title);
		else if (entry.part && folder !== '.' && !navFolders.has(folder.split('/')[0] ?? folder)) navFolders.set(folder.split('/')[0] ?? folder, entry.part);
	}
	const title = /^#\s+(.*)$/m.exec(text)?.[1]?.trim();
	return { nav, navFolders, ...(title && !/^(summary|table of contents)$/i.test(title) ? { title } : {}) };
}

type MkdocsNav = (string | Record<string, string | MkdocsNav>)[];

function mkdocsNav(nav: MkdocsNav, into: { nav: Map<string, { index: number; title?: string }>; navFolders: Map<string, string> }, folderTitle?: string): void {
	for (const item of nav) {
		const entries: [string | undefined, unknown][] = typeof item === 'string' ? [[undefined, item]] : Object.entries(item ?? {});
		for (const [title, value] of entries) {
			if (typeof value === 'string') {
				if (/^[a-z]+:/i.test(value)) continue;
				const path = posix.normalize(value.replace(/^\.?\//, ''));
				into.nav.set(path, { index: into.nav.size, ...(title ? { title } : {}) });
				const folder = posix.dirname(path);
				if (folderTitle && folder !== '.' && !into.navFolders.has(folder)) into.navFolders.set(folder, folderTitle);
			} else if (Array.isArray(value)) {
				mkdocsNav(value as MkdocsNav, into, title);
			}
		}
	}
}

function readMkdocs(folder: string): { root: ContentRoot } | undefined {
	const file = ['mkdocs.yml', 'mkdocs.yaml'].map((name) => join(folder, name)).find((path) => existsSync(path));
	if (!file) return undefined;
	// MkDocs configs use !!python tags; they do not matter here.
	const config = (parse(readFileSync(file, 'utf8'), { customTags: (tags) => tags, logLevel: 'silent', strict: false }) ?? {}) as { docs_dir?: string; site_name?: string; nav?: MkdocsNav };
	const into = { nav: new Map<string, { index: number; title?: string }>(), navFolders: new Map<string, string>() };
	if (Array.isArray(config.nav)) mkdocsNav(config.nav, into);
	return {
		root: {
			dir: resolve(folder, config.docs_dir ?? 'docs'),
			...(config.site_name ? { title: config.site_name } : {}),
			...(into.nav.size > 0 ? into : {}),
			navIsComplete: false,
			indexIsPage: true,
		},
	};
}

/** The folders of pages under `folder`, one per language, with what their tool says about order and titles. */
export function contentRoots(folder: string): ContentRoot[] {
	const isDocusaurus = readdirSync(folder).some((name) => /^docusaurus\.config\.[cm]?[jt]s$/.test(name)) || (existsSync(join(folder, 'docs')) && existsSync(join(folder, 'i18n')));
	if (isDocusaurus) {
		const staticDir = join(folder, 'static');
		const common = { navIsComplete: false, indexIsPage: true, routeBase: '/docs/', ...(existsSync(staticDir) ? { staticDir } : {}) };
		const roots: ContentRoot[] = [{ dir: join(folder, 'docs'), ...common }];
		const i18n = join(folder, 'i18n');
		if (existsSync(i18n)) {
			for (const locale of readdirSync(i18n)) {
				const dir = join(i18n, locale, 'docusaurus-plugin-content-docs', 'current');
				if (existsSync(dir)) roots.push({ dir, locale, ...common, routeBase: `/${locale}/docs/` });
			}
		}
		return roots;
	}
	const mkdocs = readMkdocs(folder);
	if (mkdocs) return [mkdocs.root];
	const langs = join(folder, 'LANGS.md');
	if (existsSync(langs)) {
		const roots = summaryEntries(readFileSync(langs, 'utf8'))
			.map((entry) => ({ dir: resolve(folder, entry.path), locale: entry.path.replace(/\/+$/, '').split('/').pop() ?? '' }))
			.filter((root) => root.locale && existsSync(root.dir) && statSync(root.dir).isDirectory());
		if (roots.length > 0) return roots.map((root) => ({ ...root, navIsComplete: true, indexIsPage: true, ...gitbookNav(root.dir) }));
	}
	const folders = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && hasMarkdown(join(folder, entry.name)));
	if (folders.length > 0 && folders.every((entry) => isLanguageCode(entry.name))) {
		return folders.map((entry) => {
			const dir = join(folder, entry.name);
			const nav = gitbookNav(dir);
			return { dir, locale: entry.name, navIsComplete: nav !== undefined, indexIsPage: nav !== undefined, ...nav };
		});
	}
	const nav = gitbookNav(folder);
	return [{ dir: folder, navIsComplete: nav !== undefined, indexIsPage: nav !== undefined, ...nav }];
}

/** Label, position and description of a folder from Docusaurus `_category_.json`/`_category_.yml`. */
export function categoryFile(dir: string): { label?: string; position?: number; description?: string } {
	for (const name of ['_category_.json', '_category_.yml', '_category_.yaml']) {
		const path = join(dir, name);
		if (!existsSync(path)) continue;
		try {
			const data = (name.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : parse(readFileSync(path, 'utf8'))) as {
				label?: unknown;
				position?: unknown;
				description?: unknown;
				link?: { description?: unknown; title?: unknown };
			};
			const description = data.description ?? data.link?.description;
			return {
				...(typeof data.label === 'string' ? { label: data.label } : {}),
				...(typeof data.position === 'number' ? { position: data.position } : {}),
				...(typeof description === 'string' ? { description } : {}),
			};
		} catch {
			return {};
		}
	}
	return {};
}

/** Folders never holding pages: tool internals, build output, templates. */
export const ignoredFolders = new Set(['.git', 'node_modules', '_site', '_includes', '_layouts', '_sass', '_data', '_book', '.docusaurus']);

/** Every file under `dir`, as paths relative to it with forward slashes, hidden folders and tool internals left out. */
export function listTree(dir: string): string[] {
	const files: string[] = [];
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) {
				if (ignoredFolders.has(entry.name) || (entry.name.startsWith('.') && entry.name !== '.gitbook')) continue;
				walk(path);
			} else if (entry.isFile()) {
				files.push(toPosix(relative(dir, path)));
			}
		}
	};
	walk(dir);
	return files;
}

/** "getting-started", "02_first_steps" → "Getting started", "First steps"; names with spaces stay as they are. */
export function humanize(name: string): string {
	const bare = name.replace(/\.mdx?$/i, '').replace(/^\d+[-_. ]+(?=\S)/, '').replace(/^_/, '');
	if (/\s/.test(bare) || /[A-Z]/.test(bare.slice(1))) return bare.replace(/[-_]+/g, ' ').trim();
	const words = bare.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The number a file or folder name starts with (Docusaurus "01-intro"), for ordering. */
export function numberPrefix(name: string): number | undefined {
	const match = /^(\d+)[-_. ]/.exec(name);
	return match?.[1] ? Number(match[1]) : undefined;
}

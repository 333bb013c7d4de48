import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { corpusCategories, generateCorpus, type CorpusOptions, type GeneratedArticle } from './generate-corpus.ts';
import { buildSiteOrThrow, projectRoot } from './site-build.ts';

export { projectRoot };

export interface BenchProject {
	root: string;
	articles: GeneratedArticle[];
	/** How many generated articles are MDX and how many plain Markdown. */
	kinds: { mdx: number; md: number };
	/** Builds the copy as `npm run build` does (site, then search index); resolves to the wall time in milliseconds. */
	build(): Promise<number>;
	remove(): void;
}

// Everything the build reads, and nothing it writes.
const copied = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml', 'src', 'functions', 'public'];

/**
 * Copies the project's code into a new temp folder. Its node_modules is a folder of links to the project's
 * packages, so that tools caching inside node_modules (Astro's content store, Vite's dependency optimiser) do
 * not share their cache with the project or other copies.
 */
function copyCode(): string {
	const root = mkdtempSync(join(tmpdir(), 'help-center-bench-'));
	for (const entry of copied) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
	linkPackages(root);
	return root;
}

/** Gives `root` a node_modules of links to the project's packages (see `copyCode`). */
function linkPackages(root: string) {
	const modules = realpathSync(join(projectRoot, 'node_modules'));
	mkdirSync(join(root, 'node_modules'));
	for (const entry of readdirSync(modules)) {
		// Caches (.vite, .astro's content store) stay private to the copy; packages and .bin are shared.
		if (!entry.startsWith('.') || entry === '.bin') symlinkSync(join(modules, entry), join(root, 'node_modules', entry));
	}
}

/**
 * A copy of the bench project at `benchRoot` (its generated content) with the code of the git revision `revision`
 * of this project instead of today's, scripts included, for a benchmark to build both in one run.
 */
export function createRevisionCopy(benchRoot: string, revision: string): { root: string; remove(): void } {
	const root = mkdtempSync(join(tmpdir(), 'help-center-bench-baseline-'));
	const archive = spawnSync('git', ['archive', '--format=tar', revision, ...copied, 'scripts'], { cwd: projectRoot, maxBuffer: 1024 ** 3 });
	if (archive.status !== 0) throw new Error(`git archive ${revision} failed: ${archive.stderr.toString().trim()}`);
	const untar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
	if (untar.status !== 0) throw new Error(`Unpacking ${revision} failed: ${untar.stderr.toString().trim()}`);
	linkPackages(root);
	cpSync(join(benchRoot, 'content'), join(root, 'content'), { recursive: true });
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A throwaway copy of the whole project, demo content included, for tests that must not touch the project. With
 * `fixture` (a folder holding content/ and public/), its content replaces the demo's and its public files are added.
 */
export function createProjectCopy(fixture?: string): { root: string; remove(): void } {
	const root = copyCode();
	cpSync(join(fixture ?? projectRoot, 'content'), join(root, 'content'), { recursive: true });
	if (fixture) cpSync(join(fixture, 'public'), join(root, 'public'), { recursive: true });
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Turns an MDX article into plain Markdown: components become their Markdown equivalents. */
function toPlainMarkdown(text: string): string {
	return text
		.replace(/<Callout type="(\w+)">([\s\S]*?)<\/Callout>/g, (_match, _type: string, content: string) => `> ${content.trim()}`)
		.replace(/^<\/?Steps>$/gm, '')
		.replace(/<ContactCta \/>/g, '');
}

/** Keeps `share` of the generated articles as MDX, spread evenly, and makes the others plain `.md`. */
function applyMdxShare(contentDir: string, share: number): { mdx: number; md: number } {
	const counts = { mdx: 0, md: 0 };
	let index = 0;
	for (const locale of readdirSync(contentDir)) {
		const localeDir = join(contentDir, locale);
		if (!statSync(localeDir).isDirectory()) continue;
		for (const category of readdirSync(localeDir)) {
			for (const file of readdirSync(join(localeDir, category)).filter((name) => name.endsWith('.mdx')).sort()) {
				index += 1;
				if (Math.floor(index * share) !== Math.floor((index - 1) * share)) {
					counts.mdx += 1;
					continue;
				}
				const path = join(localeDir, category, file);
				writeFileSync(path, toPlainMarkdown(readFileSync(path, 'utf8')));
				renameSync(path, path.replace(/\.mdx$/, '.md'));
				counts.md += 1;
			}
		}
	}
	return counts;
}

/**
 * A throwaway copy of the project in the system's temp folder whose content is a generated corpus instead of
 * the demo articles. The site config and categories are the demo's; `locales` narrows the site to the locales
 * given (default: those that get articles), so a one-language corpus builds no fallback pages.
 */
export function createBenchProject(options: CorpusOptions & { locales?: string[]; mdxShare?: number }): BenchProject {
	const root = copyCode();

	const locales = options.locales ?? Object.keys(options.articles).filter((locale) => (options.articles[locale as 'en'] ?? 0) > 0);
	const contentDir = join(root, 'content');
	mkdirSync(contentDir);
	const site = parseDocument(readFileSync(join(projectRoot, 'content/site.yaml'), 'utf8'));
	const allLocales = site.toJS().locales as { code: string }[];
	site.set('locales', allLocales.filter((locale) => locales.includes(locale.code)));
	if (!locales.includes(String(site.get('defaultLocale')))) site.set('defaultLocale', locales[0]);
	const synonyms = (site.getIn(['search', 'synonyms']) ?? undefined) as { toJSON(): Record<string, unknown> } | undefined;
	if (synonyms) {
		site.setIn(['search', 'synonyms'], Object.fromEntries(Object.entries(synonyms.toJSON()).filter(([code]) => locales.includes(code))));
	}
	writeFileSync(join(contentDir, 'site.yaml'), site.toString());
	for (const locale of locales) {
		for (const category of corpusCategories) {
			mkdirSync(join(contentDir, locale, category), { recursive: true });
			cpSync(join(projectRoot, 'content', locale, category, '_category.yaml'), join(contentDir, locale, category, '_category.yaml'));
		}
	}
	const articles = generateCorpus(contentDir, options);
	const kinds = applyMdxShare(contentDir, options.mdxShare ?? 1);

	return {
		root,
		articles,
		kinds,
		async build() {
			const started = performance.now();
			await buildSiteOrThrow(root, { env: { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=8192`.trim() } });
			return performance.now() - started;
		},
		remove() {
			rmSync(root, { recursive: true, force: true });
		},
	};
}

/** Counts files under a folder, for reporting build output sizes. */
export function countFiles(directory: string): number {
	let count = 0;
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		count += entry.isDirectory() ? countFiles(join(directory, entry.name)) : 1;
	}
	return count;
}

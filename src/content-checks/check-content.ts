import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { findContrastFailures } from '../brand/contrast.ts';
import { articleLocales, categoryFile, categoryFolder, groupAnchor } from '../config/content-layout.ts';
import { articleUrl, categoryUrl, homeUrl, selfServiceUrls } from '../config/page-urls.ts';
import { articleFrontmatterSchema, categorySchema, type ArticleFrontmatter, type Category } from '../schemas/article.ts';
import type { SiteConfig } from '../schemas/site-config';
import { seoTitleFor, titleLimits } from '../utils/seo-title.ts';
import { checkGroups } from './check-groups.ts';
import { checkRedirectsFile, RedirectClaims } from './check-redirects.ts';
import { checkLocaleCoverage } from './locale-coverage.ts';
import { pageAnchors } from '../utils/page-anchors.ts';
import { findMdxProblems } from './mdx-problems.ts';
import { parseArticleBodyLeniently } from './parse-article.ts';
import { checkPolicyReferences } from './policy-references.ts';
import { bodyWithPolicyValues } from '../policies/policy-body.ts';
import { withPolicyValuesInData } from '../policies/policy-values.ts';
import type { ArticleSource, ContentSources } from './read-content.ts';
import { issuesToProblems, unknownLocaleProblem } from './schema-problems.ts';

/** The description `npm run new:article` writes; a warning until the editor replaces it. */
export const placeholderDescription = 'Say in one or two sentences what this article answers: 50 to 160 characters.';

/** One thing an editor must fix, located as precisely as we can. */
export interface ContentProblem {
	/** Errors stop the build; warnings are reported and let it go on. Absent means error. */
	severity?: 'error' | 'warning';
	file: string;
	line?: number;
	column?: number;
	/** The frontmatter field or config key concerned, when there is one. */
	field?: string;
	message: string;
	fix: string;
}

interface ValidArticle {
	source: ArticleSource;
	data: ArticleFrontmatter;
	key: string;
}

/** Whether a page's anchors hold a link's fragment, as browsers match it: as written, or percent-decoded (`%7Bn%7D` is `{n}`). */
function hasAnchor(anchors: ReadonlySet<string>, fragment: string): boolean {
	if (anchors.has(fragment)) return true;
	try {
		return anchors.has(decodeURIComponent(fragment));
	} catch {
		return false;
	}
}

/**
 * The body with its code (blocks at any indentation, in lists and quotes, and inline code) blanked out, keeping line
 * numbers, so examples in code are not checked as links.
 */
function withoutCode(body: string, tree: Root): string {
	const ranges: [number, number][] = [];
	const visit = (node: Nodes) => {
		if ((node.type === 'code' || node.type === 'inlineCode') && node.position) ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
		else if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	let text = '';
	let at = 0;
	for (const [start, end] of ranges) {
		text += body.slice(at, start) + body.slice(start, end).replace(/[^\n]/g, ' ');
		at = end;
	}
	return text + body.slice(at);
}

/**
 * Locates offsets of a text as line and column. The offsets must come in increasing order (as from `matchAll`), so
 * the lines are counted once for the whole text instead of once per link.
 */
function lineLocator(text: string): (index: number) => { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	return (index) => {
		for (let next = text.indexOf('\n', lineStart); next !== -1 && next < index; next = text.indexOf('\n', next + 1)) {
			line += 1;
			lineStart = next + 1;
		}
		return { line, column: index - lineStart + 1 };
	};
}

const parsedBodies = new WeakMap<ArticleSource, Root>();

/** An article's body as the build parses it; read as Markdown when its MDX does not compile (that is reported apart). */
function parsedBody(source: ArticleSource): Root {
	let tree = parsedBodies.get(source);
	if (!tree) parsedBodies.set(source, (tree = parseArticleBodyLeniently(source.body, source.extension)));
	return tree;
}

/** The anchors of an article's page, as its page will have them: with the policies it quotes written out. */
function articleAnchors(source: ArticleSource, policies: SiteConfig['policies']): Set<string> {
	const body = bodyWithPolicyValues(source.body, policies, source.locale);
	return pageAnchors(body === source.body ? parsedBody(source) : parseArticleBodyLeniently(body, source.extension)).ids;
}

/**
 * Checks one article file on its own, as the build will read it: its MDX compiles, its frontmatter matches the
 * schema, and its title reads well in search results. `data` is the validated frontmatter, when it is valid.
 */
export function checkArticleFile(source: ArticleSource, policies?: SiteConfig['policies']): { problems: ContentProblem[]; data?: ArticleFrontmatter } {
	const problems: ContentProblem[] = [];
	// Compiled as the build compiles it: MDX the build would refuse is reported here, in the editor's words.
	if (source.extension === 'mdx') problems.push(...findMdxProblems(source));
	if (source.readError || !source.data) {
		problems.push({ file: source.file, line: 1, message: 'Unreadable file.', fix: 'Fix the frontmatter block.', ...source.readError });
		return { problems };
	}
	// As the build reads it: with the policies it quotes written out (a description's length counts the values).
	const result = articleFrontmatterSchema.safeParse(policies ? withPolicyValuesInData(source.data, policies, source.locale) : source.data);
	if (!result.success) {
		problems.push(...issuesToProblems(source.file, source.keyLines, result.error.issues));
		return { problems };
	}
	const { title, seoTitle } = result.data;
	const line = source.keyLines.get('title');
	if (title.length > titleLimits.seo && !seoTitle) {
		problems.push({
			severity: 'warning',
			file: source.file,
			...(line ? { line } : {}),
			field: 'title',
			message: `The title has ${title.length} characters; search engines and social networks show about ${titleLimits.seo}.`,
			fix: `Add a seoTitle of at most ${titleLimits.seo} characters for them (the page keeps its full title), for example: seoTitle: ${seoTitleFor(title)}`,
		});
	} else if (title.length < titleLimits.short) {
		problems.push({
			severity: 'warning',
			file: source.file,
			...(line ? { line } : {}),
			field: 'title',
			message: `The title "${title}" is short (${title.length} characters): in search results it says little about the answer.`,
			fix: `Write a title of ${titleLimits.short} characters or more that says what the page answers, or add a longer seoTitle for search engines.`,
		});
	}
	return { problems, data: result.data };
}

// What checking one file found, kept while its entry lives: `astro dev` checks the whole tree again on every save, and
// re-reads only the saved file (rereadContentFile), so every other file's compile and parse is not repeated.
const fileChecks = new WeakMap<ArticleSource, ReturnType<typeof checkArticleFile>>();

function checkArticleFileOnce(source: ArticleSource, policies: SiteConfig['policies']): ReturnType<typeof checkArticleFile> {
	let checked = fileChecks.get(source);
	if (!checked) {
		checked = checkArticleFile(source, policies);
		fileChecks.set(source, checked);
	}
	return checked;
}


/**
 * Checks the whole content tree: every file against its schema, and everything that needs more than one file
 * to see (categories that exist, unique slugs, translations, related articles, links, images, redirects, brand).
 */
export function checkContent(sources: ContentSources, site: SiteConfig, publicDir: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const locales = site.locales.map((locale) => locale.code);
	const defaultLocale = site.defaultLocale;

	for (const failure of [
		...findContrastFailures('light', site.brand.colors.light),
		...findContrastFailures('dark', site.brand.colors.dark),
	]) {
		const colors = site.brand.colors[failure.theme as 'light' | 'dark'];
		problems.push({
			file: 'content/site.yaml',
			field: `brand.colors.${failure.theme}`,
			message: `${failure.foreground} (${colors[failure.foreground]}) on ${failure.background} (${colors[failure.background]}) has a contrast ratio of ${failure.ratio.toFixed(2)}:1; WCAG AA needs ${failure.minimum}:1.`,
			fix: `Darken or lighten one of the two ${failure.theme}-theme colours until the ratio reaches ${failure.minimum}:1.`,
		});
	}

	problems.push(...checkLocaleCoverage(sources, site));

	for (const file of sources.misplaced) {
		problems.push({
			file,
			message: 'This file is not where articles live.',
			fix: 'Put articles at content/<language>/<category>/<name>.mdx and categories at content/<language>/<category>/_category.yaml.',
		});
	}

	const categoryIds = new Map<string, Set<string>>(locales.map((locale) => [locale, new Set()]));
	const validCategories: { file: string; locale: string; id: string; keyLines: Map<string, number>; data: Category }[] = [];
	for (const category of sources.categories) {
		if (!locales.includes(category.locale)) continue;
		if (category.readError) {
			problems.push({ file: category.file, ...category.readError });
			continue;
		}
		const result = categorySchema.safeParse(category.data);
		if (!result.success) problems.push(...issuesToProblems(category.file, category.keyLines, result.error.issues));
		else validCategories.push({ ...category, data: result.data });
		categoryIds.get(category.locale)?.add(category.id);
	}
	const groupsCheck = checkGroups(sources, locales);
	problems.push(...groupsCheck.problems);

	const valid: ValidArticle[] = [];
	const invalid: ValidArticle[] = [];
	const slugOwners = new Map<string, string>();
	for (const source of sources.articles) {
		if (!locales.includes(source.locale)) {
			problems.push(unknownLocaleProblem(source.file, source.locale, locales));
			continue;
		}
		if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(source.slug)) {
			problems.push({
				file: source.file,
				message: `The file name "${source.slug}" cannot be used as an address.`,
				fix: 'Rename the file with lowercase letters, digits and hyphens only, for example "return-policy.mdx".',
			});
		}
		const slugKey = `${source.locale}/${source.slug}`;
		const owner = slugOwners.get(slugKey);
		if (owner) {
			problems.push({
				file: source.file,
				line: 1,
				message: `Duplicate slug "${source.slug}": ${owner} already uses it in this language.`,
				fix: 'Rename one of the two files; article names must be unique within a language.',
			});
			continue;
		}
		slugOwners.set(slugKey, source.file);
		const checked = checkArticleFileOnce(source, site.policies);
		problems.push(...checked.problems);
		if (!source.data) continue;
		problems.push(...checkPolicyReferences(source, parsedBody(source), site.policies));
		if (!checked.data) {
			// The page still exists for the editor: keep it so that links to it are not reported as broken too.
			const fallback = articleFrontmatterSchema.partial().safeParse(source.data);
			const data = { ...(fallback.success ? fallback.data : {}), title: '', description: '', updated: new Date(0), order: 0, keywords: [], draft: false, promoted: false, redirectFrom: [], related: [], asked: [] };
			const key = typeof source.data['translationKey'] === 'string' ? source.data['translationKey'] : source.slug;
			invalid.push({ source, data, key });
			continue;
		}
		const data = checked.data;
		const known = categoryIds.get(source.locale) ?? new Set();
		if (!known.has(source.category)) {
			problems.push({
				file: source.file,
				field: 'category',
				message: `Unknown category "${source.category}": ${categoryFile(source.locale, source.category)} does not exist.`,
				fix: `Move the article into one of: ${[...known].sort().join(', ')}; or create that category's _category.yaml.`,
			});
		} else if (data.category && data.category !== source.category) {
			const line = source.keyLines.get('category');
			problems.push({
				file: source.file,
				...(line ? { line } : {}),
				field: 'category',
				message: known.has(data.category)
					? `The category field says "${data.category}" but the file is in the "${source.category}" folder.`
					: `Unknown category "${data.category}".`,
				fix: `Remove the category field (the folder decides), or move the file to ${categoryFolder(source.locale, data.category)}/ if that category exists. Categories: ${[...known].sort().join(', ')}.`,
			});
		}
		if (data.description === placeholderDescription) {
			const line = source.keyLines.get('description');
			problems.push({
				severity: 'warning',
				file: source.file,
				...(line ? { line } : {}),
				field: 'description',
				message: 'The description is still the text of a new article.',
				fix: 'Write what the article answers in one or two sentences; search engines show it.',
			});
		}
		valid.push({ source, data, key: data.translationKey ?? source.slug });
	}

	const published = valid.filter((article) => !article.data.draft);
	const reachable = [...published, ...invalid];
	const byLocaleKey = new Map<string, ValidArticle>();
	for (const article of published) {
		const id = `${article.source.locale}:${article.key}`;
		const other = byLocaleKey.get(id);
		if (other) {
			const line = article.source.keyLines.get('translationKey');
			problems.push({
				file: article.source.file,
				...(line ? { line } : {}),
				field: 'translationKey',
				message: `Duplicate translationKey "${article.key}": ${other.source.file} already has it in this language.`,
				fix: 'Each language can hold only one translation of an article. Give this article its own translationKey.',
			});
		} else {
			byLocaleKey.set(id, article);
		}
	}
	const defaultKeys = new Set(published.filter((a) => a.source.locale === defaultLocale).map((a) => a.key));
	for (const article of published) {
		if (article.source.locale === defaultLocale || !article.data.translationKey) continue;
		if (!defaultKeys.has(article.data.translationKey)) {
			const line = article.source.keyLines.get('translationKey');
			problems.push({
				file: article.source.file,
				...(line ? { line } : {}),
				field: 'translationKey',
				message: `translationKey "${article.data.translationKey}" points nowhere: no published ${defaultLocale} article has that name or translationKey.`,
				fix: `Set it to the file name of the ${defaultLocale} article this one translates, or remove it if the article has no original.`,
			});
			continue;
		}
		const source = byLocaleKey.get(`${defaultLocale}:${article.data.translationKey}`);
		if (source && source.data.updated > article.data.updated) {
			const line = article.source.keyLines.get('updated');
			const day = (date: Date) => date.toISOString().slice(0, 10);
			problems.push({
				severity: 'warning',
				file: article.source.file,
				...(line ? { line } : {}),
				field: 'updated',
				message: `This translation (${day(article.data.updated)}) is older than its source ${source.source.file} (${day(source.data.updated)}).`,
				fix: 'Bring the translation up to date with the source, then set updated to today.',
			});
		}
	}

	// Every address a reader can reach: language homes, categories, self-service pages, articles and their fallbacks.
	const livePaths = new Map<string, Set<string>>();
	const addPage = (path: string, anchors: Set<string> = new Set()) => livePaths.set(path, anchors);
	for (const locale of locales) {
		// A group's heading on the home page is a place links and redirects can lead to.
		addPage(homeUrl(locale), new Set(Object.keys(groupsCheck.groups.get(locale) ?? {}).map(groupAnchor)));
		for (const category of categoryIds.get(locale) ?? []) addPage(categoryUrl(locale, category));
	}
	for (const path of selfServiceUrls(locales)) addPage(path);
	const ownAnchors = new Map<ArticleSource, Set<string>>();
	for (const { source, key } of reachable) {
		const anchors = articleAnchors(source, site.policies);
		ownAnchors.set(source, anchors);
		const isTranslated = (locale: string) => byLocaleKey.has(`${locale}:${key}`);
		for (const { locale } of articleLocales(source.locale, isTranslated, locales, defaultLocale)) {
			addPage(articleUrl(locale, source.category, source.slug), anchors);
		}
	}

	const knownKeys = new Set(reachable.map((article) => `${article.source.locale}:${article.key}`));
	// Old addresses: of categories and groups, of articles (below), and the editors' list in content/redirects.yaml.
	const claims = new RedirectClaims(livePaths.keys());
	for (const category of validCategories) {
		const line = category.keyLines.get('redirectFrom');
		for (const path of category.data.redirectFrom) claims.claim(path, { file: category.file, ...(line ? { line } : {}), field: 'redirectFrom' });
	}
	for (const source of sources.groups) {
		for (const [id, group] of Object.entries(groupsCheck.groups.get(source.locale) ?? {})) {
			const line = source.keyLines.get(id);
			for (const path of group.redirectFrom) claims.claim(path, { file: source.file, ...(line ? { line } : {}), field: `${id}.redirectFrom` });
		}
	}
	for (const article of published) {
		const { source, data } = article;
		const relatedLine = source.keyLines.get('related');
		for (const key of data.related) {
			if (!knownKeys.has(`${source.locale}:${key}`) && !knownKeys.has(`${defaultLocale}:${key}`)) {
				problems.push({
					file: source.file,
					...(relatedLine ? { line: relatedLine } : {}),
					field: 'related',
					message: `Related article "${key}" does not exist.`,
					fix: 'Use the translationKey (the English file name) of a published article.',
				});
			}
		}
		const redirectLine = source.keyLines.get('redirectFrom');
		for (const path of data.redirectFrom) claims.claim(path, { file: source.file, ...(redirectLine ? { line: redirectLine } : {}), field: 'redirectFrom' });

		const body = withoutCode(source.body, parsedBody(source));
		const anchorsHere = ownAnchors.get(source) ?? articleAnchors(source, site.policies);
		const linkPattern = /(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)|<img\b([^>]*)>|\bhref=["']([^"']*)["']/g;
		const locate = lineLocator(body);
		for (const match of body.matchAll(linkPattern)) {
			const where = locate(match.index);
			const at = { file: source.file, line: source.bodyLine + where.line - 1, column: where.column };
			const isImage = match[1] === '!' || match[4] !== undefined;
			if (isImage) {
				const attributes = match[4];
				const alt = attributes === undefined ? match[2] : /\balt=["']([^"']*)["']/.exec(attributes)?.[1];
				const src = attributes === undefined ? match[3] : /\bsrc=["']([^"']*)["']/.exec(attributes)?.[1];
				if (!alt || !alt.trim()) {
					problems.push({
						...at,
						message: `The image ${src ?? ''} has no alternative text.`,
						fix: 'Describe what the image shows for people who cannot see it: ![A parcel with its label](/images/…).',
					});
				}
				if (src && src.startsWith('/') && !existsSync(join(publicDir, decodeURI(src)))) {
					problems.push({ ...at, message: `The image ${src} does not exist.`, fix: `Add the file to public${src} or fix the path.` });
				}
				continue;
			}
			const target = match[3] ?? match[5] ?? '';
			if (target.startsWith('#')) {
				if (!hasAnchor(anchorsHere, target.slice(1))) {
					problems.push({ ...at, message: `Broken link: no heading or anchor in this article matches "${target}".`, fix: `Link to one of: ${[...anchorsHere].map((a) => `#${a}`).join(', ') || 'add a heading first'}.` });
				}
				continue;
			}
			if (!target.startsWith('/') || target.startsWith('//')) continue;
			const [pathPart = '', hash] = target.split('#');
			const path = pathPart.replace(/\/$/, '') || '/';
			const anchors = livePaths.get(path);
			if (!anchors) {
				if (existsSync(join(publicDir, decodeURI(path)))) continue;
				problems.push({
					...at,
					message: `Broken link: ${target} is not a page of the help center.`,
					fix: 'Link to an article as /<language>/<category>/<file name>, and check the spelling.',
				});
			} else if (hash && !hasAnchor(anchors, hash)) {
				problems.push({ ...at, message: `Broken link: ${path} has no heading matching "#${hash}".`, fix: `Use one of: ${[...anchors].map((a) => `#${a}`).join(', ')}.` });
			}
		}
	}
	if (sources.redirects) problems.push(...checkRedirectsFile(sources.redirects, livePaths, claims));
	problems.push(...claims.problems);
	return problems;
}

/** Whether a problem must stop the build. */
export function isError(problem: ContentProblem): boolean {
	return problem.severity !== 'warning';
}

/** Formats problems like a compiler: `path:line:col  message  (how to fix)`; warnings say so. */
export function formatProblems(problems: ContentProblem[]): string {
	return problems
		.map((problem) => {
			const location = [problem.file, problem.line, problem.line ? problem.column : undefined].filter(Boolean).join(':');
			const field = problem.field ? ` [${problem.field}]` : '';
			const severity = isError(problem) ? '' : ' warning:';
			return `${location}${field}${severity}  ${problem.message}  (${problem.fix})`;
		})
		.join('\n');
}

/** Escapes a value for a GitHub Actions workflow command. */
function escapeCommand(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats problems as GitHub Actions annotations, shown on the pull request's changed lines. */
export function formatGithubAnnotations(problems: ContentProblem[]): string {
	return problems
		.map((problem) => {
			const properties = [`file=${escapeCommand(problem.file)}`];
			if (problem.line) properties.push(`line=${problem.line}`);
			if (problem.column) properties.push(`col=${problem.column}`);
			properties.push(`title=${escapeCommand(problem.field ? `Content: ${problem.field}` : 'Content')}`);
			const message = `${problem.message} How to fix: ${problem.fix}`.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
			return `::${isError(problem) ? 'error' : 'warning'} ${properties.join(',')}::${message}`;
		})
		.join('\n');
}

import { McpServer, ProtocolError, ProtocolErrorCode, ResourceNotFoundError, type CallToolResult } from '@modelcontextprotocol/server';
import { markdownUrl } from '../../src/config/page-urls';
import { defaultLocale, locales, site } from '../../src/config/site';
import { translate } from '../../src/i18n/translate';
import {
	answerQuestionInputSchema,
	answerQuestionOutputSchema,
	categoryMaxArticles,
	categoryPreviewArticles,
	getArticleInputSchema,
	listCategoriesInputSchema,
	listCategoriesOutputSchema,
	resourcesPerPage,
	searchArticlesInputSchema,
	searchArticlesOutputSchema,
	type AnswerQuestionOutput,
	type ListCategoriesOutput,
	type SearchArticlesOutput,
} from '../contract/mcp';
import { anonymizeQuery } from '../contract/privacy';
import type { AnswerResponse } from '../contract/responses';
import { findAnswer, findArticles, toAnswerResponse } from '../services/answers';
import { recordAnswerOutcome } from '../services/events';
import { articlePathOf, readCatalog, readTwin, type CatalogIndex } from './site-files';

/** What the MCP server reads and writes: public files and the answer insights, never an order or a vendor. */
export interface McpDependencies {
	assets: Fetcher;
	db: D1Database;
	/** The request's origin: the assets binding is asked on it, and addresses on it are the help center's too. */
	requestOrigin: string;
	waitUntil: (promise: Promise<unknown>) => void;
}

/** The help center's public address; every address a tool gives is on it, as in /llms.txt. */
const siteOrigin = new URL(site.siteUrl).origin;
const absolute = (path: string) => new URL(path, siteOrigin).href;

const languages = locales.join(', ');
const instructions = [
	`The public help center of ${site.brand.name}: articles about orders, delivery, returns, payments and accounts, in ${languages} (default ${defaultLocale}).`,
	`Use search_articles to find articles, get_article to read one in Markdown, list_categories to browse${site.answers.enabled ? ', answer_question for a direct answer quoted from an article' : ''}.`,
	site.answers.enabled
		? 'It cannot see any order: when a shopper asks about their own order, give them the self-service page answer_question names (track, return, change of address, contact).'
		: 'It cannot see any order: a shopper asking about their own order uses the help center’s self-service pages.',
	'Cite the article addresses you use.',
].join(' ');

/** A tool's result as structured content, with the same JSON as text for clients that read text only. */
function structured<T extends Record<string, unknown>>(value: T): CallToolResult & { structuredContent: T } {
	return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

/** A failure the agent can act on (a wrong address, an unknown category), as a tool error it can read. */
const toolError = (text: string): CallToolResult => ({ content: [{ type: 'text', text }], isError: true });

/**
 * Runs a tool, turning an unexpected failure (a file that could not be read) into a tool error that says nothing
 * of it: the log names the tool and the kind of error, the agent reads that it may try again.
 */
function guarded<A>(tool: string, run: (args: A) => Promise<CallToolResult>): (args: A) => Promise<CallToolResult> {
	return async (args) => {
		try {
			return await run(args);
		} catch (error) {
			console.error(`mcp error: ${tool} failed (${error instanceof Error ? error.name : 'error'})`);
			return toolError('The help center could not do this right now. Please try again in a moment.');
		}
	};
}

/** The same for a protocol request: a JSON-RPC error the client understands, never the failure's own message. */
async function guardedRequest<T>(method: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		console.error(`mcp error: ${method} failed (${error instanceof Error ? error.name : 'error'})`);
		throw new ProtocolError(ProtocolErrorCode.InternalError, 'The help center could not do this right now.');
	}
}

/** The first words of a passage, cut at a word: an excerpt, not a summary. */
function excerptOf(text: string, max = 300): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** The engine's answer with absolute addresses, as the tool gives it. */
function withAbsoluteUrls(answer: AnswerResponse): AnswerResponse {
	switch (answer.kind) {
		case 'answer':
			return { ...answer, sources: answer.sources.map((source) => ({ ...source, url: absolute(source.url) })), contactUrl: absolute(answer.contactUrl) };
		case 'self-service':
			return { ...answer, url: absolute(answer.url), contactUrl: absolute(answer.contactUrl) };
		case 'none':
			return { ...answer, related: answer.related.map((page) => ({ ...page, url: absolute(page.url) })), contactUrl: absolute(answer.contactUrl) };
	}
}

/** A `resources/list` cursor: which locale's page, and from which of its articles. Opaque to clients. */
const cursorOf = (locale: number, offset: number) => `${locales[locale]}:${offset}`;
function parseCursor(cursor: string | undefined): { locale: number; offset: number } {
	if (cursor === undefined) return { locale: 0, offset: 0 };
	const match = /^([^:]+):(\d{1,9})$/.exec(cursor);
	const locale = match ? locales.indexOf(match[1] ?? '') : -1;
	if (!match || locale < 0) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Unknown cursor: start the list again without one.');
	return { locale, offset: Number(match[2]) };
}

/**
 * The help center's MCP server: four tools and the articles as resources, all over the public content. A new one
 * serves each request (the endpoint is stateless); it holds nothing but what it is given.
 */
export function createMcpServer(deps: McpDependencies): McpServer {
	const { assets, requestOrigin } = deps;
	const catalog = async (locale: string): Promise<CatalogIndex> => {
		const found = await readCatalog(assets, requestOrigin, locale);
		if (!found) throw new Error('CatalogMissing');
		return found;
	};
	// Addresses on the help center's public origin, and on the one this request came to (a preview, `wrangler dev`).
	const origins = [siteOrigin, requestOrigin];
	// Lists change only with a deployment: clients of the 2026-07-28 revision may keep them five minutes.
	const fiveMinutes = { ttlMs: 300_000, cacheScope: 'public' as const };

	const server = new McpServer(
		{ name: 'help-center', title: translate(defaultLocale, 'site.title', { brand: site.brand.name }), version: '1.0.0', websiteUrl: absolute('/') },
		{
			instructions,
			capabilities: { resources: { listChanged: false } },
			cacheHints: { 'tools/list': fiveMinutes, 'resources/list': fiveMinutes, 'resources/templates/list': fiveMinutes, 'resources/read': fiveMinutes, 'server/discover': fiveMinutes },
			maxToolInputElements: 50,
		},
	);
	const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

	server.registerTool(
		'search_articles',
		{
			title: 'Search the help center',
			description: 'Finds the help center’s articles that best match a query, the best first: each with its title, address, Markdown address, description, date and the passage that matched.',
			inputSchema: searchArticlesInputSchema,
			outputSchema: searchArticlesOutputSchema,
			annotations: readOnly,
		},
		guarded('search_articles', async ({ query, locale, limit }) => {
			const [found, index] = await Promise.all([findArticles(assets, requestOrigin, query, locale, limit), readCatalog(assets, requestOrigin, locale)]);
			const results: SearchArticlesOutput['results'] = found.map(({ unit }) => {
				const page = unit.u.split('#')[0] ?? unit.u;
				const entry = index?.byUrl.get(page);
				return {
					title: unit.t,
					url: absolute(page),
					markdownUrl: absolute(markdownUrl(page)),
					...(entry ? { description: entry.article.description } : {}),
					updated: unit.d,
					...(unit.h && unit.u.includes('#') ? { section: { heading: unit.h, url: absolute(unit.u) } } : {}),
					excerpt: excerptOf(unit.x),
				};
			});
			return structured({ locale, results });
		}),
	);

	server.registerTool(
		'get_article',
		{
			title: 'Read an article',
			description: 'Gives one article of the help center in Markdown: its title, date, address, text and questions and answers. Name it by its address (from search_articles or list_categories) or by its slug.',
			inputSchema: getArticleInputSchema,
			annotations: readOnly,
		},
		guarded('get_article', async ({ url, slug, locale }) => {
			let path: string | undefined;
			if (url !== undefined) {
				path = articlePathOf(url, origins);
				if (!path) return toolError(`${url} is not the address of an article of this help center. Use search_articles or list_categories to find one.`);
			} else {
				const matches = (await catalog(locale)).bySlug.get((slug ?? '').replace(/^\/+|\/+$|\.md$/g, '')) ?? [];
				if (matches.length > 1) return toolError(`Several articles are called ${slug}: ${matches.map((article) => absolute(article.url)).join(', ')}. Give the address of one.`);
				path = matches[0]?.url;
				if (!path) return toolError(`No article ${slug} in ${locale}. Use search_articles or list_categories to find one.`);
			}
			const markdown = await readTwin(assets, requestOrigin, path);
			if (markdown === undefined) return toolError(`No published article at ${absolute(path)}. Use search_articles or list_categories to find one.`);
			return { content: [{ type: 'text', text: markdown }] };
		}),
	);

	server.registerTool(
		'list_categories',
		{
			title: 'List the categories',
			description: `Lists the help center’s categories in one language, in reading order, each with its title, description, address, number of articles and its first ${categoryPreviewArticles} articles (title and address); with category, all of that category's articles.`,
			inputSchema: listCategoriesInputSchema,
			outputSchema: listCategoriesOutputSchema,
			annotations: readOnly,
		},
		guarded('list_categories', async ({ locale, category }) => {
			const { catalog: entries } = await catalog(locale);
			const chosen = category === undefined ? entries.categories : entries.categories.filter((entry) => entry.id === category);
			if (chosen.length === 0) return toolError(`No category ${category} in ${locale}; the categories are ${entries.categories.map((entry) => entry.id).join(', ')}.`);
			const cap = category === undefined ? categoryPreviewArticles : categoryMaxArticles;
			const categories: ListCategoriesOutput['categories'] = chosen.map((entry) => ({
				id: entry.id,
				title: entry.title,
				description: entry.description,
				url: absolute(entry.url),
				articleCount: entry.articles.length,
				articles: entry.articles.slice(0, cap).map((article) => ({ title: article.title, url: absolute(article.url) })),
			}));
			return structured({ locale, categories });
		}),
	);

	if (site.answers.enabled) {
		server.registerTool(
			'answer_question',
			{
				title: 'Answer a question',
				description:
					'Answers a shopper’s question from the help center’s own articles: a passage quoted word for word with its source address; or, for a question about their own order, the self-service page that acts on it; or that nothing in the help center answers it, with the closest articles and the way to a person.',
				inputSchema: answerQuestionInputSchema,
				outputSchema: answerQuestionOutputSchema,
				annotations: readOnly,
			},
			guarded('answer_question', async ({ question, locale }) => {
				const result = await findAnswer(assets, requestOrigin, question, locale);
				const answer = toAnswerResponse(result, locale);
				// Counted with the answers of POST /api/answer, the question kept (anonymised) only when nothing answered it.
				const target = answer.kind === 'answer' ? answer.sources[0]?.url.split('#')[0] : answer.kind === 'self-service' ? answer.action : undefined;
				deps.waitUntil(
					recordAnswerOutcome(deps.db, { outcome: answer.kind, target, query: anonymizeQuery(question), locale }).catch(() => {
						console.error('mcp error: an answer outcome was not recorded');
					}),
				);
				const output: AnswerQuestionOutput = { locale, answer: withAbsoluteUrls(answer) };
				return structured(output);
			}),
		);
	}

	// The articles as resources: their Markdown twins, one locale per page of the list.
	server.server.setRequestHandler('resources/list', (request) =>
		guardedRequest('resources/list', async () => {
			const { locale, offset } = parseCursor(request.params?.cursor);
			const code = locales[locale] ?? defaultLocale;
			const articles = (await catalog(code)).catalog.categories.flatMap((category) => category.articles);
			const page = articles.slice(offset, offset + resourcesPerPage);
			const next = offset + resourcesPerPage < articles.length ? cursorOf(locale, offset + resourcesPerPage) : locale + 1 < locales.length ? cursorOf(locale + 1, 0) : undefined;
			return {
				resources: page.map((article) => ({
					uri: absolute(markdownUrl(article.url)),
					name: article.url.slice(1),
					title: article.title,
					description: article.description,
					mimeType: 'text/markdown',
				})),
				...(next ? { nextCursor: next } : {}),
			};
		}),
	);
	server.server.setRequestHandler('resources/templates/list', () =>
		Promise.resolve({
			resourceTemplates: [
				{
					uriTemplate: `${siteOrigin}/{locale}/{category}/{slug}.md`,
					name: 'article',
					title: 'An article in Markdown',
					description: `An article of the help center by its language (${languages}), category and slug, as Markdown.`,
					mimeType: 'text/markdown',
				},
			],
		}),
	);
	server.server.setRequestHandler('resources/read', (request) =>
		guardedRequest('resources/read', async () => {
			const { uri } = request.params;
			const path = articlePathOf(uri, origins);
			const markdown = path === undefined ? undefined : await readTwin(assets, requestOrigin, path);
			if (markdown === undefined) throw new ResourceNotFoundError(uri);
			return { contents: [{ uri, mimeType: 'text/markdown', text: markdown }] };
		}),
	);
	return server;
}

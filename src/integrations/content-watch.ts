import { relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { contentFolder, parseContentPath } from '../config/content-layout';
import { SiteConfigError } from '../config/parse-site-config';
import { readSiteConfig, siteConfigFile } from '../config/read-site-config';
import { checkContent, formatProblems, isError, type ContentProblem } from '../content-checks/check-content';
import { readContent, rereadContentFile, type ContentSources } from '../content-checks/read-content';
import { contentCheckPath, contentErrorPage, contentProblemPayload } from './content-overlay';

export interface WatchedContent {
	root: string;
	publicDir: string;
	/** The content as checked at start-up, and what that check found (already printed). */
	sources: ContentSources;
	problems: ContentProblem[];
}

// Saves come in bursts (an editor's "save all", a folder renamed): check once the burst is over.
const settleMs = 150;

/**
 * In `astro dev`, checks the content again on every save under content/ (and public/, where images live): only the
 * saved file is read again, then the whole tree is checked, which reuses what unchanged files found. Problems are
 * printed in the terminal as `npm run check` prints them; errors also show in the browser in Vite's error overlay, with
 * the file, line and fix, on open pages and on any page loaded until they are fixed; then open pages reload.
 */
export function watchContent(content: WatchedContent, server: ViteDevServer, logger: AstroIntegrationLogger): void {
	const { root, publicDir } = content;
	let sources = content.sources;
	let site: ReturnType<typeof readSiteConfig> | undefined;
	let printed = formatProblems(content.problems);
	let errors = content.problems.filter(isError);
	const hot = server.environments.client.hot;
	const send = hot.send.bind(hot);
	const showErrors = () => {
		if (errors.length > 0) send(contentProblemPayload(root, errors));
	};
	// While the content has errors, a page that fails to render because of one (an MDX tag left open) would make Astro
	// replace the overlay with the compiler's error and stack: the overlay keeps the editor's message instead.
	hot.send = ((payload: unknown, ...rest: unknown[]) => {
		const isError = typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'error';
		if (isError && errors.length > 0) return showErrors();
		return (send as (...args: unknown[]) => void)(payload, ...rest);
	}) as typeof hot.send;

	const changed = new Set<string>();
	let readAll = false;
	let siteChanged = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const recheck = async () => {
		let problems: ContentProblem[];
		try {
			if (readAll) sources = await readContent(root);
			else for (const file of changed) sources = rereadContentFile(sources, file);
			if (siteChanged || !site) site = readSiteConfig(root);
			problems = checkContent(sources, site, publicDir);
		} catch (error) {
			if (!(error instanceof SiteConfigError)) throw error;
			site = undefined;
			problems = [{ file: siteConfigFile, message: error.message, fix: `Correct the fields listed in ${siteConfigFile}.` }];
		} finally {
			changed.clear();
			readAll = false;
			siteChanged = false;
		}
		const report = formatProblems(problems);
		if (report === printed) return;
		printed = report;
		const hadErrors = errors.length > 0;
		errors = problems.filter(isError);
		if (problems.length === 0) logger.info('Content check: no problems left.');
		else (errors.length > 0 ? logger.error : logger.warn).call(logger, `${problems.length} content problem(s):\n${report}`);
		if (errors.length > 0) showErrors();
		else if (hadErrors) send({ type: 'full-reload', path: '*' });
	};

	server.watcher.on('all', (event, path) => {
		const file = relative(root, path).split(sep).join('/');
		if (file.startsWith('..')) return;
		if (file === siteConfigFile) siteChanged = true;
		else if (event === 'addDir' || event === 'unlinkDir') readAll ||= file.startsWith(`${contentFolder}/`);
		else if (parseContentPath(file)) changed.add(file);
		else if (!relative(publicDir, path).startsWith('..')) {
			// An image added or removed: nothing to read again, but links to it are checked again.
		} else return;
		clearTimeout(timer);
		timer = setTimeout(() => {
			recheck().catch((error: unknown) => logger.error(`Content check failed: ${(error as Error).stack ?? String(error)}`));
		}, settleMs);
	});

	// A page loaded while the errors were being found, whose client connects after they were sent, gets them too.
	server.ws.on('connection', () => showErrors());
	// Asked by the error page below, to reload once the errors are fixed.
	server.middlewares.use(contentCheckPath, (_request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
		response.end(JSON.stringify({ errors: errors.length }));
	});
	// A page opened or reloaded while the content has errors shows them instead of the page.
	server.middlewares.use((request, response, next) => {
		if (errors.length === 0 || request.method !== 'GET' || request.headers['sec-fetch-mode'] !== 'navigate') return next();
		response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
		response.end(contentErrorPage(contentProblemPayload(root, errors).err));
	});
}

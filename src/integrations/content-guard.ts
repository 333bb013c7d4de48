import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems, isError } from '../content-checks/check-content';
import { readContentForBuild } from '../content-checks/build-read';
import { readContent } from '../content-checks/read-content';
import { readSiteConfig } from '../config/read-site-config';
import { watchContent, type WatchedContent } from './content-watch';

/** Thrown to stop the build; the message is the editor-facing report. */
export class ContentError extends Error {
	override name = 'ContentError';
}

/**
 * Checks every content file before Astro renders anything, so a mistake stops the build with the file,
 * the field and how to fix it. In `astro dev` the report is logged instead, so the preview keeps running, and the
 * content is checked again on every save (src/integrations/content-watch.ts).
 */
export function contentGuard(): AstroIntegration {
	let watched: WatchedContent | undefined;
	return {
		name: 'help-center:content-guard',
		hooks: {
			'astro:config:setup': async ({ config, command, logger }) => {
				const root = fileURLToPath(config.root);
				const publicDir = fileURLToPath(config.publicDir);
				const site = readSiteConfig(config.root);
				const sources = await (command === 'build' ? readContentForBuild : readContent)(root);
				const problems = checkContent(sources, site, publicDir);
				if (command === 'dev') watched = { root, publicDir, sources, problems };
				if (problems.length === 0) return;
				const report = `${problems.length} content problem(s):\n${formatProblems(problems)}`;
				if (command === 'dev' || !problems.some(isError)) {
					(problems.some(isError) ? logger.error : logger.warn).call(logger, report);
					return;
				}
				throw new ContentError(report);
			},
			'astro:server:setup': ({ server, logger }) => {
				if (watched) watchContent(watched, server, logger);
			},
		},
	};
}

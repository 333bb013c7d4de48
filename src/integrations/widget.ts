import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { readSiteConfig } from '../config/read-site-config.ts';
import { buildWidget, loaderPath, panelFolder, widgetHeaderRules, type BuiltWidget } from '../widget/build/build-widget.ts';

const kilobytes = (text: string) => `${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`;

/**
 * The storefront widget (src/widget/): `widget.js` and its panels, built with esbuild into dist/client once Astro has
 * written the site, with their `_headers` rules. In `astro dev`, the same files are built on each request for
 * widget.js, so a shop page pointed at the dev server shows the code as it is.
 */
export function widget(): AstroIntegration {
	let root = '';
	return {
		name: 'help-center:widget',
		hooks: {
			'astro:config:setup': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:server:setup': ({ server }) => {
				let built: Promise<BuiltWidget> | undefined;
				server.middlewares.use((request, response, next) => {
					const path = (request.url ?? '').split('?')[0] ?? '';
					if (path !== `/${loaderPath}` && !path.startsWith(`/${panelFolder}/`)) return next();
					if (path === `/${loaderPath}` || !built) built = buildWidget(root, readSiteConfig(root));
					built.then(
						(files) => {
							const file = [files.loader, ...Object.values(files.panels)].find((each) => `/${each.path}` === path);
							if (!file) return next();
							response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
							response.setHeader('Access-Control-Allow-Origin', '*');
							response.setHeader('Cache-Control', 'no-store');
							response.end(file.contents);
						},
						(error: unknown) => next(error),
					);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const client = fileURLToPath(dir);
				const site = readSiteConfig(root);
				const built = await buildWidget(root, site);
				// Only this build's panels: an incremental build keeps dist/client, and a panel no loader names is dead weight.
				rmSync(join(client, panelFolder), { recursive: true, force: true });
				for (const file of [built.loader, ...Object.values(built.panels)]) {
					const path = join(client, file.path);
					mkdirSync(dirname(path), { recursive: true });
					writeFileSync(path, file.contents);
				}
				appendFileSync(join(client, '_headers'), `\n${widgetHeaderRules(site.brand)}\n`);
				const panels = Object.entries(built.panels).map(([locale, file]) => `${locale} ${kilobytes(file.contents)}`);
				logger.info(`Storefront widget: /${loaderPath} ${kilobytes(built.loader.contents)}, panels ${panels.join(', ')}.`);
				if (site.widget.allowedOrigins.length === 0) {
					logger.warn('No shop may call the API from the storefront widget yet: list the shops\u2019 origins in content/site.yaml (widget.allowedOrigins) or in the Worker\u2019s ALLOWED_ORIGINS.');
				}
			},
		},
	};
}

// @ts-check
import { fileURLToPath } from 'node:url';
import cloudflare from '@astrojs/cloudflare';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { readSiteConfig } from './src/config/read-site-config.ts';
import { articleBodies } from './src/integrations/article-bodies.ts';
import { articleImages } from './src/integrations/article-images.ts';
import { buildMarks } from './src/integrations/build-marks.ts';
import { cmsAdmin } from './src/integrations/cms-admin.ts';
import { codeDigest } from './src/integrations/code-digest.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { prerenderBundle } from './src/integrations/prerender-bundle.ts';
import { redirectMap } from './src/integrations/redirect-map.ts';
import { devSearchIndex } from './src/integrations/dev-search-index.ts';
import { searchUi } from './src/integrations/search-ui.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { widget } from './src/integrations/widget.ts';
import { policyValuesPlugin } from './src/policies/policy-plugin.ts';

// Validated here, before Astro reads `site`: a mistake in site.yaml stops every command with the field to fix.
const siteConfig = readSiteConfig(new URL('./', import.meta.url));

export default defineConfig({
	site: siteConfig.siteUrl,
	output: 'server',
	session: false,
	trailingSlash: 'never',
	build: {
		format: 'file',
		// All CSS inline: an article arrives in one round trip with everything it needs to render.
		inlineStylesheets: 'always',
		// Rendering one page waits on file writes; with a few pages in flight, that wait does not idle the build
		// (render at 10,000 articles: 32.5 s → 28.7 s). Pages share no state while rendering, so output is the same.
		concurrency: 4,
	},
	markdown: {
		// Articles (Markdown and, through it, MDX) write out the policies they quote (`{policies.returnWindowDays}`)
		// from site.yaml; src/integrations/article-images.ts adds its step to this processor.
		processor: satteri({ mdastPlugins: [policyValuesPlugin(siteConfig.policies, fileURLToPath(new URL('./', import.meta.url)))] }),
	},
	adapter: cloudflare({
		// Node prerendering is an order of magnitude faster than workerd for MDX-heavy sites.
		prerenderEnvironment: 'node',
		imageService: 'passthrough',
	}),
	experimental: {
		// Unchanged article pages are copied from the previous build instead of rendered (see the cacheKey of
		// src/pages/[locale]/[category]/[slug].astro).
		incrementalBuild: true,
	},
	integrations: [buildMarks('first'), articleBodies(), articleImages(), codeDigest(), contentGuard(), redirectMap(), mdx(), prerenderBundle(), searchUi(), devSearchIndex(), widget(), securityHeaders({ turnstile: siteConfig.turnstile !== undefined }), cmsAdmin(), buildMarks('last')],
});

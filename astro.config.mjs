// @ts-check
import cloudflare from '@astrojs/cloudflare';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://help.example.com',
	output: 'server',
	session: false,
	// src/fetch.ts is the Worker's own entry (it also exports queue and scheduled handlers), not an Astro fetch handler.
	fetchFile: null,
	trailingSlash: 'never',
	build: { format: 'directory' },
	adapter: cloudflare({
		// Node prerendering is an order of magnitude faster than workerd for MDX-heavy sites.
		prerenderEnvironment: 'node',
		imageService: 'passthrough',
	}),
	integrations: [mdx()],
});

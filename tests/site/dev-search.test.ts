import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createProjectCopy, projectRoot } from '../../scripts/lib/bench-project';
import { freePort } from '../../scripts/lib/worker-server';
import { launchChromium } from '../support/browser';

// `astro dev` in a copy of the project, so that the test neither writes into the project nor shares its caches.
const copy = createProjectCopy();
let server: ChildProcess | undefined;
let origin = '';
let output = '';
let browser: Browser;

const indexReady = (count: number) =>
	new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The search index was not built in time:\n${output}`)), 120_000);
		const check = setInterval(() => {
			if ((output.match(/Search index \(.*\) ready/g) ?? []).length >= count) {
				clearTimeout(timer);
				clearInterval(check);
				resolve();
			}
		}, 100);
	});

beforeAll(async () => {
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: copy.root,
		env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await indexReady(1);
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	if (server?.pid) {
		const exited = new Promise((resolve) => server?.once('exit', resolve));
		server.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
	}
	copy.remove();
});

async function search(page: Page, query: string) {
	await page.goto(`${origin}/en/shipping/delivery-options`);
	await page.focus('#header-search');
	await page.keyboard.type(query, { delay: 30 });
	await page.waitForFunction((expected) => document.querySelector('[role="listbox"]')?.getAttribute('data-query') === expected, query, { timeout: 30_000 });
	return {
		status: await page.textContent('.search-popup-status'),
		titles: await page.$$eval('.search-option-article .search-option-title', (nodes) => nodes.map((node) => node.textContent)),
	};
}

describe('search in `astro dev`', () => {
	it('serves an index built from the dev server’s pages, with the same search as the build', async () => {
		const entry = (await (await fetch(`${origin}/pagefind/pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
		// The dev server shows drafts so editors can preview them, and indexes them too: the English draft adds a
		// page in both languages (in French as its fallback), and the French draft translation replaces the
		// fallback of its original.
		expect(entry.languages['en']?.page_count).toBe(32);
		expect(entry.languages['fr']?.page_count).toBe(32);
		const page = await browser.newPage();
		const { status, titles } = await search(page, 'refnd');
		expect(status).toContain('Showing results for “refund”');
		expect(titles[0]).toBe('When will I get my refund?');
		await page.close();
	}, 120_000);

	it('indexes an article again after it is edited', async () => {
		appendFileSync(join(copy.root, 'content/en/shipping/countries-we-ship-to.mdx'), '\n## Zephyria\n\nWe now deliver to the isle of Zephyria by boat once a week.\n');
		await indexReady(2);
		const page = await browser.newPage();
		const { titles } = await search(page, 'zephyria');
		expect(titles).toEqual(['Countries we ship to']);
		const sections = await page.$$eval('.search-option-section', (nodes) => nodes.map((node) => (node as HTMLElement).dataset['href']));
		expect(sections).toContain('/en/shipping/countries-we-ship-to#zephyria');
		await page.close();
	}, 150_000);

});

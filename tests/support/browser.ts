import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Debian's Chromium, with the flags this sandbox needs (no GPU, no background calls to Google), plus `extraArgs`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			...extraArgs,
		],
	});
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules plus best practices) on the page, or on the part `context` names (axe's
 * context: `{ include: [['my-element']] }`, which takes in its open shadow root), and returns its violations.
 */
export async function axeViolations(page: Page, context?: { include: string[][] }): Promise<string[]> {
	// Run over the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy runs no inline script
	// the build did not write.
	await page.evaluate(`${axeSource}\n;0`);
	const violations = await page.evaluate(async (part) => {
		const axe = (window as unknown as { axe: { run: (context: Document | object, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
		const result = await axe.run(part ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
		return result.violations;
	}, context);
	return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. Call it at the top of the file;
 * it answers a getter for the browser.
 */
export function useChromium(extraArgs: string[] = []): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchChromium(extraArgs);
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the test file.');
		return browser;
	};
}

/**
 * Opens browser contexts for a test file's tests, each closed once its test ends: call it at the top of the file,
 * after {@link useChromium}.
 */
export function useContexts(browser: () => Browser): (options?: BrowserContextOptions) => Promise<BrowserContext> {
	const open: BrowserContext[] = [];
	afterEach(async () => {
		await Promise.all(open.splice(0).map((context) => context.close()));
	});
	return async (options) => {
		const context = await browser().newContext(options);
		open.push(context);
		return context;
	};
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/worker-server';
import { startLocalCms, type LocalCms } from '../../scripts/lib/local-cms';
import { checkContent, isError } from '../../src/content-checks/check-content';
import { compileMdxBody } from '../../src/content-checks/parse-article';
import { readContent } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { articleFrontmatterSchema } from '../../src/schemas/article';
import { useChromium } from '../support/browser';
import { makeContentFixture, type ContentFixture } from '../support/content-fixture';

// The editors' visual editor (Decap CMS at /admin) with its local backend, as `npm run cms` starts it, on a copy of
// the small fixture help center: what an editor saves must pass `npm run check` and compile, and an edit must leave
// the rest of the file as it was.

const browser = useChromium();
const articleWithComponents = 'content/en/shipping/parcel-tracking.mdx';
let fixture: ContentFixture;
let cms: LocalCms;
const problems: string[] = [];

beforeAll(async () => {
	fixture = makeContentFixture();
	fixture.write(articleWithComponents, readFileSync(new URL('../fixtures/cms/parcel-tracking.mdx', import.meta.url), 'utf8'));
	cms = await startLocalCms({ root: fixture.root, adminDir: join(fixture.root, '.admin'), port: await freePort(), proxyPort: await freePort() });
}, 120_000);

afterAll(async () => {
	await cms?.stop();
});

async function openAdmin(hash: string): Promise<Page> {
	const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
	});
	await page.goto(cms.adminUrl);
	await page.getByRole('button', { name: 'Login' }).click();
	await page.goto(`${cms.adminUrl}#/${hash}`);
	return page;
}

async function publish(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Publish', exact: true }).click();
	await page.getByText('Publish now', { exact: true }).click();
	await page.getByText(/Entry published|Changes saved/i).first().waitFor();
}

/** The file's problems as `npm run check` reports them, errors only. */
async function checkErrors(file: string): Promise<string[]> {
	const sources = await readContent(fixture.root);
	return checkContent(sources, readSiteConfig(fixture.root), fixture.publicDir)
		.filter((problem) => isError(problem) && problem.file.endsWith(file))
		.map((problem) => `${problem.file}:${problem.line ?? ''} ${problem.message}`);
}

describe('the visual editor with the local backend', () => {
	it('creates an article that passes the content check and compiles as MDX', async () => {
		const page = await openAdmin('collections/en-shipping/new');
		await page.getByLabel('Title', { exact: true }).fill('Changing the delivery slot');
		await page.getByLabel('Description').fill('How to choose another delivery day or time slot once your order has shipped.');
		await page.getByLabel('Keywords').fill('delivery slot, reschedule');
		const body = page.locator('[data-slate-editor]').first();
		await body.click();
		await page.keyboard.type('Open the tracking link and choose ');
		await page.keyboard.press('Control+b');
		await page.keyboard.type('Change the slot');
		await page.keyboard.press('Control+b');
		await page.keyboard.type('.');
		await publish(page);
		await page.close();

		const file = 'content/en/shipping/changing-the-delivery-slot.mdx';
		expect(existsSync(join(fixture.root, file))).toBe(true);
		const text = readFileSync(join(fixture.root, file), 'utf8');
		const [, frontmatter = '', articleBody = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
		expect(articleFrontmatterSchema.safeParse(parse(frontmatter)).success).toBe(true);
		expect(frontmatter).toContain('keywords: [delivery slot, reschedule]');
		expect(frontmatter).not.toMatch(/_originalFrontmatter|promoted|draft/);
		expect(articleBody).toContain('**Change the slot**');
		expect(() => compileMdxBody(articleBody)).not.toThrow();
		expect(await checkErrors(file)).toEqual([]);
	});

	it('keeps an edited article byte for byte outside the field that changed, components included', async () => {
		const before = readFileSync(join(fixture.root, articleWithComponents), 'utf8');
		const page = await openAdmin('collections/en-shipping/entries/parcel-tracking');
		const description = page.getByLabel('Description');
		await expect.poll(() => description.inputValue()).toContain('Where to see');
		await description.fill('Where to follow your parcel, what each step of its journey means and what to do when it stops.');
		await publish(page);
		await page.close();

		const after = readFileSync(join(fixture.root, articleWithComponents), 'utf8');
		expect(after).toBe(
			before.replace(
				/^description: .*$/m,
				'description: Where to follow your parcel, what each step of its journey means and what to do when it stops.',
			),
		);
		expect(await checkErrors(articleWithComponents)).toEqual([]);
	});

	it('keeps the components of an article whose text is edited in the rich-text editor', async () => {
		const before = readFileSync(join(fixture.root, articleWithComponents), 'utf8');
		const page = await openAdmin('collections/en-shipping/entries/parcel-tracking');
		const body = page.locator('[data-slate-editor]').first();
		await body.getByText('Where to look').click({ clickCount: 3 });
		await page.keyboard.type('Where to look first');
		await publish(page);
		await page.close();

		const after = readFileSync(join(fixture.root, articleWithComponents), 'utf8');
		expect(after).toBe(before.replace('## Where to look', '## Where to look first'));
		expect(await checkErrors(articleWithComponents)).toEqual([]);
	});

	it('runs under the admin page\'s Content-Security-Policy', () => {
		expect(problems).toEqual([]);
	});
});

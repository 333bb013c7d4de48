import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/site-build';
import { contentGuard, ContentError } from '../../src/integrations/content-guard';
import { contentMistakes, makeContentFixture } from '../support/content-fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
type Mistake = (typeof contentMistakes)[keyof typeof contentMistakes];

/** A throwaway project: the real code and config, the fixture's content with one mistake in it. */
function projectWith(mistake: Mistake) {
	const fixture = makeContentFixture();
	mistake.apply(fixture);
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml']) {
		cpSync(join(projectRoot, file), join(fixture.root, file));
	}
	cpSync(join(projectRoot, 'public'), join(fixture.root, 'public'), { recursive: true, force: false });
	for (const link of ['src', 'functions', 'node_modules']) symlinkSync(join(projectRoot, link), join(fixture.root, link));
	return fixture.root;
}

/** The report line of `mistake`: its file, a line, the field in brackets when it has one, and a fix in parentheses. */
function expectReported(report: string, mistake: Mistake) {
	const line = report.split('\n').find((candidate) => candidate.startsWith(`${mistake.file}:`) && mistake.message.test(candidate));
	expect(line, report).toBeDefined();
	expect(line).toMatch(new RegExp(`^${mistake.file.replace(/[.]/g, '\\.')}:\\d+`));
	if (mistake.field) expect(line).toContain(`[${mistake.field}]`);
	expect(line).toMatch(/\(.{10,}\)$/);
}

/**
 * Runs the content guard's hook as `astro build` runs it (command "build", the same root and public folder), without
 * the rest of the build: what it throws is what stops the build.
 */
async function guardAsBuild(root: string): Promise<unknown> {
	const hook = contentGuard().hooks['astro:config:setup']!;
	const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as AstroIntegrationLogger;
	const config = { root: pathToFileURL(`${root}/`), publicDir: pathToFileURL(join(root, 'public/')) };
	try {
		await hook({ config, command: 'build', logger } as unknown as Parameters<typeof hook>[0]);
		return undefined;
	} catch (error) {
		return error;
	}
}

describe('a content mistake stops the build', () => {
	// One real build proves the guard is part of `astro build` and stops it before any page is made …
	it('stops `npm run build` on a mistake, naming the file, the line, the field and the fix', async () => {
		const mistake = contentMistakes['an unknown category'];
		const result = await buildSite(projectWith(mistake));
		expect(result.status, result.output).not.toBe(0);
		expect(result.failed).toBe('astro build');
		expectReported(result.output, mistake);
		expect(result.output).not.toContain('generating static routes');
	});

	// … and the guard the build runs refuses every mistake of the table, without a build each.
	for (const [name, mistake] of Object.entries(contentMistakes)) {
		it(`refuses ${name}`, async () => {
			const fixture = makeContentFixture();
			mistake.apply(fixture);
			const error = await guardAsBuild(fixture.root);
			expect(error).toBeInstanceOf(ContentError);
			expectReported((error as ContentError).message, mistake);
		});
	}

	it('lets the same content through once the mistake is fixed', async () => {
		const fixture = makeContentFixture();
		expect(await guardAsBuild(fixture.root)).toBeUndefined();
	});
});

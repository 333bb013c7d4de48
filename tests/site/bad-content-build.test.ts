import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/site-build';
import { contentMistakes, makeContentFixture } from '../support/content-fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A throwaway project: the real code and config, the fixture's content with one mistake in it. */
function projectWith(mistake: (typeof contentMistakes)[keyof typeof contentMistakes]) {
	const fixture = makeContentFixture();
	mistake.apply(fixture);
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml']) {
		cpSync(join(projectRoot, file), join(fixture.root, file));
	}
	cpSync(join(projectRoot, 'public'), join(fixture.root, 'public'), { recursive: true, force: false });
	for (const link of ['src', 'functions', 'node_modules']) symlinkSync(join(projectRoot, link), join(fixture.root, link));
	return fixture.root;
}

describe('a content mistake stops the build', () => {
	for (const [name, mistake] of Object.entries(contentMistakes)) {
		it(`stops on ${name}, naming the file, the field and the fix`, async () => {
			const root = projectWith(mistake);
			const result = await buildSite(root);
			const output = result.output;
			expect(result.status, output).not.toBe(0);
			expect(result.failed).toBe('astro build');
			const line = output
				.split('\n')
				.find((candidate) => candidate.startsWith(mistake.file) && mistake.message.test(candidate));
			expect(line, output).toBeDefined();
			if (mistake.field) expect(line).toContain(`[${mistake.field}]`);
			expect(line).toMatch(/\(.{10,}\)$/);
			expect(output).not.toContain('generating static routes');
		});
	}
});

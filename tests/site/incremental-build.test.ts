import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProjectCopy } from '../../scripts/lib/bench-project';
import { buildSiteOrThrow } from '../../scripts/lib/site-build';

const project = createProjectCopy();
afterAll(() => project.remove());

const build = (...flags: string[]) => buildSiteOrThrow(project.root, { flags });

/** Every file of the built site with a digest of its bytes. */
function snapshot(): Map<string, string> {
	const client = join(project.root, 'dist/client');
	const files = new Map<string, string>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(client, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
		}
	};
	walk(client);
	return files;
}

describe('an incremental build', () => {
	it('renders only what an edit changed, and gives exactly what a full build gives', async () => {
		// A plain Markdown article, whose page Astro renders from the data store rather than from a module of its own.
		const lockers = join(project.root, 'content/en/shipping/parcel-lockers.md');
		writeFileSync(lockers, '---\ntitle: Delivery to a parcel locker\ndescription: Have your order delivered to a parcel locker near you and collect it when it suits you.\nupdated: 2026-11-20\n---\n\nChoose a locker at checkout.\n');
		await build();
		const policy = join(project.root, 'content/en/returns-refunds/return-policy.mdx');
		writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^title: .*$/m, 'title: "Our return policy, in plain words"'));
		// Only the text of the Markdown article: its frontmatter stays the same.
		const added = 'Parcels wait in the locker for seven days.';
		writeFileSync(lockers, `${readFileSync(lockers, 'utf8')}\n${added}\n`);

		const incremental = await build();
		const cached = incremental.match(/\((?:cached|restored)\)/g)?.length ?? 0;
		// Most articles are untouched; the edited one and the pages that show its title are rendered again.
		expect(cached).toBeGreaterThan(50);
		const afterEdit = snapshot();
		const howToReturn = readFileSync(join(project.root, 'dist/client/en/returns-refunds/how-to-return-an-item.html'), 'utf8');
		expect(howToReturn).toContain('Our return policy, in plain words');
		// An article whose text alone changed shows the new text: its cache key covers its file, not only its frontmatter.
		expect(readFileSync(join(project.root, 'dist/client/en/shipping/parcel-lockers.html'), 'utf8')).toContain(added);

		// A change to the code (here, the search interface's script) renders every page again: no page may keep
		// pointing at the script of the previous build.
		const ui = join(project.root, 'src/search/ui/search-ui.ts');
		writeFileSync(ui, `${readFileSync(ui, 'utf8')}\nconsole.debug('search interface ready');\n`);
		const afterCodeChange = await build();
		expect(afterCodeChange).not.toMatch(/\((?:cached|restored)\)/);
		const scripts = (html: string) => [...html.matchAll(/\/_astro\/[^"'\s)]+\.js/g)].map((match) => match[0]);
		const page = readFileSync(join(project.root, 'dist/client/en/returns-refunds/how-to-return-an-item.html'), 'utf8');
		expect(scripts(page).length).toBeGreaterThan(0);
		for (const script of scripts(page)) expect(readdirSync(join(project.root, 'dist/client/_astro'))).toContain(script.slice('/_astro/'.length));
		const afterCode = snapshot();

		const full = await build('--force');
		expect(full).not.toMatch(/\((?:cached|restored)\)/);
		expect(afterCode).toEqual(snapshot());
		expect(afterEdit.size).toBe(afterCode.size);
	});
});

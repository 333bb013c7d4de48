import { describe, expect, it } from 'vitest';
import { readContentForBuild } from '../../src/content-checks/build-read';
import { makeContentFixture } from '../support/content-fixture';

const titleOf = (sources: Awaited<ReturnType<typeof readContentForBuild>>) =>
	sources.articles.find((article) => article.file === 'content/en/shipping/customs.md')?.data?.['title'];

describe('readContentForBuild', () => {
	it('hands one read to the next reader, then reads the files again', async () => {
		const fixture = makeContentFixture();
		const first = await readContentForBuild(fixture.root);
		fixture.edit('content/en/shipping/customs.md', (text) => text.replace(/^title: .*$/m, 'title: Changed after the first read'));
		const second = await readContentForBuild(fixture.root);
		expect(second).toBe(first);
		const third = await readContentForBuild(fixture.root);
		expect(titleOf(third)).toBe('Changed after the first read');
		expect(titleOf(first)).not.toBe('Changed after the first read');
	});

	it('keeps reads of different projects apart', async () => {
		const one = makeContentFixture();
		const other = makeContentFixture();
		other.edit('content/en/shipping/customs.md', (text) => text.replace(/^title: .*$/m, 'title: The other fixture'));
		await readContentForBuild(one.root);
		expect(titleOf(await readContentForBuild(other.root))).toBe('The other fixture');
	});
});

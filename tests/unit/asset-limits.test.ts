import { describe, expect, it } from 'vitest';
import { assetLimitMessages, type OutputFiles } from '../../scripts/lib/asset-limits';

const output = (total: number, tooLarge: string[] = []): OutputFiles => ({ total, html: total - 600, markdown: 256, search: 300, other: 44, tooLarge });

describe('the report of the output against Workers limits', () => {
	it('only informs while the files fit the Free plan', () => {
		expect(assetLimitMessages(output(10_836))).toEqual([{ level: 'info', text: expect.stringMatching(/^10836 files \(10236 pages, 256 for Markdown twins, 300 search index files, 44 other\): within/) }]);
	});

	it('warns with the numbers past the Free plan, and that deploying fails past the Paid plan', () => {
		expect(assetLimitMessages(output(20_001))).toEqual([{ level: 'warn', text: expect.stringContaining('more than the 20000 files of the Workers Free plan') }]);
		expect(assetLimitMessages(output(100_001))).toEqual([{ level: 'warn', text: expect.stringMatching(/more than the 100000 files .* Deploying will fail\.$/) }]);
	});

	it('warns about every file over 25 MiB', () => {
		const messages = assetLimitMessages(output(500, ['en/llms-full.txt', 'articles.json']));
		expect(messages.filter((message) => message.level === 'warn').map((message) => message.text)).toEqual([
			'en/llms-full.txt is over the 25 MiB Cloudflare serves per file. Deploying will fail.',
			'articles.json is over the 25 MiB Cloudflare serves per file. Deploying will fail.',
		]);
	});
});

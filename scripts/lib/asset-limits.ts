import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Cloudflare Workers static assets: files per Worker version, by plan. */
export const assetLimits = { free: 20_000, paid: 100_000 } as const;

/** Cloudflare Workers static assets: the largest file served, on every plan. */
export const maxAssetBytes = 25 * 1024 * 1024;

export interface OutputFiles {
	total: number;
	html: number;
	/** Markdown twins: packs of them (src/worker/asset-pack.ts), or loose files. */
	markdown: number;
	search: number;
	other: number;
	/** Files over {@link maxAssetBytes}, which Cloudflare would refuse, by path. */
	tooLarge: string[];
}

/** Counts the files a build uploads as static assets, by kind. */
export function countOutputFiles(directory: string): OutputFiles {
	const counts: OutputFiles = { total: 0, html: 0, markdown: 0, search: 0, other: 0, tooLarge: [] };
	const walk = (folder: string, kind: 'search' | 'markdown' | undefined) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.isDirectory()) {
				walk(join(folder, entry.name), kind ?? (entry.name === 'pagefind' ? 'search' : entry.name === 'markdown-packs' ? 'markdown' : undefined));
				continue;
			}
			// _headers, _redirects and the like configure the assets; they are not uploaded as files.
			if (entry.name.startsWith('_')) continue;
			counts.total += 1;
			const path = join(folder, entry.name);
			if (statSync(path).size > maxAssetBytes) counts.tooLarge.push(relative(directory, path));
			if (kind) counts[kind] += 1;
			else if (entry.name.endsWith('.html')) counts.html += 1;
			else if (entry.name.endsWith('.md')) counts.markdown += 1;
			else counts.other += 1;
		}
	};
	walk(directory, undefined);
	return counts;
}

export interface AssetLimitMessage {
	level: 'info' | 'warn';
	text: string;
}

/**
 * What the output's files mean for deploying, once the whole site is built (pages and search index): a warning per
 * file over {@link maxAssetBytes}, and one when the count passes a Workers plan's limit (20,000 files on Free, 100,000
 * on Paid), with the numbers, so a growing help center learns before `wrangler deploy` refuses it.
 */
export function assetLimitMessages(files: OutputFiles): AssetLimitMessage[] {
	const messages: AssetLimitMessage[] = files.tooLarge.map((path) => ({
		level: 'warn',
		text: `${path} is over the ${maxAssetBytes / 1024 / 1024} MiB Cloudflare serves per file. Deploying will fail.`,
	}));
	const detail = `${files.total} files (${files.html} pages, ${files.markdown} for Markdown twins, ${files.search} search index files, ${files.other} other)`;
	if (files.total > assetLimits.paid) {
		messages.push({ level: 'warn', text: `${detail}: more than the ${assetLimits.paid} files a Worker can serve even on the Workers Paid plan. Deploying will fail.` });
	} else if (files.total > assetLimits.free) {
		messages.push({ level: 'warn', text: `${detail}: more than the ${assetLimits.free} files of the Workers Free plan; deploying needs the Workers Paid plan (up to ${assetLimits.paid}).` });
	} else {
		messages.push({ level: 'info', text: `${detail}: within the Workers Free plan's ${assetLimits.free} files.` });
	}
	return messages;
}

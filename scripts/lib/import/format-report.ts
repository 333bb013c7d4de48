import { formatRefusal, type ImportReport } from './run-import.ts';

function section<T>(lines: string[], title: string, items: T[], line: (item: T) => string): void {
	if (items.length === 0) return;
	lines.push('', `${title} (${items.length}):`, ...items.map((item) => `  ${line(item)}`));
}

/** The summary printed at the end of `npm run import`: counts first, then every item an editor should check. */
export function formatReport(report: ImportReport): string {
	const count = (status: string) => report.articles.filter((article) => article.status === status).length;
	const locales = [...new Set(report.articles.map((article) => article.locale))].sort();
	const drafts = report.articles.filter((article) => article.draft).length;
	const newCategories = report.categories.filter((category) => category.status === 'new').length;
	const lines = [
		`${report.dryRun ? 'Dry run, nothing written: would import' : 'Imported'} ${report.articles.length} article(s) from ${{ zendesk: 'Zendesk', csv: 'CSV', markdown: 'Markdown' }[report.system]}` +
			`${locales.length > 0 ? ` in ${locales.join(', ')}` : ''}: ${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged` +
			`${drafts > 0 ? ` (${drafts} as drafts)` : ''}.`,
		`Categories: ${newCategories} created, ${report.categories.length - newCategories} already there. Media: ${report.mediaStored} file(s) stored, ${report.mediaNotFound.length} not found.`,
		...(report.refused.length > 0
			? [`Not imported: ${report.refused.length} article(s) would not pass the content checks; fix them in the source and import again (the others are ${report.dryRun ? 'unchanged on a new run' : 'in, and stay unchanged'}).`]
			: []),
		`Skipped: ${report.skipped.length}. Scripts dropped: ${report.scriptsDropped.reduce((total, item) => total + item.scripts, 0)}, event handlers dropped: ${report.scriptsDropped.reduce((total, item) => total + item.handlers.length, 0)}.`,
	];
	section(lines, 'Not imported (fix in the source, then run the same import again)', report.refused, formatRefusal);
	section(lines, 'Skipped', report.skipped, (item) => `${item.item}: ${item.reason}`);
	section(lines, 'Media not found (removed from the article)', report.mediaNotFound, (item) => `${item.file}: ${item.src} — ${item.reason}`);
	section(lines, 'Scripts and event handlers dropped', report.scriptsDropped, (item) =>
		[
			`${item.file}:`,
			item.scripts ? `${item.scripts} script(s)` : '',
			item.handlers.length ? `handlers ${item.handlers.join(', ')}` : '',
			item.scriptLinks ? `${item.scriptLinks} javascript: link(s)` : '',
		]
			.filter(Boolean)
			.join(' '),
	);
	section(lines, 'Images given alt text from their file name (check it describes the image)', report.altGenerated, (item) => `${item.file}: "${item.alt}" for ${item.src}`);
	section(lines, 'Titles longer than search engines show, given a seoTitle (check it reads well)', report.seoTitlesWritten, (item) => `${item.file}: "${item.seoTitle}"`);
	section(lines, 'Duplicate titles given distinct file names', report.duplicateTitles, (item) => `${item.file}: "${item.title}" (${item.reason})`);
	section(lines, 'Descriptions to write (too little text to make one)', report.descriptionsToWrite, (item) => item.file);
	section(lines, 'Embeds replaced by a link (not YouTube or Vimeo)', report.embedsReplaced, (item) => `${item.file}: ${item.src}`);
	section(lines, 'Links to check', report.links, (item) => `${item.file}: ${item.href} — ${item.outcome}`);
	section(lines, 'Old addresses not redirected', report.redirectsDropped, (item) => `${item.file}: ${item.path} — ${item.reason}`);
	return lines.join('\n');
}

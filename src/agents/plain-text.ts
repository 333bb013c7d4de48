/**
 * The text of a Markdown document without its markup, for tools that index plain text: links and images keep
 * their words, headings, quotes, emphasis, code marks and table rules go; list markers stay, since they carry
 * the order of steps. Backslash escapes (`\<`, `\_`) read as the character they protect.
 */
export function markdownToPlainText(markdown: string): string {
	return markdown
		.replace(/^(```|~~~).*$/gm, '')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>\n]+>/g, '')
		.replace(/^#{1,6}[ \t]+/gm, '')
		.replace(/^[ \t]*>[ \t]?/gm, '')
		.replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\n/gm, '')
		.replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_row, cells: string) => cells.split('|').map((cell) => cell.trim()).join(' | '))
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*\\])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
		.replace(/(^|[^\w_\\])_(?!\s)([^_\n]+?)_(?!\w)/g, '$1$2')
		.replace(/`([^`\n]+)`/g, '$1')
		.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

import { articleComponents } from '../content-checks/article-components.ts';
import { titleLimits } from '../utils/seo-title.ts';

/** The name of our frontmatter-keeping format (src/cms/mdx-format.ts), registered by the admin page. */
export const articleFormatName = 'help-center-mdx';

/** The hidden field that carries an article's frontmatter as it was read, so that saving keeps it byte for byte. */
export const originalFrontmatterField = '_originalFrontmatter';

export type Field = Record<string, unknown> & { name: string; label: string; widget: string };

const slugPattern = ['^[a-z0-9]+(-[a-z0-9]+)*$', 'Use lowercase letters, digits and hyphens only, for example "return-policy".'];

/** A pattern for a length range, as Decap checks text fields (it has no min/max for strings). */
function lengthPattern(min: number, max: number, what: string): [string, string] {
	return [`^[\\s\\S]{${min},${max}}$`, `${what}: ${min} to ${max} characters.`];
}

/**
 * The article form, field by field from src/schemas/article.ts: its names, which are required, and the limits Decap
 * can check. `category` is left out (the folder decides it) and `source` too (written by `npm run import`): the
 * format keeps both as they are in the file.
 */
export function articleFields(): Field[] {
	const optional = { required: false };
	return [
		{ name: 'title', label: 'Title', widget: 'string', hint: 'The page heading.', pattern: lengthPattern(titleLimits.min, titleLimits.max, 'The title') },
		{ name: 'description', label: 'Description', widget: 'text', hint: 'The summary under the title in search results: 50 to 160 characters.', pattern: lengthPattern(50, 160, 'The description') },
		{ name: 'updated', label: 'Last updated', widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true, default: '{{now}}' },
		{ name: 'seoTitle', label: 'Title for search engines', widget: 'string', ...optional, hint: `Only when the title is longer than ${titleLimits.seo} characters.`, pattern: lengthPattern(titleLimits.min, titleLimits.seo, 'The title for search engines') },
		{ name: 'translationKey', label: 'Translation key', widget: 'string', ...optional, hint: 'In a translation: the English file name. Leave empty in English.', pattern: slugPattern },
		{ name: 'order', label: 'Position in the category', widget: 'number', value_type: 'int', ...optional, hint: 'Smallest first; 100 when empty.' },
		{ name: 'promoted', label: 'Show on the home page', widget: 'boolean', ...optional, default: false },
		{ name: 'draft', label: 'Draft (not published)', widget: 'boolean', ...optional, default: false },
		{ name: 'keywords', label: 'Keywords', widget: 'list', ...optional, hint: 'Other words shoppers search for, separated by commas.' },
		{ name: 'related', label: 'Related articles', widget: 'list', ...optional, hint: 'Translation keys (English file names) of articles to suggest, separated by commas.' },
		{ name: 'redirectFrom', label: 'Old addresses', widget: 'list', ...optional, hint: 'Paths such as /en/old/page, separated by commas.' },
		{
			name: 'faq',
			label: 'Questions and answers',
			widget: 'list',
			...optional,
			fields: [
				{ name: 'question', label: 'Question', widget: 'string', pattern: ['^[\\s\\S]{5,}$', 'Write the question in full.'] },
				{ name: 'answer', label: 'Answer', widget: 'text', pattern: ['^[\\s\\S]{5,}$', 'Write the answer in full.'] },
			],
		},
		{ name: originalFrontmatterField, label: 'Original frontmatter', widget: 'hidden', ...optional },
		{ name: 'body', label: 'Article', widget: 'markdown', hint: `Start sections with a heading 2. Blocks: ${articleComponents.join(', ')}. Shop policies: write {policies.returnWindowDays} (or another name from content/README.md, "Policy values") where the value goes.` },
	];
}

/** The names of the form's fields that are frontmatter keys (not the body, not our hidden field). */
export function editableFrontmatterKeys(): string[] {
	return articleFields()
		.map((field) => field.name)
		.filter((name) => name !== 'body' && name !== originalFrontmatterField);
}


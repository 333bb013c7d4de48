import type { z } from 'zod';
import type { ContentProblem } from './check-content.ts';

/** Turns a schema's issues into problems located at the line of their top-level key, worded for editors. */
export function issuesToProblems(
	file: string,
	keyLines: Map<string, number>,
	issues: z.core.$ZodIssue[],
): ContentProblem[] {
	return issues.map((issue) => {
		const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
		const topKey = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : ''));
		const line = keyLines.get(topKey);
		if (issue.code === 'unrecognized_keys') {
			return {
				file,
				...(line ? { line } : {}),
				field,
				message: `Unknown field "${issue.keys.join('", "')}".`,
				fix: 'Check the spelling against the field list in content/README.md, or remove the field.',
			};
		}
		if (issue.code === 'invalid_type' && issue.input === undefined) {
			return {
				file,
				line: 1,
				field,
				message: `The field "${field}" is missing.`,
				fix: issue.message.startsWith('Invalid input') ? `Add "${field}: …" to the frontmatter.` : issue.message,
			};
		}
		return { file, ...(line ? { line } : {}), field, message: `The field "${field}" is not valid.`, fix: issue.message };
	});
}

/** A file under a language folder that content/site.yaml does not list. */
export function unknownLocaleProblem(file: string, locale: string, locales: readonly string[]): ContentProblem {
	return {
		file,
		message: `"${locale}" is not one of the site's languages (${locales.join(', ')}).`,
		fix: 'Move the file into a language folder, or add the language to locales in content/site.yaml.',
	};
}

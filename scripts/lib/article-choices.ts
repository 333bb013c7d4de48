import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { categoryFile, contentFolder } from '../../src/config/content-layout.ts';

/** A category an article can go into: its folder name and its title. */
export interface CategoryChoice {
	id: string;
	title: string;
}

export interface LanguageChoice {
	code: string;
	name: string;
}

/** The categories of a language, read from their category files, in the order the site shows them. */
export function listCategories(root: string, locale: string): CategoryChoice[] {
	const folder = join(root, contentFolder, locale);
	if (!existsSync(folder)) return [];
	const categories = readdirSync(folder, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(join(root, categoryFile(locale, entry.name))))
		.map((entry) => {
			// A category file with a YAML mistake still names a category; npm run check reports the mistake.
			let data: { title?: unknown; order?: unknown } = {};
			try {
				data = parse(readFileSync(join(root, categoryFile(locale, entry.name)), 'utf8')) ?? {};
			} catch {}
			const title = typeof data.title === 'string' ? data.title : entry.name;
			return { id: entry.name, title, order: typeof data.order === 'number' ? data.order : 100 };
		});
	return categories
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
		.map(({ id, title }) => ({ id, title }));
}

/** The question for the language, naming each of the site's languages. */
export function languageQuestion(languages: LanguageChoice[]): string {
	return `Language (${languages.map((language) => `${language.code} = ${language.name}`).join(', ')})`;
}

/** The existing categories as lines of a list: folder name, then title, aligned. */
export function categoryList(categories: CategoryChoice[]): string {
	const width = Math.max(...categories.map((category) => category.id.length));
	return categories.map((category) => `  ${category.id.padEnd(width)}  ${category.title}`).join('\n');
}

/** The question for the category: the list of the language's categories, then the question itself. */
export function categoryQuestion(locale: string, categories: CategoryChoice[]): string {
	if (categories.length === 0) return `There is no category in "${locale}" yet. Category folder`;
	return `Categories in ${locale}:\n${categoryList(categories)}\nCategory folder`;
}

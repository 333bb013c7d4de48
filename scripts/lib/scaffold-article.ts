import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { articleFile, categoryFile } from '../../src/config/content-layout.ts';
import { placeholderDescription } from '../../src/content-checks/check-content.ts';
import { parseArticleText } from '../../src/content-checks/read-content.ts';
import { categoryList, listCategories } from './article-choices.ts';

/** Turns a title into a file name: lowercase ASCII words joined by hyphens ("Échanger une taille" → "echanger-une-taille"). */
export function slugify(title: string): string {
	return title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
}

export interface ScaffoldOptions {
	/** The project's folder: the article goes into its content/. */
	root: string;
	locale: string;
	category: string;
	title: string;
	/** The translationKey of the article this one translates (its file name in the default locale). */
	translationOf?: string;
	today?: Date;
}

/** Writes a new article with complete frontmatter and returns its path; refuses to overwrite. */
export async function scaffoldArticle(options: ScaffoldOptions): Promise<string> {
	const { root, locale, category } = options;
	const settings = categoryFile(locale, category);
	if (!existsSync(join(root, settings))) {
		const categories = listCategories(root, locale);
		const existing = categories.length > 0 ? ` The categories in ${locale} are:\n${categoryList(categories)}` : '';
		throw new Error(`There is no category "${category}" in ${locale} (${settings} is missing).${existing}`);
	}
	const slug = slugify(options.title);
	if (!slug) throw new Error('The title needs at least one letter or digit.');
	const file = join(root, articleFile({ locale, category, slug }));
	if (existsSync(file) || existsSync(join(root, articleFile({ locale, category, slug }, 'md')))) throw new Error(`${file} already exists: choose another title.`);
	const directory = dirname(file);
	const siblings = (await readdir(directory)).filter((name) => /\.mdx?$/.test(name));
	let order = 0;
	for (const name of siblings) {
		const { data } = parseArticleText(await readFile(join(directory, name), 'utf8'));
		// Articles without an order sort as 100, the schema's default.
		order = Math.max(order, typeof data?.['order'] === 'number' ? data['order'] : 100);
	}
	const frontmatter = {
		title: options.title,
		description: placeholderDescription,
		updated: (options.today ?? new Date()).toISOString().slice(0, 10),
		order: order + 1,
		...(options.translationOf ? { translationKey: options.translationOf } : {}),
		keywords: [],
		related: [],
	};
	await mkdir(directory, { recursive: true });
	await writeFile(file, `---\n${stringify(frontmatter).trim()}\n---\n\nWrite the answer first, in a sentence or two.\n\n## A first section\n\nThen the details.\n\n<ContactCta />\n`, { flag: 'wx' });
	return file;
}

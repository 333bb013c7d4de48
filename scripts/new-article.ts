/**
 * `npm run new:article` — creates an article with complete frontmatter. Asks for what the flags do not give:
 *   npm run new:article -- --locale en --category shipping --title "Delivery to islands"
 *   npm run new:article -- --locale fr --category shipping --title "Livraison dans les îles" --translation-of delivery-to-islands
 */
import { createInterface } from 'node:readline/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteConfig } from '../src/config/read-site-config.ts';
import { categoryQuestion, languageQuestion, listCategories } from './lib/article-choices.ts';
import { scaffoldArticle } from './lib/scaffold-article.ts';

const { values } = parseArgs({
	options: {
		locale: { type: 'string' },
		category: { type: 'string' },
		title: { type: 'string' },
		'translation-of': { type: 'string' },
	},
});

const prompt = createInterface({ input: process.stdin, output: process.stdout });
const ask = async (question: string, given: string | undefined) => given ?? (await prompt.question(`${question}: `)).trim();
try {
	const site = readSiteConfig(process.cwd());
	const locale = await ask(languageQuestion(site.locales), values.locale);
	const codes = site.locales.map((language) => language.code);
	if (!codes.includes(locale)) throw new Error(`"${locale}" is not one of the site's languages. Choose one of ${codes.join(', ')}, or add it to locales in content/site.yaml.`);
	const category = await ask(categoryQuestion(locale, listCategories(process.cwd(), locale)), values.category);
	const title = await ask('Title', values.title);
	const translationOf = values['translation-of'] ?? (values.locale ? undefined : (await prompt.question('English file name it translates (leave empty if none): ')).trim() || undefined);
	const file = await scaffoldArticle({ root: process.cwd(), locale, category, title, ...(translationOf ? { translationOf } : {}) });
	console.log(`Created ${relative(process.cwd(), file)}. Write its description and text, then run npm run check.`);
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	prompt.close();
}

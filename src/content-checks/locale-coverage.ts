import { categoryFile } from '../config/content-layout.ts';
import { hasUiStrings, stringsStillInEnglish, uiKeyCount } from '../i18n/translate.ts';
import type { SiteConfig } from '../schemas/site-config';
import type { ContentProblem } from './check-content.ts';
import type { ContentSources } from './read-content.ts';

const siteFile = 'content/site.yaml';

// Words that read the same in many languages ("OK", "E-mail", a brand's own term) should not count as untranslated:
// only a file where most strings are still English is one nobody has translated.
const untranslatedShare = 0.5;

/**
 * What each language listed in content/site.yaml still lacks: interface strings (an error: the pages would be
 * tagged in that language and read in English), strings still in English, categories the default language has,
 * and articles. (Texts of site.yaml given per language are required by its schema.)
 */
export function checkLocaleCoverage(sources: ContentSources, site: SiteConfig): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const defaultLocale = site.defaultLocale;
	const categoriesOf = (locale: string) => new Set(sources.categories.filter((category) => category.locale === locale).map((category) => category.id));
	const defaultCategories = categoriesOf(defaultLocale);

	for (const { code, name } of site.locales) {
		if (!hasUiStrings(code)) {
			problems.push({
				file: siteFile,
				field: 'locales',
				message: `${name} (${code}) has no interface strings: its pages would say lang="${code}" and show buttons, menus and messages in English.`,
				fix: `Run npm run new:locale -- ${code} to add src/i18n/${code}.json, then translate it; or remove ${code} from locales.`,
			});
		}
		const english = stringsStillInEnglish(code);
		if (english.length > 0 && english.length >= untranslatedShare * uiKeyCount) {
			problems.push({
				severity: 'warning',
				file: `src/i18n/${code}.json`,
				message: `${english.length} interface strings of ${name} are still in English (for example "${english[0]}").`,
				fix: `Translate the values of src/i18n/${code}.json; keep the keys and the {placeholders} as they are.`,
			});
		}
		if (code === defaultLocale) continue;
		const missing = [...defaultCategories].filter((id) => !categoriesOf(code).has(id));
		if (missing.length > 0) {
			problems.push({
				severity: 'warning',
				file: categoryFile(code, missing[0] ?? ''),
				message: `${name} has no ${missing.length === 1 ? 'category file' : `category files (${missing.length})`} for ${missing.join(', ')}: those topics are missing from its home page.`,
				fix: `Copy each _category.yaml from content/${defaultLocale}/ to the same folder under content/${code}/ and translate its title and description (npm run new:locale -- ${code} does it).`,
			});
		}
		if (!sources.articles.some((article) => article.locale === code)) {
			problems.push({
				severity: 'warning',
				file: siteFile,
				field: 'locales',
				message: `No article is written in ${name} yet: its pages show the ${defaultLocale} articles with a notice that they are not translated.`,
				fix: `Translate the most read articles first: npm run new:article -- --locale ${code} --translation-of <file name>.`,
			});
		}
	}
	return problems;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../../../src/answers/answer-question.ts';
import { answerIndexFolder, manifestFile } from '../../../src/answers/index-layout.ts';
import type { SiteConfig } from '../../../src/schemas/site-config.ts';
import { diskIndex } from '../answer-eval.ts';
import type { Engine } from './run.ts';
import { SimulateError } from './tickets.ts';

/**
 * The answer engine over a built site's answer indexes (`<clientDir>/answers/<locale>/`), with the options the API
 * gives it: the locale's synonyms and the staleness rule of content/site.yaml.
 */
export function builtSiteEngine(clientDir: string, site: SiteConfig): Engine {
	const locales = site.locales.map((locale) => locale.code);
	const missing = locales.filter((locale) => !existsSync(join(clientDir, answerIndexFolder(locale), manifestFile)));
	if (missing.length > 0) {
		throw new SimulateError(`${clientDir} has no answer index for ${missing.join(', ')}: run \`npm run build\` first (or point --site at a built dist/client).`);
	}
	const indexes = new Map(locales.map((locale) => [locale, diskIndex(clientDir, locale)]));
	return (question, locale) => {
		const index = indexes.get(locale);
		if (!index) throw new SimulateError(`The help center has no locale "${locale}" (its locales: ${locales.join(', ')}).`);
		return answerQuestion(index, question, { synonyms: site.search.synonyms[locale] ?? [], staleAfterDays: site.answers.staleAfterDays });
	};
}

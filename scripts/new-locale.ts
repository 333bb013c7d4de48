/**
 * `npm run new:locale -- <code> [--name <its own name>]` — adds a language: its interface strings to translate
 * (src/i18n/<code>.json), its entry in content/site.yaml and its category files, then says what is left to translate.
 */
import { parseArgs } from 'node:util';
import { SiteConfigError } from '../src/config/parse-site-config.ts';
import { scaffoldLocale } from './lib/scaffold-locale.ts';

try {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
	const [code] = positionals;
	if (!code || positionals.length > 1) throw new Error('Usage: npm run new:locale -- <code> [--name <the language in its own words>], for example: npm run new:locale -- de');
	const result = await scaffoldLocale(process.cwd(), code, values.name);
	console.log(`Added ${result.name} (${result.code}).`);
	if (result.written.length > 0) console.log(`\nNew files:\n${result.written.map((file) => `  ${file}`).join('\n')}`);
	if (result.changed.length > 0) console.log(`\nChanged:\n${result.changed.map((file) => `  ${file}`).join('\n')}`);
	console.log(
		[
			'',
			'To translate:',
			`  src/i18n/${result.code}.json (the interface: keep the keys and the {placeholders})`,
			...result.toTranslate.map((field) => `  ${field}.${result.code} in content/site.yaml`),
			`  the title and description of each content/${result.code}/<category>/_category.yaml`,
			`  articles: npm run new:article -- --locale ${result.code} --translation-of <file name>`,
			'',
			'npm run check lists what the language still lacks.',
		].join('\n'),
	);
} catch (error) {
	if (!(error instanceof Error) || (error instanceof TypeError && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
	console.error(error instanceof SiteConfigError ? error.message : error.message);
	process.exitCode = 1;
}

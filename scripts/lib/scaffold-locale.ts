import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMap, isNode, isScalar, isSeq, parseDocument, stringify, type Pair } from 'yaml';
import { categoryFile } from '../../src/config/content-layout.ts';
import { readContent } from '../../src/content-checks/read-content.ts';
import { readSiteConfig } from '../../src/config/read-site-config.ts';
import { localeCodePattern, type SiteConfig } from '../../src/schemas/site-config.ts';

/** What `npm run new:locale` wrote or changed, relative to the project's root. */
export interface LocaleScaffold {
	code: string;
	name: string;
	written: string[];
	changed: string[];
	/** Texts of content/site.yaml that now need this language's version (copied from the default language). */
	toTranslate: string[];
}

const translateModule = 'src/i18n/translate.ts';

/** The language's own name, capitalised as a menu entry: "Deutsch", "Español". */
function endonym(code: string): string {
	const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
	return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** Registers the strings file in translate.ts, next to the ones there: one import and one dictionary entry. */
function registerStrings(source: string, code: string): string {
	const identifier = code.replace('-', '_');
	const imports = [...source.matchAll(/^import \w+ from '\.\/[\w-]+\.json' with \{ type: 'json' \};$/gm)];
	const last = imports.at(-1);
	const dictionaries = /^(const dictionaries = \{ )(.*)( \} as const satisfies Record<string, UiStrings>;)$/m;
	if (!last || last.index === undefined || !dictionaries.test(source)) {
		throw new Error(`${translateModule} does not have the expected shape; add "import ${identifier} from './${code}.json' with { type: 'json' };" and "${identifier}: ${identifier} satisfies UiStrings" to its dictionaries by hand.`);
	}
	const end = last.index + last[0].length;
	const withImport = `${source.slice(0, end)}\nimport ${identifier} from './${code}.json' with { type: 'json' };${source.slice(end)}`;
	const key = identifier === code ? code : `'${code}'`;
	return withImport.replace(dictionaries, (_line, start: string, entries: string, close: string) => `${start}${entries}, ${key}: ${identifier} satisfies UiStrings${close}`);
}

/** A string as YAML writes it in a block (`key: value`) or inside `{ … }`, where commas and brackets need quotes. */
function scalar(value: string, inFlow: boolean): string {
	const written = stringify(value, { lineWidth: 0 }).trim();
	return inFlow && !/^["']/.test(written) && /[,{}[\]]/.test(written) ? JSON.stringify(value) : written;
}

/** The indentation of the line `offset` is on, up to `offset`. */
const columnOf = (text: string, offset: number) => offset - text.lastIndexOf('\n', offset - 1) - 1;

/**
 * site.yaml with the language added to `locales` and to every text given per language (brand tagline, contact hours,
 * return reasons…), in the default language until translated. Written into the editor's file where each belongs,
 * so comments, quotes and layout stay as they are; the paths of those texts are pushed to `toTranslate`.
 */
function addToSiteYaml(text: string, site: SiteConfig, locale: { code: string; name: string }, toTranslate: string[]): string {
	const document = parseDocument(text);
	const codes = new Set(site.locales.map((entry) => entry.code));
	const insertions: { at: number; text: string }[] = [];
	const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

	const locales = document.get('locales', true);
	const lastLocale = isSeq(locales) ? locales.items.at(-1) : undefined;
	if (!isSeq(locales) || !isNode(lastLocale) || !lastLocale.range || !locales.range) throw new Error('content/site.yaml has no list of locales.');
	if (locales.flow) {
		insertions.push({ at: lastLocale.range[1], text: `, { code: ${scalar(locale.code, true)}, name: ${scalar(locale.name, true)} }` });
	} else {
		const indent = ' '.repeat(columnOf(text, locales.range[0]));
		insertions.push({ at: lastLocale.range[1], text: `\n${indent}- code: ${scalar(locale.code, false)}\n${indent}  name: ${scalar(locale.name, false)}` });
	}

	const visit = (node: unknown, path: string[]): void => {
		if (isMap(node)) {
			const keys = node.items.map(keyOf);
			const perLanguage = keys.includes(site.defaultLocale) && keys.every((key) => codes.has(key));
			const last = node.items.at(-1);
			if (perLanguage && isNode(last?.value) && last.value.range && isNode(last.key) && last.key.range) {
				const value = String(node.get(site.defaultLocale) ?? '');
				if (node.flow) insertions.push({ at: last.value.range[1], text: `, ${locale.code}: ${scalar(value, true)}` });
				else insertions.push({ at: last.value.range[1], text: `\n${' '.repeat(columnOf(text, last.key.range[0]))}${locale.code}: ${scalar(value, false)}` });
				toTranslate.push(path.join('.'));
				return;
			}
			for (const pair of node.items) visit(pair.value, [...path, keyOf(pair)]);
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => visit(item, [...path, String(index)]));
		}
	};
	for (const pair of isMap(document.contents) ? document.contents.items : []) {
		// Synonyms are per language but are not translations of each other: a new language starts without any.
		if (!['locales', 'search'].includes(keyOf(pair))) visit(pair.value, [keyOf(pair)]);
	}
	let result = text;
	for (const insertion of insertions.toSorted((a, b) => b.at - a.at)) {
		// Right after the value's last character: a node's range can end past the line break that follows it.
		const end = result.slice(0, insertion.at).trimEnd().length;
		result = `${result.slice(0, end)}${insertion.text}${result.slice(end)}`;
	}
	return result;
}

/**
 * Adds a language to the project: its interface strings (a copy of English, to translate), its entry in
 * content/site.yaml with its own name, its versions of the texts site.yaml gives per language (copied from the
 * default language, to translate), and its category files (copied from the default language). Articles are not
 * copied: until translated, the default language's articles show with a notice. Refuses a language already there.
 */
export async function scaffoldLocale(root: string, code: string, name = localeCodePattern.test(code) ? endonym(code) : code): Promise<LocaleScaffold> {
	if (!localeCodePattern.test(code)) throw new Error(`"${code}" is not a language code: use two lowercase letters, with a region if needed ("de", "pt-BR").`);
	const site = readSiteConfig(root);
	if (site.locales.some((locale) => locale.code === code)) throw new Error(`${code} is already one of the site's languages (content/site.yaml, locales).`);
	const result: LocaleScaffold = { code, name, written: [], changed: [], toTranslate: [] };
	const write = async (file: string, text: string, list: string[]) => {
		await mkdir(dirname(join(root, file)), { recursive: true });
		await writeFile(join(root, file), text);
		list.push(file);
	};

	const stringsFile = `src/i18n/${code}.json`;
	if (!existsSync(join(root, stringsFile))) {
		await write(stringsFile, await readFile(join(root, 'src/i18n/en.json'), 'utf8'), result.written);
		await write(translateModule, registerStrings(await readFile(join(root, translateModule), 'utf8'), code), result.changed);
	}

	const siteFile = 'content/site.yaml';
	await write(siteFile, addToSiteYaml(await readFile(join(root, siteFile), 'utf8'), site, { code, name }, result.toTranslate), result.changed);

	const content = await readContent(root);
	for (const category of content.categories.filter((entry) => entry.locale === site.defaultLocale)) {
		const file = categoryFile(code, category.id);
		if (existsSync(join(root, file))) continue;
		await write(file, await readFile(join(root, category.file), 'utf8'), result.written);
	}
	return result;
}

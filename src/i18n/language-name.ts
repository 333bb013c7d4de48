/**
 * The name of language `code` as written inside a sentence in `pageLocale`: "French" on an English page, "anglais"
 * on a French one (French writes language names in lowercase). Where a language is offered as a choice (the
 * language switcher), each keeps its own name from content/site.yaml instead.
 */
export function languageNameIn(pageLocale: string, code: string): string {
	return new Intl.DisplayNames([pageLocale], { type: 'language' }).of(code) ?? code;
}

import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export type UiKey = keyof typeof en;
type UiStrings = Record<UiKey, string>;

// Adding a locale: add its JSON file here and to content/site.yaml; `satisfies` makes tsc list missing keys.
const dictionaries = { en, fr: fr satisfies UiStrings } as const satisfies Record<string, UiStrings>;

export type UiLocale = keyof typeof dictionaries;

/** How many interface strings there are (every locale has the same keys). */
export const uiKeyCount = Object.keys(en).length;

/**
 * The keys of `locale`'s strings that read exactly as in English: untranslated, most likely, in a file that
 * `npm run new:locale` copied from English. Empty for English itself and for a locale without strings.
 */
export function stringsStillInEnglish(locale: string): UiKey[] {
	if (locale === 'en' || !hasUiStrings(locale)) return [];
	const strings: UiStrings = dictionaries[locale];
	return (Object.keys(en) as UiKey[]).filter((key) => strings[key] === en[key]);
}

/** Whether the UI has strings for this locale. */
export function hasUiStrings(locale: string): locale is UiLocale {
	return locale in dictionaries;
}

/** Returns the UI string `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function translate(locale: string, key: UiKey, values: Record<string, string | number> = {}): string {
	const dictionary: UiStrings = hasUiStrings(locale) ? dictionaries[locale] : dictionaries.en;
	return dictionary[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

/** A `t()` bound to one locale, for components. */
export function useTranslations(locale: string) {
	return (key: UiKey, values?: Record<string, string | number>) => translate(locale, key, values);
}

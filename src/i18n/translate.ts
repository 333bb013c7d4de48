import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export type UiKey = keyof typeof en;
type UiStrings = Record<UiKey, string>;

// Adding a locale: add its JSON file here and to content/site.yaml; `satisfies` makes tsc list missing keys.
const dictionaries = { en, fr: fr satisfies UiStrings } as const satisfies Record<string, UiStrings>;

export type UiLocale = keyof typeof dictionaries;

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

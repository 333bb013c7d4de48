import type { UiKey } from '../../../i18n/translate';

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** The UI strings a page rendered for its island (see ui-strings.astro), as a `t()` like the server's. */
export function readStrings(root: Element): Translate {
	const source = root.querySelector('script[data-ui-strings]')?.textContent ?? '{}';
	const strings = JSON.parse(source) as Partial<Record<UiKey, string>>;
	return (key, values = {}) =>
		(strings[key] ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

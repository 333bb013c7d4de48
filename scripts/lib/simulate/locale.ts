import { isStopWord, tokenize } from '../../../src/search/query/words.ts';

// Words customers open, close or ask with, beyond the search's stop words, that tell one language from another.
const cueWords: Record<string, Set<string>> = {
	en: new Set("hello hi hey dear thanks thank regards cheers where what when why how hasn't haven't didn't can't i'm still yet received".split(' ')),
	fr: new Set('bonjour bonsoir madame monsieur merci cordialement salutations où toujours reçu reçue commandé mais avez pouvez voudrais'.split(' ')),
};

/**
 * The help center's locale a text is written in, by a vote of the words only that locale uses (the search's stop
 * words and a few greetings and question words); undefined when no locale has more votes than every other.
 */
export function detectLocale(text: string, locales: string[]): string | undefined {
	const words = tokenize(text).map((word) => word.replace(/’/g, "'"));
	const votes = locales.map((locale) => {
		const language = locale.split('-')[0] ?? locale;
		const uses = (word: string, other: string) => isStopWord(word, other) || (cueWords[other]?.has(word) ?? false);
		const others = locales.filter((other) => other !== locale).map((other) => other.split('-')[0] ?? other);
		return { locale, count: words.filter((word) => uses(word, language) && !others.some((other) => uses(word, other))).length };
	});
	votes.sort((a, b) => b.count - a.count);
	const [first, second] = votes;
	return first && first.count > 0 && first.count > (second?.count ?? 0) ? first.locale : undefined;
}

const languageNames = (locale: string): string[] => {
	const language = locale.split('-')[0] ?? locale;
	const names = [language];
	for (const display of ['en', language]) {
		try {
			const name = new Intl.DisplayNames([display], { type: 'language' }).of(language);
			if (name) names.push(name);
		} catch {
			// A code Intl does not know: its code alone.
		}
	}
	return names.map((name) => name.toLowerCase());
};

/**
 * The help center's locale a ticket's language column names: a code ("fr", "fr-FR", "en_GB") or a language's name
 * in English or in itself ("French", "Français"); undefined for another language or an empty cell.
 */
export function localeOfColumn(value: string, locales: string[]): string | undefined {
	const wanted = value.trim().toLowerCase().replace(/_/g, '-');
	if (!wanted) return undefined;
	const code = wanted.split('-')[0] ?? wanted;
	return locales.find((locale) => locale.toLowerCase() === wanted) ?? locales.find((locale) => locale.split('-')[0]?.toLowerCase() === code || languageNames(locale).includes(wanted));
}

/** How a ticket's locale was chosen, for the report. */
export type LocaleSource = 'given' | 'text' | 'column' | 'default';

/**
 * A ticket's locale: the one given with `--locale`, else the language its words vote for; when they do not tell,
 * the language column's (a customer's profile language is often only the shop's default, so the text comes
 * first), else the help center's default locale.
 */
export function ticketLocale(
	text: string,
	column: string,
	options: { mode: string; locales: string[]; defaultLocale: string },
): { locale: string; source: LocaleSource } {
	if (options.mode !== 'auto') return { locale: options.mode, source: 'given' };
	const detected = detectLocale(text, options.locales);
	if (detected) return { locale: detected, source: 'text' };
	const named = localeOfColumn(column, options.locales);
	if (named) return { locale: named, source: 'column' };
	return { locale: options.defaultLocale, source: 'default' };
}

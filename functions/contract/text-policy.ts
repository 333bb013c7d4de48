import { z } from 'zod';

// The text policy of every field a person reads (names, subjects, messages, comments, address lines, searches).
// Refused, as `control_characters`:
// - control characters (CR and LF too, but for the line breaks of multi-line fields): they inject headers into
//   helpdesk e-mail;
// - format characters (Unicode Cf): zero widths, word joiner, BOM, LRM/RLM/ALM, bidi embeddings, overrides and
//   isolates, which hide text or reorder it ("Trojan Source"), and the whole tag block, invisible text that AI tools
//   in a helpdesk read as instructions ("ASCII smuggling"); line and paragraph separators; lone surrogates; the
//   Hangul fillers that make blank-looking names;
// - runs of variation selectors, which can carry hidden bytes after any character.
// Kept: every letter, mark, digit, symbol and emoji, with the joiners that change how text is drawn: the zero-width
// joiner inside an emoji sequence (👩 ZWJ 💻 draws one technologist), both joiners after a letter of the scripts
// that spell with them (Persian, Urdu, Hindi, Tamil…), and the three flags written with tags (England, Scotland,
// Wales). A joiner anywhere else, in a Latin word for instance, changes nothing a reader sees and is refused.
const hiddenCharacters = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}\u115F\u1160\u3164\uFFA0]|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{2}/u;
const tagFlags = /\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}/gu;
const joiningScripts = ['Arab', 'Syrc', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh'];
const joinersThatSpell = new RegExp(
	[
		`(?<=[${joiningScripts.map((script) => `\\p{scx=${script}}`).join('')}])[\\u200C\\u200D](?=[\\p{L}\\p{M}])`,
		'(?<=[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\uFE0F])\\u200D(?=\\p{Extended_Pictographic})',
	].join('|'),
	'gu',
);

/** Whether `text` breaks the text policy; line breaks (LF or CRLF) are allowed when `lineBreaks` is set. */
export function hidesText(text: string, lineBreaks: boolean): boolean {
	const checked = lineBreaks ? text.replace(/\r?\n/g, '') : text;
	return hiddenCharacters.test(checked.replace(tagFlags, '\u{1F3F4}').replace(joinersThatSpell, ''));
}

/** Text under the text policy, trimmed, from 1 to `max` characters; `lineBreaks` for several lines. */
const policyText = (max: number, lineBreaks: boolean) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((text) => !hidesText(text, lineBreaks), 'control_characters');

/** One line of text under the text policy (a line break could inject headers into helpdesk e-mail). */
export const singleLine = (max: number) => policyText(max, false);

/** Several lines of text under the text policy. */
export const multiLine = (max: number) => policyText(max, true);

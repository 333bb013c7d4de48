// The guard of generated answers: a pure, deterministic check deciding whether what the answer model wrote may be
// shown to a shopper. It knows nothing of the model; it reads the draft (the text with its [uN] markers and the
// quotes) against the passages the model was given. Anything it cannot verify is refused, and the caller then
// shows the passage itself: a refusal costs a little fluency, a wrong answer costs a shopper's trust.

/** A passage the answer may draw on: a section or FAQ pair of a published article, verbatim. */
export interface AnswerUnit {
	id: string;
	title: string;
	heading?: string | undefined;
	url: string;
	text: string;
}

/** An exact quote from a passage, backing what the answer says. */
export interface AnswerCitation {
	/** The caller's id of the passage. */
	unitId: string;
	quote: string;
}

export type AnswerRejectionReason =
	| 'model_error'
	| 'no_answer'
	| 'uncited_sentence'
	| 'quote_not_found'
	| 'unknown_unit'
	| 'unsupported_number'
	| 'foreign_link'
	| 'too_long';

export type AnswerResult =
	| {
			kind: 'generated';
			/**
			 * Plain text without citation markers, one line per line the model wrote (see {@link checkDraft}). Render
			 * it as text (textContent, an escaped Astro expression), never as HTML or Markdown.
			 */
			text: string;
			/** The quotes of the passages the text cites, checked against them. */
			citations: AnswerCitation[];
			/** The ids of the passages the text cites, in the order of their labels. */
			sources: string[];
	  }
	| {
			kind: 'rejected';
			reason: AnswerRejectionReason;
			/** For logs: which sentence, quote, number or link failed, or how the model failed; never the key. */
			detail?: string;
	  };

/** What the model answers: its text, with [uN] markers, and its quotes. */
export interface AnswerDraft {
	answer: string;
	citations: readonly { unit: string; quote: string }[];
}

export interface GuardOptions {
	/** The help center's own origin (`https://help.example.com`): the only absolute links an answer may carry. */
	siteOrigin: string;
	/** 120 unless given. */
	maxWords?: number;
	/** A backstop for scripts written without spaces; 1,000 unless given. */
	maxCharacters?: number;
}

/** The answer the prompt asks for when the passages do not answer the question. */
export const noAnswer = 'NO_ANSWER';

export const defaultMaxWords = 120;
export const defaultMaxCharacters = 1_000;

/** The label the model knows the passage at `index` by: `u1` for the first. */
export function unitLabel(index: number): string {
	return `u${index + 1}`;
}

// A citation marker: [u2], or several in one pair of brackets, [u1, u3]. [u1][u3] is two markers.
const markerSource = String.raw`\[\s*u\d+(?:\s*[,;]\s*u\d+)*\s*\]`;
const marker = new RegExp(markerSource, 'giu');
const markersAfter = new RegExp(String.raw`^[\s\u00A0\u202F]*(?:${markerSource}[\s\u00A0\u202F]*)+`, 'iu');
const markerAtEnd = new RegExp(`${markerSource}$`, 'iu');
const labelsIn = (text: string) => [...text.matchAll(/u\d+/giu)].map((match) => match[0].toLowerCase());

// --- Sentences ---------------------------------------------------------------------------------------------------

const terminalPunctuation = /[.!?…]/u;
// What may close a sentence after its full stop: quotes and brackets, and the guillemet French sets off with a
// (non-breaking) space: « Retour gratuit. »
const closingPunctuation = /^(?:[\u00A0\u202F ]?»|[”"’')])+/u;
// Words whose full stop does not end a sentence, lowercase, without their last full stop.
const abbreviations = new Set([
	'e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'excl', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'st', 'ref', 'tel',
	'ex', 'cf', 'env', 'c.-à-d', 'c-à-d', 'mme', 'mlle', 'réf', 'tél', 'resp',
]);
// A list item's bullet or number at the start of a line: kept in the text shown, not part of the sentence.
const listMarker = /^(?:[-*•–]|\d{1,2}[.)])[\s\u00A0]+/u;

function endsWithAbbreviation(before: string): boolean {
	const word = /(?:^|\s)(\S+)$/u.exec(before)?.[1]?.replace(/^[(«“"'‘]+/u, '').toLowerCase() ?? '';
	// Single letters are initials or French abbreviations (M. Dupont, p. ex.).
	return abbreviations.has(word) || /^\p{L}$/u.test(word);
}

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text.replace(marker, ''));

/**
 * Splits one line of text into sentences, each with the citation markers that follow it. A sentence ends at `.`,
 * `!`, `?` or `…` (and runs of them) followed by a space or the end of the line, after any closing quotes,
 * brackets or « » guillemets and any citation markers: "… delivery. [u1] Refunds …" cites u1 for the first
 * sentence. A full stop does not end a sentence inside a number (4.95), a domain or an abbreviation (e.g., etc.,
 * M., p. ex.) unless markers follow it. French spacing before ? ! : ; changes nothing. A piece without a letter or
 * digit (markers alone, a stray "…") joins the sentence before it.
 */
export function splitSentences(line: string): string[] {
	const sentences: string[] = [];
	const push = (piece: string) => {
		const sentence = piece.trim();
		if (sentence === '') return;
		if (!hasWords(sentence) && sentences.length > 0) sentences[sentences.length - 1] += ` ${sentence}`;
		else sentences.push(sentence);
	};
	let start = 0;
	let index = 0;
	while (index < line.length) {
		if (!terminalPunctuation.test(line[index]!)) {
			index += 1;
			continue;
		}
		let end = index + 1;
		while (end < line.length && terminalPunctuation.test(line[end]!)) end += 1;
		end += closingPunctuation.exec(line.slice(end))?.[0].length ?? 0;
		const markers = markersAfter.exec(line.slice(end));
		let boundary: boolean;
		if (markers) {
			end += markers[0].length;
			boundary = true;
		} else if (end >= line.length) boundary = true;
		else if (!/\s/u.test(line[end]!)) boundary = false;
		else boundary = !(line[index] === '.' && end === index + 1 && endsWithAbbreviation(line.slice(start, index)));
		if (boundary) {
			push(line.slice(start, end));
			start = end;
		}
		index = end;
	}
	push(line.slice(start));
	return sentences;
}

/** Whether a sentence ends with its citation markers, before or after its final punctuation. */
function endsCited(sentence: string): boolean {
	const trimmed = sentence.trim();
	return markerAtEnd.test(trimmed) || markerAtEnd.test(trimmed.replace(/[\s\u00A0\u202F.!?…»”"’')]+$/u, ''));
}

/** The sentence as shown: markers removed with the space before them, so "days [u1]." reads "days.". */
function withoutMarkers(sentence: string): string {
	return sentence
		.replace(new RegExp(`[\\s\\u00A0\\u202F]*${markerSource}`, 'giu'), '')
		.replace(/ {2,}/g, ' ')
		.trim();
}

// --- Comparing with the passages ---------------------------------------------------------------------------------

/**
 * Text folded for comparison: compatibility forms (NFKC), lowercase, typographic apostrophes, quotes, guillemets
 * and dashes as their plain forms, no invisible characters, no Markdown emphasis or link targets, and spaces kept
 * only between two letters or digits, so "« retour »", "«retour»" and "\"retour\"" are equal, as are "30 %" and "30%".
 */
export function foldText(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\[([^\]]*)\]\([^)\s]*\)/gu, '$1')
		.replace(/[\p{Cf}*_`]/gu, '')
		.replace(/[‘’‚‛′ʼ´]/gu, "'")
		.replace(/[“”„‟″«»]/gu, '"')
		.replace(/[\u2010-\u2015\u2212]/gu, '-')
		.replace(/\s+/gu, ' ')
		.replace(/ (?=[^\p{L}\p{N}])|(?<=[^\p{L}\p{N}]) /gu, '')
		.trim();
}

/** A quote as the model may wrap it: without surrounding quotes, ellipses or closing punctuation. */
function foldQuote(quote: string): string {
	return foldText(quote).replace(/^["'.]+|["'.,;:!?]+$/gu, '');
}

// --- Numbers -----------------------------------------------------------------------------------------------------

/**
 * Numbers written as words, in the site's languages. Left out: "one", "un", "une" (articles), "neuf" (new) and
 * "cent" ("per cent"), which say too much else to count.
 */
const numberWords: Readonly<Record<string, string>> = {
	two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
	twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', ninety: '90',
	hundred: '100', thousand: '1000', dozen: '12',
	deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', dix: '10', onze: '11', douze: '12',
	quinze: '15', vingt: '20', trente: '30', quarante: '40', cinquante: '50', soixante: '60', mille: '1000',
	douzaine: '12',
};

/** Units a number can carry, longest first; a number with a unit is supported only by the same number and unit. */
const unitWords: readonly [family: string, pattern: string][] = [
	['business-day', 'business days?|working days?|jours? ouvr(?:é|e|able)s?'],
	['day', 'days?|jours?|j'],
	['week', 'weeks?|semaines?'],
	['month', 'months?|mois'],
	['year', 'years?|ans?|années?|annees?'],
	['hour', 'hours?|hrs?|heures?|h'],
	['minute', 'minutes?|mins?'],
	['percent', '%|percent|per cent|pour ?cent'],
	['euro', '€|eur|euros?'],
	['dollar', '\\$|usd|dollars?'],
	['pound', '£|gbp|pounds?'],
	['franc', 'chf|francs?'],
	['kilogram', 'kg|kilos?|kilogrammes?|kilograms?'],
];
const unitAfter = new RegExp(`^[\\s\\u00A0\\u202F-]*(?:${unitWords.map(([family, pattern]) => `(?<${family.replace('-', '_')}>${pattern})`).join('|')})(?![\\p{L}])`, 'iu');
const currencyBefore: readonly [family: string, pattern: RegExp][] = [
	['euro', /(?:€|\beur)[\s\u00A0\u202F]*$/iu],
	['dollar', /(?:\$|\busd)[\s\u00A0\u202F]*$/iu],
	['pound', /(?:£|\bgbp)[\s\u00A0\u202F]*$/iu],
	['franc', /\bchf[\s\u00A0\u202F]*$/iu],
];

/** A number in a text, as a canonical value (4,95 and 4.95 are 4.95; 30.00 is 30), with its unit when one follows. */
interface Quantity {
	value: string;
	unit: string | undefined;
	written: string;
}

function canonicalNumber(written: string): string {
	const time = /^(\d{1,2})[:h](\d{2})$/iu.exec(written);
	if (time) return `${Number(time[1])}:${time[2]}`;
	// The last separator is the decimal one, the others group thousands: 1,299.00 is 1299; 4,95 is 4.95.
	const groups = written.replace(/,/g, '.').split('.');
	const fraction = groups.length > 1 ? groups.pop()!.replace(/0+$/, '') : '';
	const integer = groups.join('').replace(/^0+(?=\d)/, '');
	return fraction ? `${integer}.${fraction}` : integer;
}

const numberToken = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:(\\d{1,2}[:h]\\d{2})(?!\\d)|(\\d+(?:[.,]\\d+)*)|(${Object.keys(numberWords).join('|')})(?![\\p{L}]))`,
	'giu',
);

function quantitiesIn(text: string): Quantity[] {
	const quantities: Quantity[] = [];
	for (const match of text.matchAll(numberToken)) {
		const [written] = match;
		const value = match[3] ? numberWords[match[3].toLowerCase()]! : canonicalNumber(written);
		const after = unitAfter.exec(text.slice(match.index + written.length));
		let unit = after?.groups ? Object.entries(after.groups).find(([, found]) => found !== undefined)?.[0].replace('_', '-') : undefined;
		if (match[1]) unit = 'time';
		if (unit === undefined) {
			const before = text.slice(0, match.index);
			unit = currencyBefore.find(([, pattern]) => pattern.test(before))?.[0];
		}
		quantities.push({ value, unit, written });
	}
	return quantities;
}

// --- Links -------------------------------------------------------------------------------------------------------

const schemeUrl = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'«»)\]]*/giu;
// A scheme is followed by its target without a space: "tel:+33…" is a link, "Tel: 04 78…" is not.
const otherScheme = /\b(?:mailto|javascript|data|vbscript|file|tel|sms|ftp):(?=\S)/iu;
const protocolRelative = /(?<![\p{L}\p{N}:/])\/\/[^\s/]/u;
// Any letters, not only ASCII: "еvil.com" with a Cyrillic е is a domain too.
const bareDomain = /(?<![\p{L}\p{N}@./-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/giu;
const emailAddress = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** The first link of `text` that is not on the help center, or undefined. */
function foreignLink(text: string, siteOrigin: string, unitsText: string): string | undefined {
	const site = new URL(siteOrigin);
	let rest = text;
	for (const match of text.matchAll(schemeUrl)) {
		const link = match[0].replace(/[.,;:!?]+$/u, '');
		const url = parseUrl(link);
		if (!url || url.origin !== site.origin || url.username || url.password) return link;
		rest = rest.replace(match[0], ' ');
	}
	for (const match of rest.matchAll(emailAddress)) {
		// The shop's own addresses are in its articles; any other came from somewhere else.
		if (!unitsText.includes(foldText(match[0]))) return match[0];
		rest = rest.replace(match[0], ' ');
	}
	const scheme = otherScheme.exec(rest) ?? protocolRelative.exec(rest);
	if (scheme) return scheme[0];
	for (const match of rest.matchAll(bareDomain)) {
		// Compared as the browser would resolve it (lowercase, punycode).
		if (parseUrl(`https://${match[0]}`)?.hostname !== site.hostname) return match[0];
	}
	return undefined;
}

// --- The guard ---------------------------------------------------------------------------------------------------

function reject(reason: AnswerRejectionReason, detail?: string): AnswerResult {
	return detail === undefined ? { kind: 'rejected', reason } : { kind: 'rejected', reason, detail };
}

const wordCount = (text: string) => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * Decides whether a draft may be shown, checking in this order (the first failure is the reason):
 * - `no_answer`: the model said NO_ANSWER (anywhere), or nothing;
 * - `too_long`: more than `maxWords` words (120) or `maxCharacters` characters, markers not counted;
 * - `foreign_link`: a link that is neither a path on the help center ("/returns", not "//host") nor on
 *   `siteOrigin`, any other scheme (mailto:, javascript:, tel:), a bare domain other than the site's, or an e-mail
 *   address that no passage contains;
 * - `unknown_unit`: a marker or quote naming a passage that was not given (u6 of five, u0);
 * - `uncited_sentence`: a sentence that does not end with a marker (before or after its final punctuation);
 * - `quote_not_found`: a quote that is not in its passage (compared folded: case, spacing, typographic quotes
 *   and apostrophes, see {@link foldText}), or a cited passage without any quote;
 * - `unsupported_number`: a number (digits or a number word, 4,95 = 4.95) that is not in a passage its sentence
 *   cites (its title, heading or text), or is there with another unit (30 days ≠ 30 weeks, 5 € ≠ 5 $, business
 *   days ≠ days).
 * Accepted, the text shown is the model's, lines kept (list bullets included), each line's sentences joined by one
 * space, with the markers removed: the caller lists `sources` (the cited passages) under it, so the reader never sees
 * "[u2]". Citations are the checked quotes of those passages.
 */
export function checkDraft(draft: AnswerDraft, units: readonly AnswerUnit[], options: GuardOptions): AnswerResult {
	const answer = draft.answer.normalize('NFC').replace(/[^\P{Cc}\n\t]|\p{Cf}/gu, '').trim();
	if (answer === '' || answer.toUpperCase().includes(noAnswer)) return reject('no_answer');

	const lines = answer
		.split(/\r?\n/u)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line) => {
			const bullet = listMarker.exec(line)?.[0] ?? '';
			return { bullet: bullet.trim(), sentences: splitSentences(line.slice(bullet.length)) };
		});
	const sentences = lines.flatMap((line) => line.sentences);
	const shownLines = lines.map((line) => [line.bullet, ...line.sentences.map(withoutMarkers)].filter(Boolean).join(' '));
	const shown = shownLines.join('\n');

	const maxWords = options.maxWords ?? defaultMaxWords;
	const maxCharacters = options.maxCharacters ?? defaultMaxCharacters;
	const words = wordCount(shown);
	if (words > maxWords || shown.length > maxCharacters) return reject('too_long', `${words} words, ${shown.length} characters`);

	const foldedUnits = units.map((unit) => foldText(unit.text));
	const link = foreignLink(shown, options.siteOrigin, foldedUnits.join('\n'));
	if (link !== undefined) return reject('foreign_link', link);

	const labels = new Map(units.map((_, index) => [unitLabel(index), index]));
	const cited = [...new Set(sentences.flatMap((sentence) => [...sentence.matchAll(marker)].flatMap((found) => labelsIn(found[0]))))];
	const quoted = draft.citations.map((citation) => ({ label: citation.unit.trim().replace(/^\[|\]$/g, '').toLowerCase(), quote: citation.quote }));
	const unknown = [...cited, ...quoted.map((citation) => citation.label)].find((label) => !labels.has(label));
	if (unknown !== undefined) return reject('unknown_unit', unknown);

	const uncited = sentences.find((sentence) => !endsCited(sentence));
	if (uncited !== undefined) return reject('uncited_sentence', uncited);

	for (const citation of quoted) {
		const quote = foldQuote(citation.quote);
		if (!/[\p{L}\p{N}]/u.test(quote) || !foldedUnits[labels.get(citation.label)!]!.includes(quote)) return reject('quote_not_found', `${citation.label}: ${citation.quote}`);
	}
	const unquoted = cited.find((label) => !quoted.some((citation) => citation.label === label));
	if (unquoted !== undefined) return reject('quote_not_found', `${unquoted}: no quote`);

	// The title and heading are the editors' words as much as the text, and the model sees them too.
	const unitQuantities = units.map((unit) => quantitiesIn([unit.title, unit.heading ?? '', unit.text].join('\n')));
	for (const sentence of sentences) {
		const own = [...new Set([...sentence.matchAll(marker)].flatMap((found) => labelsIn(found[0])))].map((label) => labels.get(label)!);
		const claims = withoutMarkers(sentence).replace(schemeUrl, ' ').replace(/(?<![\p{L}\p{N}])\/[^\s]*/gu, ' ');
		for (const claim of quantitiesIn(claims)) {
			const supported = own.some((index) => unitQuantities[index]!.some((found) => found.value === claim.value && (claim.unit === undefined || found.unit === claim.unit)));
			if (!supported) return reject('unsupported_number', `${claim.written}${claim.unit ? ` (${claim.unit})` : ''}`);
		}
	}

	const order = [...cited].sort((a, b) => labels.get(a)! - labels.get(b)!);
	return {
		kind: 'generated',
		text: shown,
		citations: quoted.filter((citation) => cited.includes(citation.label)).map((citation) => ({ unitId: units[labels.get(citation.label)!]!.id, quote: citation.quote.trim() })),
		sources: order.map((label) => units[labels.get(label)!]!.id),
	};
}

/**
 * Where the answer index of each locale is among the static files, and how its parts are split. The build writes
 * it (src/pages/answers/), the Worker and the command-line tools read it; this module is the one place that knows
 * the layout.
 *
 * Per locale, under `/answers/<locale>/`:
 * - `index.json`: the manifest ({@link AnswerManifest});
 * - `terms-<n>.json`: a share of the terms, each with its postings (see {@link TermShard});
 * - `units-<n>.json`: {@link unitsPerShard} consecutive units ({@link StoredUnit});
 * - `words.txt`: the index's words, most frequent first, to correct a misspelt question word;
 * - `asked.json`: what the questions listed under the articles' `asked` teach (answers/asked-model.ts), when any
 *   article lists some.
 * A question reads the manifest, one term file per word and the unit files of its best few units, so a
 * catalogue of any size costs a question a handful of small files.
 */

/** Units per unit file: about 60 KB of JSON. */
export const unitsPerShard = 100;

/** The folder of a locale's answer index. */
export const answerIndexFolder = (locale: string) => `/answers/${locale}/`;

export const manifestFile = 'index.json';
export const wordsFile = 'words.txt';
export const askedFile = 'asked.json';
export const termShardFile = (shard: number) => `terms-${shard}.json`;
export const unitShardFile = (shard: number) => `units-${shard}.json`;

/** The manifest of a locale's answer index. */
export interface AnswerManifest {
	version: 1;
	locale: string;
	/** How many units (unit ids run from 0 to units - 1). */
	units: number;
	/** How many term files; a term's file is {@link termShardOf}. */
	termShards: number;
	/** How many articles have units (article ids run from 0 to articles - 1). */
	articles: number;
	/** Terms in so many passages that they tell none apart: not indexed; a question's word among them is ignored. */
	common: string[];
}

/**
 * A term file: term → postings, flat triples `[unitId, articleId, weight, unitId, articleId, weight, …]`, weight
 * being the term's BM25F contribution to the unit × 100, rounded. Scoring a question is then adding numbers.
 */
export type TermShard = Record<string, number[]>;

/** A unit as stored: short keys, since a large catalogue holds tens of thousands of them. */
export interface StoredUnit {
	/** The article's file name. */
	a: string;
	/** The article's title. */
	t: string;
	/** The section heading or FAQ question, when there is one. */
	h?: string;
	/** The page address, with `#anchor` when the unit is a section or FAQ pair. */
	u: string;
	/** The article's last update, YYYY-MM-DD. */
	d: string;
	/** The passage's text. */
	x: string;
	/** lead, section or faq. */
	k: 'lead' | 'section' | 'faq';
}

/** FNV-1a over the UTF-16 code units: a stable hash, the same in Node and in the Worker. */
function hash(text: string): number {
	let value = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		value ^= text.charCodeAt(index);
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value;
}

/** The term file holding `term`. */
export const termShardOf = (term: string, termShards: number) => hash(term) % termShards;

/** The unit file holding unit `unitId`. */
export const unitShardOf = (unitId: number) => Math.floor(unitId / unitsPerShard);

import { foldedWords } from '../../search/query/words.ts';
import { serializeVocabulary } from '../../search/query/vocabulary.ts';
import { knownWordsNear } from '../../search/build/known-words.ts';
import { askedModelOf } from '../asked-model.ts';
import { answerUnitsOf, type AnswerSourceArticle } from './answer-units.ts';
import {
	askedFile,
	manifestFile,
	termShardFile,
	termShardOf,
	unitShardFile,
	unitShardOf,
	unitsPerShard,
	wordsFile,
	type AnswerManifest,
	type StoredUnit,
	type TermShard,
} from '../index-layout.ts';
import { isContentWord, termsOf } from '../terms.ts';

// Where a word appears in a unit, and what that is worth (BM25F): the unit's own heading (or FAQ question) says
// what it answers; the article's title, keywords and the parent heading say what it is about; the body says it.
const defaultFields = { heading: { weight: 3, b: 0.3 }, context: { weight: 1.5, b: 0.3 }, body: { weight: 1, b: 0.75 } };
type Field = keyof typeof defaultFields;
/** How much a word counts in each field of a unit, and how much a field's length dampens it (BM25F). */
export type FieldWeights = Record<Field, { weight: number; b: number }>;
const k1 = 1.2;

/** A term found in more than this share of the passages (and in more than 1,000) is too common to index. */
const commonShare = 0.1;

/** Term files are cut so that each holds about this many bytes. */
const termShardBytes = 64 * 1024;

interface IndexedUnit {
	stored: StoredUnit;
	articleId: number;
	terms: Record<Field, string[]>;
}

function nextPowerOfTwo(value: number): number {
	let power = 1;
	while (power < value) power *= 2;
	return power;
}

/**
 * The answer index of one locale's published articles, as the files to write under `/answers/<locale>/` (name →
 * text). See src/answers/index-layout.ts for the layout. Deterministic: the same articles give the same files.
 */
export function buildAnswerIndex(locale: string, articles: AnswerSourceArticle[], fields: FieldWeights = defaultFields): Map<string, string> {
	const units: IndexedUnit[] = [];
	const wordCounts = new Map<string, number>();
	const countWords = (text: string) => {
		for (const word of foldedWords(text)) if (isContentWord(word, locale) && !/\d/.test(word)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
	};
	articles.forEach((article, articleId) => {
		const context = [article.title, ...article.keywords].join('\n');
		for (const unit of answerUnitsOf(article)) {
			const heading = unit.heading ?? article.title;
			const unitContext = [unit.kind === 'lead' ? article.keywords.join('\n') : context, unit.parentHeading ?? ''].join('\n');
			const stored: StoredUnit = { a: article.key, t: article.title, u: unit.anchor ? `${article.url}#${unit.anchor}` : article.url, d: article.updated, x: unit.text, k: unit.kind };
			if (unit.heading) stored.h = unit.heading;
			units.push({ stored, articleId, terms: { heading: termsOf(heading, locale), context: termsOf(unitContext, locale), body: termsOf(unit.matchText, locale) } });
			countWords(`${heading}\n${unit.matchText}`);
		}
		countWords(context);
	});

	const averageLength = Object.fromEntries(
		(Object.keys(fields) as Field[]).map((field) => [field, Math.max(1, units.reduce((sum, unit) => sum + unit.terms[field].length, 0) / Math.max(1, units.length))]),
	) as Record<Field, number>;
	const documentFrequency = new Map<string, number>();
	const weighted = units.map((unit) => {
		const frequencies = new Map<string, number>();
		for (const field of Object.keys(fields) as Field[]) {
			const { weight, b } = fields[field];
			const norm = 1 - b + (b * unit.terms[field].length) / averageLength[field];
			for (const term of unit.terms[field]) frequencies.set(term, (frequencies.get(term) ?? 0) + weight / norm);
		}
		for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
		return frequencies;
	});

	// A term in more passages than this tells none apart ("order" in a shop's help center): it is listed, not
	// indexed, which keeps a large catalogue's index small and its questions cheap.
	const commonAbove = Math.max(1000, units.length * commonShare);
	const common = [...documentFrequency].filter(([, df]) => df > commonAbove).map(([term]) => term).sort();
	const postings = new Map<string, number[]>();
	weighted.forEach((frequencies, unitId) => {
		const unit = units[unitId] as IndexedUnit;
		for (const [term, frequency] of frequencies) {
			const df = documentFrequency.get(term) ?? 1;
			if (df > commonAbove) continue;
			const idf = Math.log(1 + (units.length - df + 0.5) / (df + 0.5));
			const weight = Math.max(1, Math.round((100 * idf * frequency * (k1 + 1)) / (frequency + k1)));
			const list = postings.get(term);
			if (list) list.push(unitId, unit.articleId, weight);
			else postings.set(term, [unitId, unit.articleId, weight]);
		}
	});

	const postingBytes = [...postings].reduce((sum, [term, list]) => sum + term.length + 6 + list.length * 5, 0);
	const termShards = Math.min(1024, nextPowerOfTwo(Math.ceil(postingBytes / termShardBytes)));
	const shards: TermShard[] = Array.from({ length: termShards }, () => ({}));
	for (const term of [...postings.keys()].sort()) (shards[termShardOf(term, termShards)] as TermShard)[term] = postings.get(term) as number[];

	const files = new Map<string, string>();
	const manifest: AnswerManifest = { version: 1, locale, units: units.length, termShards, articles: articles.length, common };
	files.set(manifestFile, JSON.stringify(manifest));
	shards.forEach((shard, index) => files.set(termShardFile(index), JSON.stringify(shard)));
	for (let first = 0; first < units.length; first += unitsPerShard) {
		files.set(unitShardFile(unitShardOf(first)), JSON.stringify(units.slice(first, first + unitsPerShard).map((unit) => unit.stored)));
	}
	const words = [...wordCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
	files.set(wordsFile, serializeVocabulary(words, knownWordsNear(words, locale)));
	const asked = askedModelOf(articles);
	if (asked) files.set(askedFile, JSON.stringify(asked));
	return files;
}

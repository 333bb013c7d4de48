import { redactPersonalData } from '../../functions/contract/privacy.ts';
import { foldAccents, foldedSentence, foldedWords, tokenize } from '../search/query/words.ts';
import { answerProbability, askedGate, defaultGate, type GateFeatures, type GateModel } from './answer-gate.ts';
import { readQuestion } from './asked-model.ts';
import { givesInstructions } from './instructions.ts';
import type { AnswerIndex, IndexedUnit } from './answer-index.ts';
import { likelySelfServiceAction, selfServiceActionInAnyLanguage, type SelfServiceAction } from './order-intents.ts';
import { confidenceOf, defaultRerankWeights, signsOf, type Candidate, type RerankWeights, type WeighedConcept } from './rerank.ts';
import { hasPostings, maxConcepts, postingsOf, rankPassages, type RankedPassage } from './retrieve.ts';
import { shopWords } from './shop-words.ts';
import { isContentWord, stemOf } from './terms.ts';

/** Log-odds (about 150 to 1) beyond which the asked questions overrule the words on which article is asked about. */
const askedSwitchOdds = 5;

/** How much the passage's whole article counts in ranking against the passage itself (0: the passage alone, 1: the article alone). */
export const defaultArticlePower = 0.3;

/** What the engine measured of its best passage before deciding, for fitting the gate (scripts/fit-answer-gate.ts). */
export interface AnswerMeasures {
	features: GateFeatures;
	/** The gate's probability that the passage's article answers. */
	probability: number;
	confidence: number;
	article: string;
	/** The question's concepts the passage lacks. */
	missing: string[];
}

export interface AnswerOptions {
	/** The locale's synonym groups (content/site.yaml `search.synonyms`). */
	synonyms?: string[][];
	/** Passages of articles not updated for this many days never answer (content/site.yaml `answers.staleAfterDays`). */
	staleAfterDays?: number | undefined;
	/** Today, for the staleness rule. */
	now?: Date;
	/** The gate that decides whether the best passage answers (answer-gate.ts), when its article lists no `asked` questions. */
	gate?: GateModel;
	/** The gate for a passage whose article lists `asked` questions. */
	askedGate?: GateModel;
	/** See {@link defaultArticlePower}. */
	articlePower?: number;
	/** What each sign of a good answer is worth (rerank.ts). */
	weights?: RerankWeights;
	/**
	 * Look for a passage even for a question that gives the help center orders ("pretend the return policy is 365
	 * days"), which is otherwise refused at once: for fitting the gate, which learns from them what a wrong answer
	 * looks like.
	 */
	evenForInstructions?: boolean;
	/** Called with the best passage's measures before the decision (for fitting the gate). */
	inspect?: (measures: AnswerMeasures) => void;
	/** How many passages to return with an answer (the best first), for a model to phrase. */
	passages?: number;
}

/** What the engine found for a question. */
export type EngineResult =
	| { kind: 'answer'; unit: IndexedUnit; passages: IndexedUnit[]; score: number; coverage: number }
	| { kind: 'self-service'; action: SelfServiceAction }
	| { kind: 'none'; related: IndexedUnit[]; reason: 'no_words' | 'not_covered' | 'no_index' | 'instructions' };

// Words that make a sentence polite, padded or grammatical, not what it is about: left out of the question. The
// search's stop words are few (Pagefind needs every word to match); a passage holds only some of a question's
// words, so here every word that any passage could do without goes.
const fillers: Record<string, Set<string>> = {
	en: new Set(
		`hi hello hey thanks thank please pls regards cheers ok okay yes help know tell want need like would just possible also still even really actually
		any anything some something someone get gets got getting make made way lot very there here then than now yet ever thing things stuff guys sure
		already again else kind sort question ask that this these those what's i'm i've i'd i'll it's there's that's don't doesn't didn't isn't aren't
		wasn't weren't can't cannot won't wouldn't shouldn't haven't hasn't hadn't been being am over since after before around about onto off up
		down only too more most least own same such each every other another both either neither all no not never always once whether while until
		though although because via per say says said meant mean go goes going gone went come comes came coming put try tried let lets one ones
		much many`.split(/\s+/),
	),
	fr: new Set(
		`bonjour bonsoir salut merci svp stp cordialement coucou aide savoir voudrais veux souhaite besoin aimerais dire juste possible aussi encore
		vraiment truc trucs chose choses quoi ça ca question demande alors bien déjà deja ma ta sa mes tes ses est-ce est-ce-que cela ceci celle
		celles celui ceux cet cette dont lequel laquelle vers chez entre très tres trop tout toute tous toutes rien jamais toujours donc car puis ensuite maintenant ici là la avoir être etre fait faire fais faut vais va vas
		vont peut-on dois-je puis-je est-il dit dis disent comme ben bah oui non avais avait été ete étais etais était etait es sommes êtes etes ont
		as avons avez aura aurai serai sera quelqu'un quelque peu beaucoup bout sans dedans`.split(/\s+/),
	),
};

// Words that say what kind of answer is wanted (a time, an amount, a way), not what it is about: they count a
// quarter, so that "how long does a refund take" prefers the passage headed so, but never outweighs the topic.
const frameWords: Record<string, Set<string>> = {
	en: new Set('how long much many time often soon when where why what who take takes took happen happens mean means work works'.split(' ')),
	fr: new Set('combien temps quand comment pourquoi quel quelle quels quelles faut faire fait peux peut dois doit marche passe'.split(' ')),
};
const frameWeight = 0.25;

// A number the shopper quotes (an amount, a time, a count: "£500", "3pm", "2 parcels") specifies their case; the
// passage states the rule in its own numbers, so a number weighs as a frame word rather than as the rarest word.
const isNumber = (word: string) => /\d/.test(word);

// French asks by inverting the subject ("y a-t-il", "peut-on", "dois-je"): the pronoun goes, the verb is left to
// the stop words and fillers like any other.
const invertedPronoun = /-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)$/;

/** The folded words of a question, each as the answer index would see it on its own. */
function spokenWords(text: string, language: string): string[] {
	const words = foldedWords(text);
	return language.split('-')[0] === 'fr' ? words.map((word) => word.replace(invertedPronoun, '')) : words;
}

/** One meaning of the question: a word or a synonym phrase, and every way the index may spell it. */
interface Concept {
	/** The question's words it stands for. */
	words: string[];
	/** 1, or less for a word that frames the question (see {@link frameWords}). */
	weight: number;
	/** Each alternative is the stems of one phrase; a unit has it when it has all of them. */
	alternatives: string[][];
}

// "Avoir" is the verb "to have", a filler, and after a determiner the noun "credit note" ("cet avoir", "l'avoir").
const frenchCreditNote = /\b(?:un|cet|mon|ton|son|votre|notre|leur|le|l'|d'|des|les|mes|vos|nos)\s*avoirs?\b/;

/** The question's words (accents folded, personal data removed), at most as many as retrieval scores. */
function questionWords(question: string, language: string): string[] {
	const base = language.split('-')[0] ?? '';
	const filler = fillers[base] ?? new Set<string>();
	const text = redactPersonalData(question);
	const nounAvoir = base === 'fr' && frenchCreditNote.test(foldedSentence(text));
	return spokenWords(text, language)
		.filter((word) => isContentWord(word, language) && (!filler.has(word) || (nounAvoir && word === 'avoir')))
		.slice(0, maxConcepts);
}

/** A synonym group, ready to match: each phrase as the stems of its words, and its alternatives for scoring. */
interface PreparedGroup {
	phrases: string[][];
	alternatives: string[][];
}

// Synonym lists are the site's and the engine's own, the same for every question: prepared once per list and language.
const prepared = new WeakMap<string[][], Map<string, PreparedGroup[]>>();

function prepareGroups(synonyms: string[][], language: string): PreparedGroup[] {
	let byLanguage = prepared.get(synonyms);
	if (!byLanguage) {
		byLanguage = new Map();
		prepared.set(synonyms, byLanguage);
	}
	let groups = byLanguage.get(language);
	if (!groups) {
		const filler = fillers[language.split('-')[0] ?? ''] ?? new Set<string>();
		groups = synonyms.map((group) => {
			const words = group.map((phrase) => tokenize(foldAccents(phrase)));
			return {
				// Matched against the question's words, which have lost their stop words and fillers: so must the phrase
				// ("take the money" is matched as "take money"). A phrase left with one word of several is dropped: alone,
				// "pay" (of "pay for") or "turn" (of "turn up") means something else.
				phrases: words
					.map((phrase) => ({ kept: phrase.filter((word) => isContentWord(word, language) && !filler.has(word)), length: phrase.length }))
					.filter(({ kept, length }) => kept.length > 0 && (kept.length > 1 || length === 1))
					.map(({ kept }) => kept.map((word) => stemOf(word, language))),
				alternatives: words.map((phrase) => phrase.filter((word) => isContentWord(word, language)).map((word) => stemOf(word, language))).filter((stems) => stems.length > 0),
			};
		});
		byLanguage.set(language, groups);
	}
	return groups;
}

/** Groups the words into concepts: a phrase of a synonym group is one concept with each of its group's phrases. */
function conceptsOf(words: string[], language: string, synonymLists: string[][][]): Concept[] {
	const groups = synonymLists.flatMap((list) => prepareGroups(list, language));
	const stems = words.map((word) => stemOf(word, language));
	const frames = frameWords[language.split('-')[0] ?? ''] ?? new Set<string>();
	const concepts: Concept[] = [];
	for (let index = 0; index < words.length; ) {
		let matched: { group: PreparedGroup; length: number } | undefined;
		for (const group of groups) {
			for (const phrase of group.phrases) {
				if (phrase.length > (matched?.length ?? 0) && phrase.every((stem, offset) => stems[index + offset] === stem)) matched = { group, length: phrase.length };
			}
		}
		if (matched) {
			concepts.push({ words: words.slice(index, index + matched.length), weight: 1, alternatives: matched.group.alternatives });
			index += matched.length;
		} else {
			const word = words[index] ?? '';
			concepts.push({ words: [word], weight: frames.has(word) || isNumber(word) ? frameWeight : 1, alternatives: [[stems[index] ?? '']] });
			index += 1;
		}
	}
	return concepts;
}

/** A concept the index has no word for, spelt as the index's likeliest word instead ("refnd" → "refund"). */
async function corrected(index: AnswerIndex, word: string, language: string): Promise<Concept | undefined> {
	const vocabulary = await index.vocabulary();
	for (const candidate of vocabulary?.corrections(word) ?? []) {
		// Typing slips rarely hit a word's first letter, while another real word one letter off often differs there
		// ("vient" is not a slip for "tient"): a respelling that changes the first letter invents a match.
		if (candidate[0] !== word[0]) continue;
		const stem = stemOf(candidate, language);
		if (await index.postings(stem)) return { words: [word], weight: 1, alternatives: [[stem]] };
	}
	return undefined;
}

/** What retrieval found for a question: its concepts, each one's importance, and the passages ranked. */
interface Retrieved {
	concepts: Concept[];
	importance: number[];
	ranked: RankedPassage[];
	/** How many concepts no passage has, even respelt. */
	unknown: number;
	/** How many concepts were found only respelt. */
	corrected: number;
	/** The idf of a word no passage has: the most a concept can weigh. */
	unseenIdf: number;
}

/**
 * The passages of one locale's answer index that hold the question's words, their synonyms and their corrected
 * spellings, ranked; or why there are none to rank.
 */
async function retrieve(index: AnswerIndex, question: string, options: AnswerOptions): Promise<Retrieved | { reason: 'no_words' | 'no_index' }> {
	const language = index.locale;
	const manifest = await index.manifest();
	if (!manifest) return { reason: 'no_index' };

	const words = questionWords(question, language);
	if (words.length === 0) return { reason: 'no_words' };
	const common = new Set(manifest.common);
	const concepts = conceptsOf(words, language, [options.synonyms ?? [], shopWords[language.split('-')[0] ?? ''] ?? []]).filter(
		(concept) => !concept.alternatives.every((stems) => stems.every((stem) => common.has(stem))),
	);
	if (concepts.length === 0) return { reason: 'no_words' };
	// Every file the question needs is read first; the scoring after it runs in one go, with no await inside.
	const postings = await Promise.all(concepts.map((concept) => postingsOf(index, concept)));
	// Misspelt words are corrected, but only a few: a question most of whose words the help center never uses is in
	// another language or about something else, and respelling it would only invent a match (and cost time).
	const unknown = concepts.flatMap((concept, position) => (!hasPostings(postings[position] ?? []) && concept.words.length === 1 ? [position] : []));
	let respeltCount = 0;
	if (unknown.length <= maxCorrections) {
		for (const position of unknown) {
			const respelt = await corrected(index, concepts[position]?.words[0] ?? '', language);
			if (respelt) {
				postings[position] = await postingsOf(index, respelt);
				respeltCount += 1;
			}
		}
	}

	const weights = concepts.map((concept) => concept.weight);
	const { ranked, importance } = rankPassages(postings, weights, manifest, options.articlePower ?? defaultArticlePower, rankedDepth);
	const missingEverywhere = postings.filter((list) => !hasPostings(list)).length;
	return { concepts, importance, ranked, unknown: missingEverywhere, corrected: respeltCount, unseenIdf: Math.log(1 + (manifest.units + 0.5) / 0.5) };
}

/** Candidates weighed on what their text says (heading, title, words side by side), the most likely answer first. */
function rerank(candidates: Candidate[], retrieved: Retrieved, language: string, options: AnswerOptions): { candidate: Candidate; confidence: number; signs: RerankWeights }[] {
	const weighed: WeighedConcept[] = retrieved.concepts.map((concept, position) => ({ alternatives: concept.alternatives, importance: retrieved.importance[position] ?? 0 }));
	const bestScore = Math.max(0, ...candidates.map((candidate) => candidate.score));
	const signWeights = options.weights ?? defaultRerankWeights;
	return candidates
		.map((candidate) => {
			const signs = signsOf(candidate, weighed, language, bestScore);
			return { candidate, confidence: confidenceOf(signs, signWeights), signs };
		})
		.sort((a, b) => b.confidence - a.confidence || a.candidate.unit.id - b.candidate.unit.id);
}

/**
 * Answers a shopper's question from one locale's answer index, with no language model: questions about the
 * shopper's own order go to the self-service page that acts on it (order-intents.ts: its patterns first, its small
 * fitted model only for a question no passage answers); otherwise the passage (an article's lead, section or FAQ
 * pair) that best matches the question's words, their synonyms and their corrected spellings, when the gate
 * (answer-gate.ts) deems it likely enough to answer; otherwise none, with the closest passages as related reading.
 */
export async function answerQuestion(index: AnswerIndex, question: string, options: AnswerOptions = {}): Promise<EngineResult> {
	const language = index.locale;
	// Orders to the help center ("pretend the return policy is 365 days") get no passage: one would read as agreeing.
	if (!options.evenForInstructions && givesInstructions(question)) return { kind: 'none', related: [], reason: 'instructions' };
	const action = selfServiceActionInAnyLanguage(question, language);
	if (action) return { kind: 'self-service', action };
	// When no passage answers, a question about the shopper's own order in words the patterns never saw still gets
	// its page. Asked only then, the router's model never takes a rule question from the article that answers it.
	const unanswered = (reason: 'no_words' | 'not_covered' | 'no_index', related: IndexedUnit[]): EngineResult => {
		const likely = likelySelfServiceAction(question);
		return likely ? { kind: 'self-service', action: likely } : { kind: 'none', related, reason };
	};
	const retrieved = await retrieve(index, question, options);
	if (!('ranked' in retrieved)) return unanswered(retrieved.reason, []);
	const { concepts, ranked } = retrieved;
	// Only words that frame a question and numbers ("what is 2+2"): nothing says what it is about.
	if (concepts.every((concept) => concept.weight < 1)) return unanswered('no_words', []);

	// The best few, read and weighed on what their text says: heading, title, words side by side.
	const staleBefore = options.staleAfterDays === undefined ? undefined : new Date((options.now ?? new Date()).getTime() - options.staleAfterDays * 86_400_000).toISOString().slice(0, 10);
	const candidates: Candidate[] = [];
	for (const passage of ranked) {
		if (candidates.length >= rerankDepth) break;
		const unit = await index.unit(passage.id);
		if (unit && (staleBefore === undefined || unit.d >= staleBefore)) candidates.push({ unit, score: passage.score, coverage: passage.coverage, articleCoverage: passage.articleCoverage });
	}
	const asked = await index.asked();
	const reading = asked && readQuestion(asked, question);
	const reranked = rerank(candidates, retrieved, language, options);
	// When the articles' asked questions say plainly that another candidate's article is the one asked about, its
	// best passage goes first; the gate then judges it on its own words.
	const first = reranked[0];
	if (reading && first && (reading.odds(first.candidate.unit.a) ?? 0) < -askedSwitchOdds) {
		const at = reranked.findIndex(({ candidate }) => candidate.unit.a === reading.likeliest);
		if (at > 0) reranked.unshift(...reranked.splice(at, 1));
	}
	const passages = reranked.slice(0, options.passages ?? 5).map(({ candidate }) => candidate.unit);
	const [top] = reranked;
	if (!top) return unanswered('not_covered', []);
	const runnerUp = reranked.find(({ candidate }) => candidate.unit.a !== top.candidate.unit.a)?.confidence ?? 0;
	const matched = ranked.find((passage) => passage.id === top.candidate.unit.id)?.matched ?? 0;
	const missing = concepts.flatMap((_, position) => ((matched & (1 << position)) === 0 ? [position] : []));
	// What the question weighs, each concept at its weight (a word that frames the question counts a quarter).
	const questionWeight = concepts.reduce((sum, concept) => sum + concept.weight, 0);
	const features: GateFeatures = {
		coverage: top.candidate.coverage,
		articleCoverage: top.candidate.articleCoverage,
		scorePerWord: top.candidate.score / questionWeight / 1000,
		margin: top.confidence - runnerUp,
		heading: top.signs.heading,
		title: top.signs.title,
		matched: 1 - missing.reduce((sum, position) => sum + (concepts[position]?.weight ?? 1), 0) / questionWeight,
		missingIdf: Math.max(0, ...missing.map((position) => retrieved.importance[position] ?? 0)) / retrieved.unseenIdf,
		unknown: retrieved.unknown / concepts.length,
		corrected: retrieved.corrected > 0 ? 1 : 0,
	};
	const odds = reading && reading.odds(top.candidate.unit.a);
	if (odds !== undefined) features.asked = odds;
	const gate = odds === undefined ? (options.gate ?? defaultGate) : (options.askedGate ?? askedGate);
	const probability = answerProbability(features, gate);
	options.inspect?.({ features, probability, confidence: top.confidence, article: top.candidate.unit.a, missing: missing.map((position) => concepts[position]?.words.join(' ') ?? '') });
	if (probability < gate.threshold) return unanswered('not_covered', oneEach(passages).slice(0, 3));
	return { kind: 'answer', unit: top.candidate.unit, passages, score: top.confidence, coverage: top.candidate.coverage };
}

/** An article search finds: its best passage for the query, and what that passage holds of it. */
export interface FoundArticle {
	/** The article's best passage (its lead, a section or an FAQ pair). */
	unit: IndexedUnit;
	/** The share of the query the passage holds, 0 to 1: its meaningful words, each weighed by how rare it is (synonyms and corrections count). */
	coverage: number;
}

/**
 * The articles that best match a query, from the same index, words, synonyms, corrections and ranking as the
 * answers, with none of the answer's gates: no self-service routing, no threshold, stale articles included (they
 * stay in search). Each article once, at its best passage, the best first; at most `limit`.
 */
export async function searchArticles(index: AnswerIndex, query: string, limit: number, options: Omit<AnswerOptions, 'staleAfterDays' | 'now' | 'passages' | 'inspect'> = {}): Promise<FoundArticle[]> {
	const retrieved = await retrieve(index, query, options);
	if (!('ranked' in retrieved)) return [];
	// Passages are read in retrieval order until enough articles are in hand to fill the list after reranking.
	const candidates: Candidate[] = [];
	const articles = new Set<string>();
	for (const passage of retrieved.ranked) {
		if (candidates.length >= rerankDepth && articles.size >= limit) break;
		if (candidates.length >= searchDepth) break;
		const unit = await index.unit(passage.id);
		if (!unit) continue;
		candidates.push({ unit, score: passage.score, coverage: passage.coverage, articleCoverage: passage.articleCoverage });
		articles.add(unit.a);
	}
	const seen = new Set<string>();
	return rerank(candidates, retrieved, index.locale, options)
		.filter(({ candidate }) => !seen.has(candidate.unit.a) && seen.add(candidate.unit.a))
		.slice(0, limit)
		.map(({ candidate }) => ({ unit: candidate.unit, coverage: candidate.coverage }));
}

/** The most passages a search reads to find its articles (an article has a few passages; a list has a few articles). */
const searchDepth = 30;

/** How many passages come out of retrieval ranked: enough for the rerank to find {@link rerankDepth} fresh ones. */
const rankedDepth = 60;

/** The most misspelt words a question may have and still be corrected. */
const maxCorrections = 2;

/** How many retrieved passages are read and weighed again. */
const rerankDepth = 12;

/** The first passage of each article. */
function oneEach(units: IndexedUnit[]): IndexedUnit[] {
	const seen = new Set<string>();
	return units.filter((unit) => !seen.has(unit.a) && seen.add(unit.a));
}

import { Vocabulary } from '../search/query/vocabulary.ts';
import type { AskedModel } from './asked-model.ts';
import {
	answerIndexFolder,
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
} from './index-layout.ts';

/** Reads one file of the built site by its path (`/answers/en/index.json`); undefined when there is none. */
export type ReadSiteFile = (path: string) => Promise<string | undefined>;

/** A unit with its id, as the engine hands it on. */
export type IndexedUnit = StoredUnit & { id: number };

/**
 * One locale's answer index, opened lazily: each file is read once, when a question first needs it, and kept, so
 * an isolate that answered a few questions answers the next from memory.
 */
export class AnswerIndex {
	readonly #files = new Map<string, Promise<unknown>>();
	readonly #folder: string;
	readonly #read: ReadSiteFile;
	readonly locale: string;

	constructor(locale: string, read: ReadSiteFile) {
		this.locale = locale;
		this.#read = read;
		this.#folder = answerIndexFolder(locale);
	}

	#load<T>(name: string, parse: (text: string) => T): Promise<T | undefined> {
		let file = this.#files.get(name) as Promise<T | undefined> | undefined;
		if (!file) {
			file = this.#read(`${this.#folder}${name}`).then((text) => (text === undefined ? undefined : parse(text)));
			this.#files.set(name, file);
			// A failed read is retried by the next question rather than remembered.
			file.catch(() => this.#files.delete(name));
		}
		return file;
	}

	/** The manifest, or undefined when the site was built without an answer index for this locale. */
	manifest(): Promise<AnswerManifest | undefined> {
		return this.#load(manifestFile, (text) => JSON.parse(text) as AnswerManifest);
	}

	/** The postings of a term (flat `[unitId, articleId, weight, …]`), or undefined when no unit has it. */
	async postings(term: string): Promise<number[] | undefined> {
		const manifest = await this.manifest();
		if (!manifest) return undefined;
		const shard = await this.#load(termShardFile(termShardOf(term, manifest.termShards)), (text) => JSON.parse(text) as TermShard);
		return shard && Object.hasOwn(shard, term) ? shard[term] : undefined;
	}

	/** A unit by its id. */
	async unit(id: number): Promise<IndexedUnit | undefined> {
		const shard = await this.#load(unitShardFile(unitShardOf(id)), (text) => JSON.parse(text) as StoredUnit[]);
		const unit = shard?.[id % unitsPerShard];
		return unit ? { ...unit, id } : undefined;
	}

	/** What the articles' `asked` questions teach, or undefined when no article lists any. */
	asked(): Promise<AskedModel | undefined> {
		return this.#load(askedFile, (text) => JSON.parse(text) as AskedModel);
	}

	/** The index's words, to correct misspellings; read only when a question has a word the index lacks. */
	vocabulary(): Promise<Vocabulary | undefined> {
		return this.#load(wordsFile, (text) => Vocabulary.parse(text));
	}
}

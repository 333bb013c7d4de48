import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagefindOptions, type Pagefind, type PagefindOptions } from '../../src/search/query/pagefind-api.ts';
import { Vocabulary } from '../../src/search/query/vocabulary.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

interface PagefindModule {
	createInstance(options: PagefindOptions): Pagefind;
}

export interface NodeSearch {
	/** Pagefind, as the browser runs it, on one language's index; `plain` leaves Pagefind's default ranking. */
	pagefind(language: string, plain?: boolean): Pagefind;
	vocabulary(language: string): Promise<Vocabulary | undefined>;
	server: StaticServer;
	stop(): Promise<void>;
}

/**
 * Runs the built site's own pagefind.js in Node against `clientDir` (served on loopback, as Pagefind fetches its
 * index over HTTP), with the help center's ranking options: the relevance benchmark and the tests search the real
 * index exactly as the browser does.
 */
export async function searchBuiltSite(clientDir: string): Promise<NodeSearch> {
	const server = await serveFolder(clientDir);
	// pagefind.js holds one WebAssembly module (with one language's stemmer) per JavaScript module: each
	// language gets its own copy of the module, as each page of the site does.
	const modules = new Map<string, PagefindModule>();
	const entry = JSON.parse(readFileSync(join(clientDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
	for (const language of Object.keys(entry.languages)) {
		modules.set(language, (await import(`${pathToFileURL(join(clientDir, 'pagefind/pagefind.js')).href}?language=${language}`)) as PagefindModule);
	}
	const instances = new Map<string, Pagefind>();
	const vocabularies = new Map<string, Promise<Vocabulary | undefined>>();
	const global = globalThis as { document?: unknown };
	return {
		server,
		pagefind(language, plain = false) {
			const key = `${language}:${plain}`;
			let instance = instances.get(key);
			const module = modules.get(language);
			if (!module) throw new Error(`No Pagefind module for ${language}`);
			if (!instance) {
				// Pagefind picks the index from <html lang>; Node has no document, so lend it one for this call.
				global.document = { querySelector: () => ({ getAttribute: () => language }) };
				try {
					const options = plain ? {} : pagefindOptions;
					instance = module.createInstance({ ...options, basePath: `${server.url}/pagefind/`, baseUrl: '/', noWorker: true });
				} finally {
					delete global.document;
				}
				instances.set(key, instance);
			}
			return instance;
		},
		vocabulary(language) {
			let vocabulary = vocabularies.get(language);
			if (!vocabulary) {
				vocabulary = fetch(`${server.url}/pagefind/words.${language}.txt`).then(async (response) =>
					response.ok ? Vocabulary.parse(await response.text()) : undefined,
				);
				vocabularies.set(language, vocabulary);
			}
			return vocabulary;
		},
		stop: () => server.stop(),
	};
}

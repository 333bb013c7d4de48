import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pagefind, PagefindResponse } from '../../src/search/query/pagefind-api';

/** The articles of a small help center, as the fake index knows them. */
const articles = ['Refunds take five days to reach your card', 'Refund a gift card', 'Reference numbers on your receipt'];

/** Every text the fake Pagefind was asked to search, in order. */
const searched: string[] = [];

/** Pagefind over `articles`: an article matches when each term starts one of its words, as Pagefind matches word starts. */
const fakePagefind: Pagefind = {
	options: async () => undefined,
	init: async () => undefined,
	async search(term): Promise<PagefindResponse> {
		searched.push(term ?? '');
		const terms = (term ?? '').toLowerCase().split(' ').filter(Boolean);
		const results = articles.flatMap((text, index) => {
			const words = text.split(' ');
			const locations = words.flatMap((word, position) => (terms.some((typed) => word.toLowerCase().startsWith(typed)) ? [position] : []));
			if (!terms.every((typed) => words.some((word) => word.toLowerCase().startsWith(typed)))) return [];
			const data = { url: `/en/article-${index}`, excerpt: text, content: text, locations, meta: { title: text }, filters: {}, sub_results: [] };
			return [{ id: String(index), score: locations.length, data: async () => data }];
		});
		return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
	},
};

// Pagefind's browser module, which the build bundles into the search script; the session's own loader (and its
// memory of recent searches) runs as it does in the browser.
vi.mock('virtual:pagefind-web', () => ({
	options: (options: object) => fakePagefind.options(options),
	init: () => fakePagefind.init(),
	search: (term: string | null) => fakePagefind.search(term),
}));

type SessionOptions = import('../../src/search/ui/search-session').SessionOptions;

/** A session as a new page has it: nothing searched, nothing remembered. */
async function newSession(options: Partial<SessionOptions> & Pick<SessionOptions, 'render'>) {
	vi.resetModules();
	const { SearchSession } = await import('../../src/search/ui/search-session');
	return new SearchSession({ language: 'en', limit: 3, sections: 0, ...options });
}

/** Lets the session's idle-time guesses run (in Node they wait on timers of 50 ms). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 400));
const waitFor = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5_000, interval: 20 });

afterEach(() => {
	searched.length = 0;
});

describe('the search session', () => {
	it('searches ahead, a letter at a time, the word the shown results make most likely, up to three letters', async () => {
		const rendered: string[] = [];
		const session = await newSession({ lookAhead: true, render: (view) => rendered.push(view?.query ?? '') });
		session.update('ref');
		// "refund" is the word the results for "ref" match most: its next three starts are searched before they are typed.
		await waitFor(() => expect(searched).toEqual(['ref', 'refu', 'refun', 'refund']));
		await settled();
		expect(searched).toHaveLength(4);
		expect(rendered).toEqual(['ref']);
	});

	it('answers a key that was searched ahead from memory', async () => {
		const rendered: string[] = [];
		const session = await newSession({ lookAhead: true, render: (view) => rendered.push(view?.query ?? '') });
		session.update('ref');
		await waitFor(() => expect(searched).toContain('refund'));
		const before = searched.length;
		session.update('refun');
		await waitFor(() => expect(rendered).toEqual(['ref', 'refun']));
		await settled();
		// The search of "refun" is remembered from the look-ahead; only the guesses beyond it are new.
		expect(searched.slice(before)).not.toContain('ref');
		expect(searched.filter((text) => text === 'refun')).toHaveLength(1);
	});

	it('guesses nothing without look-ahead or once the word is finished', async () => {
		const plain = await newSession({ render: () => undefined });
		plain.update('ref');
		await waitFor(() => expect(searched).toEqual(['ref']));
		await settled();
		expect(searched).toEqual(['ref']);
		searched.length = 0;
		const finished = await newSession({ lookAhead: true, render: () => undefined });
		finished.update('refund ');
		await waitFor(() => expect(searched).toEqual(['refund']));
		await settled();
		expect(searched).toEqual(['refund']);
	});
});

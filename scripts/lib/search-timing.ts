import type { Browser, Page } from 'playwright-core';

/** The two interfaces compared: ours, and the one Pagefind ships (pagefind-ui.js) as the baseline. */
export type SearchInterface = 'help-center' | 'pagefind-ui';

export interface Network {
	name: string;
	/** Chrome DevTools Protocol conditions; undefined for loopback as is. */
	conditions?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}

/** Lighthouse's mobile network throttling (slow 4G): 150 ms round trip, 1.6 Mbps down, 750 kbps up. */
export const mobileNetwork: Network = {
	name: 'Lighthouse mobile (150 ms RTT, 1.6 Mbps)',
	conditions: { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
export const loopback: Network = { name: 'loopback' };

export interface RunResult {
	/** Search files transferred from the page's start until the first results were painted. */
	coldBytes: number;
	coldRequests: number;
	coldFiles: { path: string; bytes: number }[];
	/** From the keystroke of the first results shown to those results on screen, in ms. */
	firstQuery: number;
	/** Each later keystroke to the screen showing its text's results (or those of text typed after it), in ms. */
	laterKeystrokes: number[];
}

const inputSelector: Record<SearchInterface, string> = {
	'help-center': '#header-search',
	'pagefind-ui': '.pagefind-ui__search-input',
};

/**
 * Installed in the page before it loads: records the time of every input event and the time of the frame after
 * each query's results reach the screen. Each interface says differently which query it shows: ours with the
 * listbox's data-query, Pagefind's UI with its "N results for …" message once the first result has loaded.
 */
function instrument(ui: SearchInterface) {
	const bench = { inputs: [] as { value: string; time: number }[], paints: [] as { value: string; time: number }[] };
	(window as unknown as { __bench: typeof bench }).__bench = bench;
	addEventListener(
		'input',
		(event) => {
			if (event.target instanceof HTMLInputElement) bench.inputs.push({ value: event.target.value, time: performance.now() });
		},
		true,
	);
	const shown = (): string | undefined => {
		if (ui === 'help-center') {
			const listbox = document.querySelector<HTMLElement>('[role="listbox"][data-query]');
			return listbox && !listbox.closest('[hidden]') ? listbox.dataset['query'] : undefined;
		}
		const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
		const term = / for (.*)$/.exec(message)?.[1];
		if (term === undefined) return undefined;
		const loaded = document.querySelector('.pagefind-ui__result .pagefind-ui__result-link') !== null || /^No results/.test(message);
		return loaded ? term : undefined;
	};
	let last: string | undefined;
	const check = () => {
		const value = shown();
		if (value === undefined || value === last) return;
		last = value;
		requestAnimationFrame(() => bench.paints.push({ value, time: performance.now() }));
	};
	addEventListener('DOMContentLoaded', () => {
		new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
	});
}

/** A resource of the search: our interface's script, Pagefind's files, or Pagefind UI's. */
const isSearchFile = (url: string) => /\/pagefind\/|\/_astro\/search-ui\./.test(url);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One shopper, cold: a new browser profile opens `url`, clicks into the search box and, after `reactionMs`, types
 * `phrase` at `keystrokeMs` per character without stopping. Returns what search downloaded until the first
 * results appeared, the time from the keystroke of those results to their paint, and for each later keystroke,
 * the time until the screen showed the results of its text (or of text typed after it, when a keystroke is
 * overtaken by the next one, as a shopper sees it).
 */
export async function runShopper(
	browser: Browser,
	options: { url: string; ui: SearchInterface; network: Network; phrase: string; reactionMs: number; keystrokeMs: number },
): Promise<RunResult> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.addInitScript(instrument, options.ui);
		// Counted from the browser's side, Web Workers included (Pagefind's UI searches in one).
		const transfers: Promise<{ url: string; start: number; bytes: number }>[] = [];
		context.on('requestfinished', (request) => {
			transfers.push(
				request
					.sizes()
					.then((sizes) => ({ url: request.url(), start: request.timing().startTime, bytes: sizes.responseBodySize + sizes.responseHeadersSize }))
					// A request still finishing when the profile closes no longer matters.
					.catch(() => ({ url: request.url(), start: Number.POSITIVE_INFINITY, bytes: 0 })),
			);
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		if (options.network.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...options.network.conditions });
		await page.goto(options.url, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		await page.click(inputSelector[options.ui]);
		await pause(options.reactionMs);
		await page.keyboard.type(options.phrase, { delay: options.keystrokeMs });
		await waitForPaint(page, options.phrase);

		const { inputs, paints } = await page.evaluate(() => (window as unknown as { __bench: { inputs: { value: string; time: number }[]; paints: { value: string; time: number }[] } }).__bench);
		const [first] = paints;
		if (!first) throw new Error('no results painted');
		const transferredBy = (await page.evaluate(() => performance.timeOrigin)) + first.time;
		const files = (await Promise.all(transfers)).filter((file) => file.start <= transferredBy && isSearchFile(file.url));
		const coldFiles = files.map((file) => ({ path: new URL(file.url).pathname, bytes: file.bytes }));
		const latency = (index: number) => {
			const entry = inputs[index];
			if (!entry) return undefined;
			const typedSince = new Set(inputs.slice(index).map((other) => other.value));
			const paint = paints.find((candidate) => candidate.time >= entry.time && typedSince.has(candidate.value));
			return paint ? paint.time - entry.time : undefined;
		};
		const firstIndex = inputs.findLastIndex((entry) => entry.value === first.value && entry.time <= first.time);
		return {
			coldBytes: coldFiles.reduce((sum, file) => sum + file.bytes, 0),
			coldRequests: coldFiles.length,
			coldFiles,
			firstQuery: latency(firstIndex) ?? Number.NaN,
			laterKeystrokes: inputs
				.map((_, index) => index)
				.filter((index) => index > firstIndex)
				.map(latency)
				.filter((value): value is number => value !== undefined),
		};
	} finally {
		await context.close();
	}
}

async function waitForPaint(page: Page, value: string): Promise<number> {
	const handle = await page.waitForFunction(
		(expected) => (window as unknown as { __bench: { paints: { value: string; time: number }[] } }).__bench.paints.find((paint) => paint.value === expected)?.time,
		value,
		{ timeout: 30_000, polling: 20 },
	);
	return (await handle.jsonValue()) as number;
}


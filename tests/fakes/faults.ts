import { z } from 'zod';

/**
 * A fault schedule for a fake vendor, set by tests in process or over HTTP (`POST /__fake/faults`). Counts are
 * consumed one per request, interleaved (a 500, then a 429, then a timeout, …) until all are spent.
 */
export const faultScheduleSchema = z
	.object({
		/** Answers 500. */
		fail500: z.number().int().min(0).default(0),
		/** Answers 429 (for Shopify: a plain 429 without THROTTLED in the body). */
		rateLimit: z.number().int().min(0).default(0),
		/** Retry-After of those 429s in seconds; null sends none (Zendesk has been seen doing that). */
		retryAfterSeconds: z.number().min(0).nullable().default(1),
		/** Shopify only: THROTTLED errors, with HTTP 200 or HTTP 429. */
		throttled: z.number().int().min(0).default(0),
		throttledStatus: z.union([z.literal(200), z.literal(429)]).default(200),
		/** Requests that hang for `timeoutMs` before answering, longer than the client waits. */
		timeouts: z.number().int().min(0).default(0),
		timeoutMs: z.number().int().min(0).max(120_000).default(3_000),
		/** Whether a hanging create still creates (the answer is lost, the ticket is not): the nasty case. */
		timeoutCreates: z.boolean().default(true),
		/** `create` limits faults to requests that create or change something; `all` includes look-ups. */
		target: z.enum(['all', 'create']).default('all'),
	})
	.strict();
export type FaultScheduleInput = z.input<typeof faultScheduleSchema>;
export type FaultSchedule = z.output<typeof faultScheduleSchema>;

export type Fault =
	| { kind: 'fail500' }
	| { kind: 'rateLimit'; retryAfterSeconds: number | null }
	| { kind: 'throttled'; status: 200 | 429 }
	| { kind: 'timeout'; ms: number; creates: boolean };

type Countable = 'fail500' | 'rateLimit' | 'throttled' | 'timeouts';
const order: Countable[] = ['fail500', 'rateLimit', 'throttled', 'timeouts'];

/** A response a test wants sent verbatim, for payloads no real vendor should send. */
export interface CannedResponse {
	status: number;
	body: string | object;
	headers?: Record<string, string>;
}

/** What every fake shares: the fault plan, canned answers, contract violations and a request log. */
export class FakeControl {
	#schedule: FaultSchedule = faultScheduleSchema.parse({});
	#next = 0;
	#canned: CannedResponse[] = [];
	#hangs = new AbortController();
	readonly violations: string[] = [];
	readonly requests: { method: string; path: string }[] = [];

	setFaults(input: FaultScheduleInput): FaultSchedule {
		this.#schedule = faultScheduleSchema.parse(input);
		this.#next = 0;
		return this.#schedule;
	}

	/** Faults still to be served. */
	pendingFaults(): Record<Countable, number> {
		return {
			fail500: this.#schedule.fail500,
			rateLimit: this.#schedule.rateLimit,
			throttled: this.#schedule.throttled,
			timeouts: this.#schedule.timeouts,
		};
	}

	/** The next fault for a request, if any; `creates` says whether the request creates or changes state. */
	takeFault(creates: boolean): Fault | undefined {
		const schedule = this.#schedule;
		if (schedule.target === 'create' && !creates) return undefined;
		for (let step = 0; step < order.length; step++) {
			const kind = order[(this.#next + step) % order.length]!;
			if (schedule[kind] === 0) continue;
			schedule[kind] -= 1;
			this.#next = (order.indexOf(kind) + 1) % order.length;
			switch (kind) {
				case 'fail500':
					return { kind: 'fail500' };
				case 'rateLimit':
					return { kind: 'rateLimit', retryAfterSeconds: schedule.retryAfterSeconds };
				case 'throttled':
					return { kind: 'throttled', status: schedule.throttledStatus };
				case 'timeouts':
					return { kind: 'timeout', ms: schedule.timeoutMs, creates: schedule.timeoutCreates };
			}
		}
		return undefined;
	}

	/** Queues a verbatim answer for the next vendor request. */
	respondOnce(response: CannedResponse): void {
		this.#canned.push(response);
	}

	takeCanned(): CannedResponse | undefined {
		return this.#canned.shift();
	}

	violation(message: string): void {
		this.violations.push(message);
	}

	/** Waits like a stuck server; `release()` ends every wait at once (reset, shutdown). */
	async hang(ms: number): Promise<void> {
		const signal = this.#hangs.signal;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			signal.addEventListener('abort', () => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	release(): void {
		this.#hangs.abort();
		this.#hangs = new AbortController();
	}

	reset(): void {
		this.release();
		this.#schedule = faultScheduleSchema.parse({});
		this.#next = 0;
		this.#canned = [];
		this.violations.length = 0;
		this.requests.length = 0;
	}
}

/** Renders a canned answer. */
export function cannedResponse(canned: CannedResponse): Response {
	const body = typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body);
	const contentType = typeof canned.body === 'string' ? 'text/plain' : 'application/json';
	return new Response(body, { status: canned.status, headers: { 'Content-Type': contentType, ...canned.headers } });
}

import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { answerResponseSchema } from '../../functions/contract/responses';

declare global {
	namespace Cloudflare {
		interface Env {
			ANSWER_MODEL_URL: string;
		}
	}
}

const fake = (path: string, body?: unknown) =>
	fetch(`${env.ANSWER_MODEL_URL.replace(/\/v1$/, '')}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

let ip = 0;
async function ask(question: string, locale = 'en') {
	ip += 1;
	const response = await exports.default.fetch(
		new Request('https://help.alderandpine.example/api/answer', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `203.0.113.${ip}` },
			body: JSON.stringify({ question, locale }),
		}),
	);
	expect(response.status).toBe(200);
	return answerResponseSchema.parse(await response.json());
}

/** The answer the Worker gives with no model: the engine's passage, word for word. */
const extractive = async (question: string) => {
	await fake('behaviour', { behaviour: 'non_json' });
	const answer = await ask(question);
	expect(answer).toMatchObject({ kind: 'answer', generated: false });
	return answer;
};

afterEach(async () => {
	const violations = (await (await fake('violations')).json()) as { violations: string[] };
	expect(violations.violations).toEqual([]);
	await fake('reset', {});
});

describe('POST /api/answer with a model configured', () => {
	const question = 'How long does a refund take? jane@example.com +33 6 12 34 56 78';

	it('shows the model’s answer when every sentence is cited and quoted from the passages, and sends it nothing personal', async () => {
		const answer = await ask(question);
		expect(answer.kind).toBe('answer');
		if (answer.kind !== 'answer') return;
		expect(answer.generated).toBe(true);
		expect(answer.sources[0]?.url).toMatch(/^\/en\/returns-refunds\/refund-timing/);
		expect(answer.text).not.toMatch(/\[u\d\]/);
		const { requests } = (await (await fake('requests-received')).json()) as { requests: { rawBody: string }[] };
		expect(requests).toHaveLength(1);
		expect(requests[0]?.rawBody).not.toContain('jane@example.com');
		expect(requests[0]?.rawBody).not.toContain('12 34 56 78');
	});

	for (const behaviour of ['unsupported_claim', 'uncited', 'obey_injection', 'unknown_unit', 'misquote', 'no_answer', 'non_json', 'refusal'] as const) {
		it(`shows the passage itself when the model answers badly (${behaviour})`, async () => {
			const expected = await extractive(question);
			await fake('reset', {});
			await fake('behaviour', { behaviour });
			const answer = await ask(question);
			expect(answer).toEqual(expected);
			expect(answer.kind === 'answer' && answer.generated).toBe(false);
		});
	}

	it('shows the passage when the model fails or is too slow, and never asks it when nothing answers', async () => {
		const expected = await extractive(question);
		await fake('reset', {});
		await fake('faults', { fail500: 1 });
		expect(await ask(question)).toEqual(expected);
		await fake('faults', { timeouts: 1 });
		expect(await ask(question)).toEqual(expected);
		await fake('reset', {});
		expect((await ask('can I pay with bitcoin')).kind).toBe('none');
		const { requests } = (await (await fake('requests-received')).json()) as { requests: unknown[] };
		expect(requests).toHaveLength(0);
	});
});

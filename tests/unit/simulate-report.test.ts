import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../src/answers/answer-question';
import type { IndexedUnit } from '../../src/answers/answer-index';
import { groupByWords } from '../../scripts/lib/simulate/gaps';
import { answerIsCorrect, parseLabels, routeIsCorrect } from '../../scripts/lib/simulate/labels';
import { cell, renderReport, timingLine, type ReportSettings } from '../../scripts/lib/simulate/report';
import { simulate, type Engine } from '../../scripts/lib/simulate/run';
import { seededRandom } from '../../scripts/lib/seeded-random';
import { seededSample, shareWithInterval, wilson } from '../../scripts/lib/simulate/stats';
import { summarise } from '../../scripts/lib/simulate/summary';
import { parseTickets, SimulateError } from '../../scripts/lib/simulate/tickets';

describe('the Wilson interval', () => {
	it('matches the textbook values and stays within 0 and 1', () => {
		const half = wilson(5, 10);
		expect(half?.low).toBeCloseTo(0.2366, 4);
		expect(half?.high).toBeCloseTo(0.7634, 4);
		const none = wilson(0, 10);
		expect(none?.low).toBe(0);
		expect(none?.high).toBeCloseTo(0.2775, 4);
		expect(wilson(10, 10)?.high).toBe(1);
		expect(wilson(1, 0)).toBeUndefined();
		expect(shareWithInterval(2, 5)).toBe('2 / 5 = 40.0 % (95 %: 11.8–76.9 %)');
		expect(shareWithInterval(0, 0)).toBe('0 / 0');
	});
});

describe('the seeded sample', () => {
	const items = Array.from({ length: 50 }, (_, index) => index);

	it('draws the same items for the same seed, without repeats, and others for another seed', () => {
		expect(seededSample(items, 10, 1)).toEqual(seededSample(items, 10, 1));
		expect(new Set(seededSample(items, 10, 1)).size).toBe(10);
		expect(seededSample(items, 10, 2)).not.toEqual(seededSample(items, 10, 1));
		expect(seededSample(items, 80, 3)).toHaveLength(50);
		expect(seededSample(items, 0, 3)).toEqual([]);
	});

	it('does not depend on the machine: the generator’s first numbers are fixed', () => {
		const random = seededRandom(1);
		expect([random(), random()].map((value) => value.toFixed(6))).toEqual(['0.627074', '0.002736']);
	});
});

describe('grouping the tickets not answered', () => {
	const item = (text: string, locale = 'en') => ({ item: text, locale, text });

	it('groups by the word most of them share, labels with a second word most of the group has, and keeps order', () => {
		const { groups, ungrouped } = groupByWords([
			item('Do you sell clothes for children?'),
			item('Children clothes sizes please'),
			item('Is there a student discount?'),
			item('Student discount code'),
			item('Do you do gift wrapping?'),
			item('Vêtements pour enfants ?', 'fr'),
			item('Avez-vous des vêtements enfants', 'fr'),
		]);
		expect(groups.map((group) => [group.words, group.locale, group.items.length])).toEqual([
			[['children', 'clothes'], 'en', 2],
			[['discount', 'student'], 'en', 2],
			[['enfants', 'vetements'], 'fr', 2],
		]);
		expect(groups[0]?.items).toEqual(['Do you sell clothes for children?', 'Children clothes sizes please']);
		expect(ungrouped).toBe(1);
	});

	it('prefers a word found mostly among them to one as common among the answered tickets', () => {
		const tickets = [item('linen shirt for children'), item('linen shirt in kids size'), item('children linen')];
		const answered = ['linen shirt care', 'linen shirt size', 'wash linen', 'linen sheets'].map((text) => ({ locale: 'en', text }));
		expect(groupByWords(tickets, { others: answered }).groups[0]?.words[0]).toBe('children');
		expect(groupByWords(tickets).groups[0]?.words[0]).toBe('linen');
	});

	it('stops at the limit', () => {
		const many = ['alpha beta', 'alpha gamma', 'delta beta', 'delta gamma', 'omega x1', 'omega x2'].map((text) => item(text));
		expect(groupByWords(many, { limit: 2 }).groups).toHaveLength(2);
	});
});

describe('labels', () => {
	it('reads y/n in several spellings, by ticket id', () => {
		const labels = parseLabels('Ticket id,deflectable,correct,expected\n1,y,,refund-timing return-policy\n2,non,,\n3,,yes,\n4,oui,n,track\n');
		expect(labels.get('1')).toEqual({ deflectable: true, expected: ['refund-timing', 'return-policy'] });
		expect(labels.get('2')).toEqual({ deflectable: false, expected: [] });
		expect(labels.get('3')).toEqual({ correct: true, expected: [] });
		expect(labels.get('4')).toEqual({ deflectable: true, correct: false, expected: ['track'] });
	});

	it('judges an answer by `correct`, else by `deflectable` and the articles `expected` names', () => {
		expect(answerIsCorrect({ deflectable: true, expected: ['refund-timing'] }, 'refund-timing')).toBe(true);
		expect(answerIsCorrect({ deflectable: true, expected: ['refund-timing'] }, 'return-policy')).toBe(false);
		expect(answerIsCorrect({ deflectable: true, expected: [] }, 'return-policy')).toBe(true);
		expect(answerIsCorrect({ deflectable: false, expected: [] }, 'return-policy')).toBe(false);
		expect(answerIsCorrect({ deflectable: true, correct: false, expected: [] }, 'return-policy')).toBe(false);
		expect(answerIsCorrect({ expected: [] }, 'return-policy')).toBeUndefined();
		expect(routeIsCorrect({ deflectable: true, expected: ['track', 'where-is-my-order'] }, 'track')).toBe(true);
		expect(routeIsCorrect({ deflectable: true, expected: ['change-or-cancel-an-order'] }, 'track')).toBe(false);
	});

	it('refuses a file without an id column, without a verdict column, or with another word than y or n', () => {
		const error = (text: string) => {
			try {
				parseLabels(text, 'labels.csv');
			} catch (caught) {
				if (caught instanceof SimulateError) return caught.message;
			}
			return '';
		};
		expect(error('ticket_ref,deflectable\n1,y\n')).toBe('labels.csv has no "id" column (the ticket\'s id). Its columns: "ticket_ref", "deflectable".');
		expect(error('id,answer\n1,y\n')).toMatch(/neither a "deflectable" nor a "correct" column/);
		expect(error('id,deflectable\n1,maybe\n')).toBe('labels.csv row 2: "maybe" is neither y nor n.');
	});
});

// A tiny export: one ticket of each outcome, and one that only says thanks.
const tinyCsv = `Id,Subject,Description,Tags,First agent reply
1,Re: Your order has shipped,Thanks!,,
2,Refund,"Hi, how long does a refund take?",refund,5 business days.
3,Return window,How many days do I have to return a coat?,returns,30 days.
4,Where is my order #1032,It has been a week.,wismo,It is on its way.
5,Help,I want to talk to a person,contact,
6,Kids,Do you sell clothes for children?,product,No.
7,PayPal refund,Refund to PayPal: how long?,refund|paypal,1 day.
`;

const unit = (article: string, heading: string): IndexedUnit => ({ id: 0, a: article, t: article.replace(/-/g, ' '), h: heading, u: `/en/returns-refunds/${article}#x`, d: '2026-10-01', x: `The passage of ${article}.`, k: 'section' });

/** Stands in for the engine: answers by keyword, as a test needs it to. */
const fakeEngine: Engine = async (question): Promise<EngineResult> => {
	if (/#\d{4}/.test(question)) return { kind: 'self-service', action: 'track' };
	if (/person/.test(question)) return { kind: 'self-service', action: 'contact' };
	if (/refund/i.test(question)) return { kind: 'answer', unit: unit('refund-timing', 'How long each payment method takes'), passages: [], score: 900, coverage: 1 };
	if (/return/i.test(question)) return { kind: 'answer', unit: unit('return-policy', '30 days from delivery'), passages: [], score: 800, coverage: 1 };
	return { kind: 'none', related: [], reason: 'not_covered' };
};

const tinyLabels = parseLabels('id,deflectable,expected\n2,y,refund-timing\n3,y,refund-timing\n4,y,track\n5,n,\n6,n,\n7,y,refund-timing\n');

const settings: ReportSettings = {
	source: 'tiny.csv',
	exportName: 'Zendesk',
	columns: { id: 'Id', subject: 'Subject', body: 'Description' },
	localeMode: 'auto',
	questionMode: 'both',
	seed: 1,
	labelsFile: 'labels.csv',
};

async function tinyReport(seed = 1, sampleSize = 30) {
	const { tickets } = parseTickets(tinyCsv);
	const simulated = await simulate(tickets, { engine: fakeEngine, localeMode: 'auto', locales: ['en', 'fr'], defaultLocale: 'en' });
	const summary = summarise(simulated, { seed, sampleSize, labels: tinyLabels });
	return { simulated, summary, report: renderReport(summary, { ...settings, seed }) };
}

describe('the report on a tiny export', () => {
	it('counts what happened to each ticket, out of the tickets simulated', async () => {
		const { summary } = await tinyReport();
		expect(summary.rows).toBe(7);
		expect(summary.excluded).toEqual([
			['empty', 0],
			['thanks', 1],
			['auto-reply', 0],
			['spam', 0],
		]);
		expect(summary.total).toEqual({ simulated: 6, answered: 3, routed: 2, none: 1 });
		expect(summary.routedBy).toEqual([
			['track', 1],
			['return', 0],
			['address', 0],
			['contact', 1],
		]);
		expect(summary.byLocale).toEqual([['en', { simulated: 6, answered: 3, routed: 2, none: 1 }]]);
		expect(summary.articles.map((use) => [use.article, use.tickets])).toEqual([
			['refund-timing', 2],
			['return-policy', 1],
		]);
	});

	it('measures precision and the predicted deflection with their denominators', async () => {
		const { summary, report } = await tinyReport();
		expect(summary.labels).toMatchObject({ labelled: 6, answeredJudged: 3, answeredCorrect: 2, routedJudged: 1, routedCorrect: 1, deflectable: 4, deflectableAnsweredCorrectly: 2, deflectableRouted: 1, deflectableMissed: 1 });
		// 3/6 answered × 2/3 right + 1/6 routed to a page that does the job × 0.5.
		expect(summary.labels?.predicted?.value).toBeCloseTo(3 / 6 * (2 / 3) + (1 / 6) * 0.5, 10);
		expect(report).toContain('| answered by an article | 3 | 3 / 6 = 50.0 % (95 %: 18.8–81.2 %) |');
		expect(report).toContain('| routed to a self-service page | 2 | 2 / 6 = 33.3 % (95 %: 9.7–70.0 %) |');
		expect(report).toContain('| not answered | 1 | 1 / 6 = 16.7 % (95 %: 3.0–56.4 %) |');
		expect(report).toContain('| thanks | 1 |');
		expect(report).toContain(`| precision of "would answer" (answers judged correct / answered tickets with a label) | ${shareWithInterval(2, 3)} |`);
		expect(report).toContain('**Predicted deflection: 41.7 %** of the 6 simulated tickets');
		expect(report).toContain('= 3/6 × 2/3 + 1/6 × 0.5');
		expect(report).toMatch(/The self-service completion factor is 0\.5 \(`--completion`\): an assumption, not a measurement/);
		expect(report).not.toMatch(/predicted resolution/i);
	});

	it('lists the answers to check, the gaps, and the sample with an empty verdict column', async () => {
		const { report } = await tinyReport();
		expect(report).toContain('| # | ticket | question | answer shown: article › section | first agent reply | correct? (y/n) |');
		expect(report).toMatch(/\| \d \| 7 \| PayPal refund\. Refund to PayPal: how long\? \| refund timing › How long each payment method takes \(\/en\/returns-refunds\/refund-timing#x\) \| 1 day\. \|  \|/);
		expect(report).toContain('## Content gaps');
		expect(report).not.toContain('Thanks!');
	});

	it('is byte for byte the same for the same tickets and seed, and draws another sample with another seed', async () => {
		const first = (await tinyReport(1, 2)).report;
		expect((await tinyReport(1, 2)).report).toBe(first);
		const others = await Promise.all([2, 3, 4, 5, 6].map(async (seed) => (await tinyReport(seed, 2)).summary.sample.map((ticket) => ticket.id).join()));
		expect(new Set([(await tinyReport(1, 2)).summary.sample.map((ticket) => ticket.id).join(), ...others]).size).toBeGreaterThan(1);
	});

	it('says what precision needs when there are no labels', async () => {
		const { tickets } = parseTickets(tinyCsv);
		const simulated = await simulate(tickets, { engine: fakeEngine, localeMode: 'auto', locales: ['en', 'fr'], defaultLocale: 'en' });
		const report = renderReport(summarise(simulated, { seed: 1, sampleSize: 5 }), { ...settings, labelsFile: undefined });
		expect(report).toContain('Not computed: precision needs labels.');
		expect(report).not.toContain('Predicted deflection:');
	});

	it('keeps a table whole whatever a ticket says', () => {
		expect(cell('a | b\nc <script>')).toBe('a \\| b c &lt;script&gt;');
	});

	it('prints its timing apart from the report', () => {
		expect(timingLine(1000, 2.5, 2.4, 2)).toBe('Simulated 1000 tickets in 2.50 s (reading them and the engine: 2.40 s): 2.50 s per 1,000 tickets on 2 cores.');
	});
});

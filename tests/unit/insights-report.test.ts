import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../scripts/lib/report/html';
import { deflection, deflectionByLocale, fillDays, groupGaps, minVotesToRate, rateArticles, type ReportData } from '../../scripts/lib/report/model';
import { parseReportOptions } from '../../scripts/lib/report/options';
import { parsePeriod, periodCondition, UsageError } from '../../scripts/lib/report/period';
import { reportStatements } from '../../scripts/lib/report/read-report';
import { renderHtml } from '../../scripts/lib/report/render-html';
import { barChart, niceScale, shortLabel } from '../../scripts/lib/report/svg-chart';
import { reportTables } from '../../scripts/lib/report/tables';
import { csvField, toCsv, toJson } from '../../scripts/lib/report/text-formats';

const today = new Date('2026-11-30T15:00:00Z');
const script = '<script>alert(1)</script>';
const image = '<img src=x onerror="alert(2)">';

/** A small report whose shopper text tries to inject markup everywhere a string is shown. */
function reportData(): ReportData {
	const period = { from: '2026-11-28', to: '2026-11-30', locale: null };
	return {
		period,
		made: '2026-11-30',
		searchesByDay: fillDays(period, [{ day: '2026-11-29', searches: 4, foundNothing: 1 }]),
		topSearches: [{ query: script, locale: 'en', searches: 3, clicks: 1, clickThrough: 1 / 3, meanClickedRank: 2 }],
		noResult: [{ query: script, locale: 'en', searches: 1 }],
		deflection: deflectionByLocale([
			{ locale: 'en', part: 'deflections', count: 2 },
			{ locale: 'fr', part: 'tickets', count: 1 },
		]),
		helpfulness: rateArticles([{ article: '/en/shipping/customs-and-duties', locale: 'en', yes: 1, no: 1, reasons: { not_answered: 1 } }]),
		comments: { total: 1, shown: [{ article: '/en/shipping/customs-and-duties', locale: 'en', reason: 'not_answered', comment: `${image} & "more"`, day: '2026-11-30' }] },
		gaps: groupGaps([{ query: script, locale: 'en', searches: 1 }], [{ article: '/en/shipping/customs-and-duties', locale: 'en', count: 1 }], 25),
	};
}

describe('escaping', () => {
	it('escapes the five characters that matter in content and quoted attributes', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
	});

	it('escapes every value of an html template, but not nested templates, and joins arrays', () => {
		const inner = html`<b>${image}</b>`;
		expect(html`<p title="${'"onmouseover="x'}">${inner}${[script, 1, null, false]}</p>`.markup).toBe(
			'<p title="&quot;onmouseover=&quot;x"><b>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</b>&lt;script&gt;alert(1)&lt;/script&gt;1</p>',
		);
	});

	it('renders no markup from queries and comments anywhere in the report', () => {
		const page = renderHtml(reportData());
		expect(page).not.toMatch(/<script/i);
		expect(page).not.toMatch(/<img/i);
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &quot;more&quot;');
	});

	it('is one self-contained file: no request, no script, a policy that would block both', () => {
		const page = renderHtml(reportData());
		expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
		expect(page).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
		expect(page).not.toMatch(/<link|@import|url\(/i);
		expect(page).toMatch(/prefers-color-scheme: dark/);
		expect(page).toMatch(/<html lang="en">/);
	});
});

describe('the deflection rate', () => {
	it('is shoppers helped over helped and tickets, helped being deflections, yes votes and self-service done', () => {
		const rate = deflection({ deflections: 3, yesVotes: 4, returns: 2, addressChanges: 1, tracking: 10, tickets: 5 });
		expect(rate.helped).toBe(20);
		expect(rate.rate).toBe(0.8);
	});

	it('has no rate when nobody was helped and no ticket was sent', () => {
		expect(deflection({ deflections: 0, yesVotes: 0, returns: 0, addressChanges: 0, tracking: 0, tickets: 0 }).rate).toBeNull();
		expect(deflection({ deflections: 0, yesVotes: 0, returns: 0, addressChanges: 0, tracking: 0, tickets: 2 }).rate).toBe(0);
	});

	it('adds the languages up, and keeps each one', () => {
		const { all, byLocale } = deflectionByLocale([
			{ locale: 'fr', part: 'tickets', count: 1 },
			{ locale: 'en', part: 'deflections', count: 2 },
			{ locale: 'en', part: 'tracking', count: 1 },
			{ locale: 'en', part: 'tickets', count: 1 },
		]);
		expect(all).toMatchObject({ helped: 3, tickets: 2, rate: 0.6 });
		expect(byLocale.map((row) => [row.locale, row.rate])).toEqual([
			['en', 0.75],
			['fr', 0],
		]);
	});
});

describe('helpfulness', () => {
	it(`rates an article from ${minVotesToRate} votes on, the least helpful first`, () => {
		const rated = rateArticles([
			{ article: '/en/a/few', locale: 'en', yes: 3, no: 1, reasons: {} },
			{ article: '/en/a/good', locale: 'en', yes: 4, no: 1, reasons: {} },
			{ article: '/en/a/bad', locale: 'en', yes: 1, no: 5, reasons: { unclear: 2 } },
		]);
		expect(rated.map((row) => [row.article, row.yesShare])).toEqual([
			['/en/a/bad', 1 / 6],
			['/en/a/good', 0.8],
			['/en/a/few', null],
		]);
		expect(rated[0]?.reasons).toEqual({ outdated: 0, unclear: 2, not_answered: 0, other: 0 });
	});

	it('says "not enough votes yet" with the count instead of a share', () => {
		const table = reportTables(reportData()).find((entry) => entry.id === 'helpfulness');
		expect(table?.rows[0]?.[4]).toBe(`not enough votes yet (2 of ${minVotesToRate})`);
	});
});

describe('content gaps', () => {
	it('puts searches that found nothing and articles that did not answer in one list, most frequent first', () => {
		const search = (query: string, locale: string, searches: number) => ({ query, locale, searches });
		const notAnswered = (article: string, count: number) => ({ article, locale: 'en', count });
		const gaps = groupGaps(
			[search('gift card', 'en', 3), search('gift card', 'fr', 1), search('student discount', 'en', 5)],
			[notAnswered('/en/payments/gift-cards', 3), notAnswered('/en/shipping/customs', 0), notAnswered('/en/payments/gift-cards', 1)],
			3,
		);
		expect(gaps).toEqual([
			{ kind: 'search', subject: 'student discount', locale: 'en', count: 5 },
			{ kind: 'article', subject: '/en/payments/gift-cards', locale: 'en', count: 4 },
			{ kind: 'search', subject: 'gift card', locale: 'en', count: 3 },
		]);
	});
});

describe('days', () => {
	it('lists every day of the period, with zeros for the silent ones', () => {
		expect(fillDays({ from: '2026-02-27', to: '2026-03-01', locale: null }, [{ day: '2026-02-28', searches: 2, foundNothing: 1 }])).toEqual([
			{ day: '2026-02-27', searches: 0, foundNothing: 0 },
			{ day: '2026-02-28', searches: 2, foundNothing: 1 },
			{ day: '2026-03-01', searches: 0, foundNothing: 0 },
		]);
	});
});

describe('CSV and JSON', () => {
	it('quotes fields that need it and defuses spreadsheet formulas', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
		expect(csvField(-3)).toBe('-3');
		expect(csvField(null)).toBe('');
		expect(csvField({ share: 1 / 3 })).toBe('33.3');
		expect(csvField({ share: null })).toBe('');
	});

	it('writes one section a table: its name and period, the header, the rows, then an empty line', () => {
		const sections = toCsv(reportData()).split('\r\n\r\n');
		expect(sections).toHaveLength(7);
		const [title, header, ...rows] = (sections[1] ?? '').split('\r\n');
		expect(title).toBe('"Top searches (2026-11-28 to 2026-11-30, all languages)"');
		expect(header).toBe('Query,Language,Searches,Clicks,Click-through (%),Mean clicked rank');
		expect(rows).toEqual(['<script>alert(1)</script>,en,3,1,33.3,2']);
		expect(sections[0]?.split('\r\n')).toHaveLength(2 + 3);
		expect(sections[3]).toContain('Deflection rate,66.7,100,0');
	});

	it('prints the data itself as JSON', () => {
		const data = reportData();
		expect(JSON.parse(toJson(data))).toEqual(data);
	});
});

describe('options', () => {
	// Nothing is written: options only name files.
	const cwd = tmpdir();
	const parse = (...argv: string[]) => parseReportOptions(argv, today, cwd);

	it('defaults to the last 30 days, every language, an HTML file in the current folder', () => {
		expect(parse()).toEqual({
			period: { from: '2026-11-01', to: '2026-11-30', locale: null },
			limit: 25,
			database: { remote: false, persistTo: undefined },
			format: 'html',
			out: join(cwd, 'help-center-report.html'),
		});
		expect(parse('--json', '--locale', 'fr', '--remote', '--limit', '5')).toMatchObject({ format: 'json', out: null, database: { remote: true }, limit: 5, period: { locale: 'fr' } });
		expect(parse('--csv', '--out', 'x.csv', '--persist-to', '.')).toMatchObject({ format: 'csv', out: join(cwd, 'x.csv'), database: { remote: false, persistTo: cwd } });
	});

	it.each([
		[['--from', '2026-02-30'], /--from must be a day written YYYY-MM-DD/],
		[['--to', '30/11/2026'], /--to must be a day/],
		[['--to', '2026-13-01'], /--to must be a day/],
		[['--to', '2026-11-00'], /--to must be a day/],
		[['--from', "2026-11-01' OR 1=1 --"], /--from must be a day/],
		[['--from', '2026-12-01'], /must not come after --to/],
		[['--from', '2024-01-01'], /at most 366 days/],
		[['--locale', 'FR'], /--locale must be a language code/],
		[['--locale', "en' OR '1'='1"], /--locale must be a language code/],
		[['--limit', '0'], /--limit must be a whole number/],
		[['--limit', '5e2'], /--limit must be a whole number/],
		[['--json', '--csv'], /one of --json and --csv/],
		[['--remote', '--persist-to', '.'], /cannot go with --remote/],
		[['--persist-to', 'no-such-folder'], /no folder/],
		[['--colour'], /Unknown option '--colour'/],
		[['report.html'], /Unexpected argument 'report.html'/],
		[['--from'], /argument missing/],
	])('refuses %j', (argv, message) => {
		expect(() => parse(...argv)).toThrow(UsageError);
		expect(() => parse(...argv)).toThrow(message);
	});

	it('writes only checked values into the SQL', () => {
		const period = parsePeriod({ from: '2026-11-01', to: '2026-11-30', locale: 'fr-CA' }, today);
		expect(periodCondition(period)).toBe("day BETWEEN '2026-11-01' AND '2026-11-30' AND locale = 'fr-CA'");
		expect(reportStatements(period, 10).every((statement) => statement.includes(periodCondition(period)))).toBe(true);
	});
});

describe('the chart', () => {
	it('is an image with a name and a description, its labels escaped', () => {
		const chart = barChart({ id: 'c', title: 'Top <b>', summary: 'Counts & more', layout: 'rows', series: ['a', 'b'], bars: [{ label: script, values: [2, 1] }] }).markup;
		expect(chart).toMatch(/<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
		expect(chart).toContain('<title id="c-title">Top &lt;b&gt;</title>');
		expect(chart).toContain('<desc id="c-desc">Counts &amp; more</desc>');
		expect(chart).toContain('&lt;script&gt;');
		expect(chart).not.toContain('<script');
		// Two stacked parts: two thirds and one third of the width, and a legend for the two series.
		expect(chart).toMatch(/x="0%" [^>]*width="66\.667%"/);
		expect(chart).toMatch(/x="66\.667%" [^>]*width="33\.333%"/);
		expect(chart).toContain('<ul class="legend">');
	});

	it('draws one column a day on a round scale', () => {
		const chart = barChart({ id: 'd', title: 't', summary: 's', layout: 'columns', series: ['n'], bars: [{ label: '1 Nov', values: [3] }, { label: '2 Nov', values: [37] }] }).markup;
		expect(chart.match(/<rect /g)).toHaveLength(2);
		expect(chart).toContain('>40</text>');
		expect(chart).not.toContain('legend');
		expect(niceScale(37)).toEqual({ top: 40, step: 10 });
		expect(niceScale(3)).toEqual({ top: 3, step: 1 });
		expect(niceScale(0)).toEqual({ top: 1, step: 1 });
		expect(niceScale(120)).toEqual({ top: 150, step: 50 });
	});

	it('shortens long labels in the middle', () => {
		expect(shortLabel('short')).toBe('short');
		expect(shortLabel('abcdefghij', 7)).toBe('abc…hij');
	});
});

import { exclusionReasons } from './exclusions.ts';
import { sentencesKept, type QuestionMode } from './question.ts';
import type { SimulatedTicket } from './run.ts';
import { percent, shareWithInterval, wilson } from './stats.ts';
import type { Summary, Tally } from './summary.ts';

/** How the simulation ran, as the report's first lines say it. */
export interface ReportSettings {
	/** The tickets' file name. */
	source: string;
	/** "Zendesk" or "Gorgias" when the columns are theirs. */
	exportName?: string | undefined;
	/** Field → column. */
	columns: Record<string, string | undefined>;
	localeMode: string;
	questionMode: QuestionMode;
	seed: number;
	labelsFile?: string | undefined;
}

/** A table cell: one line, no `|` to break the table, no markup taken as HTML. */
export function cell(text: string): string {
	return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const short = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function table(header: string[], rows: string[][]): string {
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** "12 · 40.0 % (31.2–49.4 %)": a count, its share and the share's 95 % interval. */
function compact(count: number, of: number): string {
	const interval = wilson(count, of);
	return interval ? `${count} · ${percent(count / of)} (${(100 * interval.low).toFixed(1)}–${percent(interval.high)})` : `${count}`;
}

const tallyRow = (name: string, figures: Tally) => [cell(name), `${figures.simulated}`, compact(figures.answered, figures.simulated), compact(figures.routed, figures.simulated), compact(figures.none, figures.simulated)];

function answerCell(ticket: SimulatedTicket): string {
	if (ticket.outcome.kind !== 'answer') return '';
	const { title, heading, url } = ticket.outcome;
	return `${cell(title)}${heading ? ` › ${cell(heading)}` : ''} (${cell(url)})`;
}

const questionMeaning: Record<QuestionMode, string> = {
	subject: 'its subject alone',
	body: `the first ${sentencesKept} sentences of its first message`,
	both: `its subject, when it names a topic, and the first ${sentencesKept} sentences of its first message`,
};

/** The Markdown report. The same summary and settings give the same bytes: no date, no timing, no randomness. */
export function renderReport(summary: Summary, settings: ReportSettings): string {
	const { total } = summary;
	const excludedCount = summary.excluded.reduce((sum, [, count]) => sum + count, 0);
	const columns = Object.entries(settings.columns)
		.filter(([, column]) => column !== undefined)
		.map(([field, column]) => `${field} = "${column}"`)
		.join(', ');
	const lines: string[] = [];
	const add = (...more: string[]) => lines.push(...more);

	add(
		'# What answers would have done with past tickets',
		'',
		`Tickets: \`${settings.source}\`${settings.exportName ? ` (${settings.exportName} column names)` : ''}, ${summary.rows} rows; columns used: ${columns}.`,
		`Each ticket was asked as the help center's answer engine would be asked it (POST /api/answer): ${questionMeaning[settings.questionMode]}, at most 500 characters, e-mail addresses and phone numbers masked (@, #) and the digits of long numbers turned to 0.`,
		`Language: ${settings.localeMode === 'auto' ? `detected (${summary.localeSources.map(([source, count]) => `${count} from ${source === 'text' ? 'the text' : source === 'column' ? 'the language column' : 'the default locale'}`).join(', ')})` : `${settings.localeMode} for every ticket`}.`,
		'',
		'This is a prediction from past tickets, not a measurement: a ticket "answered" here would have been shown a passage before writing, and some customers would still have written. Every share below is out of the tickets simulated (excluded ones asked nothing), with its 95 % Wilson interval.',
		'',
		'## Summary',
		'',
		table(
			['', 'tickets', 'share and 95 % interval'],
			[
				['rows read', `${summary.rows}`, ''],
				['excluded (not a question or request)', `${excludedCount}`, summary.rows > 0 ? `${percent(excludedCount / summary.rows)} of the rows` : ''],
				['**simulated**', `**${total.simulated}**`, 'the denominator of every share below'],
				['answered by an article', `${total.answered}`, shareWithInterval(total.answered, total.simulated)],
				['routed to a self-service page', `${total.routed}`, shareWithInterval(total.routed, total.simulated)],
				['not answered', `${total.none}`, shareWithInterval(total.none, total.simulated)],
			],
		),
		'',
		'### Excluded, by reason',
		'',
		table(
			['reason', 'tickets', 'what it means'],
			summary.excluded.map(([reason, count]) => [reason, `${count}`, cell(exclusionReasons[reason])]),
		),
		'',
		'### Routed, by page',
		'',
		table(
			['page', 'tickets', 'share of simulated'],
			summary.routedBy.map(([action, count]) => [action === 'contact' ? 'contact (asked for a person: not a deflection)' : action, `${count}`, shareWithInterval(count, total.simulated)]),
		),
		'',
		'## By language',
		'',
		table(['language', 'simulated', 'answered', 'routed', 'not answered'], summary.byLocale.map(([locale, figures]) => tallyRow(locale, figures))),
		'',
		'## By tag',
		'',
	);
	if (summary.byTag.length === 0) add('The tickets have no tags.', '');
	else {
		const shown = summary.byTag.slice(0, 20);
		add(
			`${shown.length < summary.byTag.length ? `The ${shown.length} most frequent of ${summary.byTag.length} tags. ` : ''}A ticket counts under each of its tags.`,
			'',
			table(['tag', 'simulated', 'answered', 'routed', 'not answered'], shown.map(([tag, figures]) => tallyRow(tag, figures))),
			'',
		);
	}

	add('## Articles that would have answered', '');
	if (summary.articles.length === 0) add('None.', '');
	else {
		add(
			`${total.answered} answered tickets, by the article whose passage was shown.`,
			'',
			table(
				['article', 'language', 'tickets', 'passages shown (tickets)'],
				summary.articles.map((use) => [
					`${cell(use.title)} (${cell(use.url)})`,
					use.locale,
					`${use.tickets}`,
					use.passages.map(([heading, count]) => `${heading ? cell(heading) : '(introduction)'} (${count})`).join('; '),
				]),
			),
			'',
		);
	}

	const { gaps } = summary;
	add('## Content gaps', '');
	if (gaps.groups.length === 0) add(gaps.notAnswered === 0 ? 'Every simulated ticket was answered or routed.' : `${gaps.notAnswered} tickets were not answered, and no two of them share a word worth grouping on.`, '');
	else {
		const grouped = gaps.groups.reduce((sum, group) => sum + group.items.length, 0);
		add(
			`The ${gaps.notAnswered} tickets not answered, grouped by the words they share (a group's first word is found in many of them and in few answered tickets); ${grouped} are in the ${gaps.groups.length} groups below, ${gaps.ungrouped} share no word with another or fall outside them. A group is a topic to write about, or to add words to (keywords, synonyms in content/site.yaml) when an article already covers it.`,
			'',
			table(
				['#', 'shared words', 'language', 'tickets', 'for example'],
				gaps.groups.map((group, index) => [
					`${index + 1}`,
					cell(group.words.join(' + ')),
					group.locale,
					`${group.items.length}`,
					group.items
						.slice(0, 2)
						.map((ticket) => `“${cell(short(ticket.question, 140))}”`)
						.join('<br>'),
				]),
			),
			'',
		);
	}

	add('## Answers to check', '');
	if (summary.sample.length === 0) add('No ticket was answered.', '');
	else {
		add(
			`${summary.sample.length} of the ${total.answered} answered tickets, drawn at random with seed ${settings.seed} (\`--seed\`, \`--sample\`). Check each answer against the question (and the agent's reply, when the export has it) and fill in "correct?" with y or n; then copy the ids and verdicts into a labels CSV (\`id,correct\`) and run again with \`--labels\` to measure precision.`,
			'',
			table(
				['#', 'ticket', 'question', 'answer shown: article › section', 'first agent reply', 'correct? (y/n)'],
				summary.sample.map((ticket, index) => [`${index + 1}`, cell(ticket.id), cell(ticket.question), answerCell(ticket), cell(short(ticket.reply, 300)), '']),
			),
			'',
		);
	}

	add('## Precision and predicted deflection', '');
	const { labels } = summary;
	const completionWhy = `The self-service completion factor is ${summary.completion} (\`--completion\`): an assumption, not a measurement. It is the share of customers sent to the tracking, return or address-change page who get it done there without writing; a page does the job only when the order allows it (a return within the window, an address change before shipping) and the customer follows through, and the help center does not yet count how many customers an answer sends to a page. Tickets sent to "contact" count for nothing: that page hands the customer to a person.`;
	if (!labels) {
		add(
			'Not computed: precision needs labels. Run again with `--labels <file.csv>` (columns `id` and `deflectable` or `correct`, y/n; see scripts/lib/simulate/labels.ts), for example after filling in the sample above.',
			'',
			completionWhy,
			'',
		);
	} else {
		const predicted = labels.predicted;
		add(
			`Labels: \`${settings.labelsFile ?? ''}\`, ${labels.labelled} of the ${total.simulated} simulated tickets labelled.`,
			'',
			table(
				['', 'figure'],
				[
					['precision of "would answer" (answers judged correct / answered tickets with a label)', shareWithInterval(labels.answeredCorrect, labels.answeredJudged)],
					['answered tickets without a label (left out of precision)', `${labels.answeredUnlabelled}`],
					['routed to track, return or address, and right to be (labelled)', shareWithInterval(labels.routedCorrect, labels.routedJudged)],
					['tickets labelled deflectable', `${labels.deflectable}`],
					['… answered correctly', shareWithInterval(labels.deflectableAnsweredCorrectly, labels.deflectable)],
					['… routed to track, return or address', shareWithInterval(labels.deflectableRouted, labels.deflectable)],
					['… missed (not answered, answered wrongly, or sent to contact)', shareWithInterval(labels.deflectableMissed, labels.deflectable)],
				],
			),
			'',
		);
		if (predicted) {
			add(
				`**Predicted deflection: ${percent(predicted.value)}** of the ${total.simulated} simulated tickets (rough range ${percent(predicted.low)}–${percent(predicted.high)}, from the ends of its parts' 95 % intervals).`,
				'',
				`= answered share × precision + routed share × completion factor`,
				`= ${total.answered}/${total.simulated} × ${labels.answeredCorrect}/${labels.answeredJudged} + ${predicted.routed}/${total.simulated} × ${summary.completion}`,
				`= ${percent(predicted.answeredShare)} × ${percent(predicted.precision)} + ${percent(predicted.routedShare)} × ${summary.completion}`,
				'',
				`It is the share of these tickets that answers would likely have spared a person, not a resolution rate: an answer shown is not a problem solved, and customers who got a right answer may still write.`,
				'',
				completionWhy,
				'',
			);
		} else add('No answered ticket has a label: precision, and so the predicted deflection, cannot be computed.', '', completionWhy, '');
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

/** What the command prints on stderr about its speed (never in the report, which must not change from run to run). */
export function timingLine(tickets: number, seconds: number, readingAndEngineSeconds: number, cores: number): string {
	const perThousand = tickets > 0 ? (seconds * 1000) / tickets : 0;
	return `Simulated ${tickets} tickets in ${seconds.toFixed(2)} s (reading them and the engine: ${readingAndEngineSeconds.toFixed(2)} s): ${perThousand.toFixed(2)} s per 1,000 tickets on ${cores} cores.`;
}

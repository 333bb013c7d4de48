import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultQuestionMode, questionModes, type QuestionMode } from './question.ts';
import { defaultCompletion } from './summary.ts';
import { parseMap, type TicketField } from './tickets.ts';

export const usage = `Usage: npm run simulate -- <tickets.csv> [options]
  --map field=Column,...   which column holds each field (fields: id, subject, body, locale, tags, created, firstReply);
                           Zendesk's and Gorgias' column names are recognised without it
  --locale auto|<code>     the tickets' language: detected per ticket (auto, the default) or one for all
  --labels <labels.csv>    y/n verdicts per ticket id (deflectable, correct) to measure precision
  --out <report.md>        write the report there (default: print it)
  --sample <n>             answered tickets to check by hand (default 30)
  --seed <n>               seed of that sample (default 1)
  --completion <0..1>      share of customers sent to a self-service page who get it done there (default ${defaultCompletion})
  --question subject|body|both   what of a ticket is asked (default ${defaultQuestionMode})
  --site <folder>          the built site (default dist/client; run npm run build first)`;

export interface SimulateOptions {
	input: string;
	map: [TicketField, string][];
	locale: string;
	labels?: string | undefined;
	out?: string | undefined;
	sample: number;
	seed: number;
	completion: number;
	question: QuestionMode;
	site: string;
}

/** A command line that cannot be run: printed with the usage, exit code 2. */
export class UsageError extends Error {}

function integer(value: string, option: string, min: number): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min) throw new UsageError(`--${option} is a whole number of at least ${min}, not "${value}".`);
	return number;
}

/**
 * Reads the command line; paths are resolved against `cwd` (where the command was typed). Throws a UsageError for
 * a command line that cannot be run, a SimulateError for a bad `--map`.
 */
export function parseSimulateOptions(argv: string[], cwd: string, projectRoot: string, locales: string[]): SimulateOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				map: { type: 'string', multiple: true },
				locale: { type: 'string', default: 'auto' },
				labels: { type: 'string' },
				out: { type: 'string' },
				sample: { type: 'string', default: '30' },
				seed: { type: 'string', default: '1' },
				completion: { type: 'string', default: `${defaultCompletion}` },
				question: { type: 'string', default: defaultQuestionMode },
				site: { type: 'string' },
			},
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values, positionals } = parsed;
	const [input] = positionals;
	if (!input || positionals.length > 1) throw new UsageError(positionals.length > 1 ? `One tickets file, not ${positionals.length}.` : 'Which tickets? Give the CSV file.');
	if (values.locale !== 'auto' && !locales.includes(values.locale)) throw new UsageError(`--locale is auto or one of the help center's locales (${locales.join(', ')}), not "${values.locale}".`);
	if (!questionModes.includes(values.question as QuestionMode)) throw new UsageError(`--question is ${questionModes.join(', ')}, not "${values.question}".`);
	const completion = Number(values.completion);
	if (!(completion >= 0 && completion <= 1)) throw new UsageError(`--completion is a share between 0 and 1, not "${values.completion}".`);
	const path = (value: string, base = cwd) => (isAbsolute(value) ? value : resolve(base, value));
	return {
		input: path(input),
		map: parseMap(values.map ?? []),
		locale: values.locale,
		labels: values.labels === undefined ? undefined : path(values.labels),
		out: values.out === undefined ? undefined : path(values.out),
		sample: integer(values.sample, 'sample', 0),
		seed: integer(values.seed, 'seed', 0),
		completion,
		question: values.question as QuestionMode,
		site: values.site === undefined ? resolve(projectRoot, 'dist/client') : path(values.site),
	};
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../functions/contract/privacy';
import { questionMaxLength } from '../../functions/contract/form-rules';
import { selfServiceActionOf } from '../../src/answers/order-intents';
import { exclusionOf, isOnlyThanks } from '../../scripts/lib/simulate/exclusions';
import { detectLocale, localeOfColumn, ticketLocale } from '../../scripts/lib/simulate/locale';
import { questionOf, sentencesOf, subjectSaysSomething } from '../../scripts/lib/simulate/question';
import { scrub } from '../../scripts/lib/simulate/scrub';
import { parseMap, parseTickets, readTickets, recognisedExport, resolveTicketColumns, SimulateError } from '../../scripts/lib/simulate/tickets';

const projectRoot = join(import.meta.dirname, '../..');
const fixtures = join(projectRoot, 'tests/fixtures/answers');
const scratch = mkdtempSync(join(tmpdir(), 'simulate-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function errorOf(run: () => unknown): SimulateError {
	try {
		run();
	} catch (error) {
		if (error instanceof SimulateError) return error;
		throw error;
	}
	throw new Error('no SimulateError was thrown');
}

describe('reading a tickets CSV', () => {
	it('recognises the column names of a Zendesk export', () => {
		const { tickets, columns } = readTickets(join(fixtures, 'tickets.csv'));
		expect(columns).toEqual({ id: 'Id', subject: 'Subject', body: 'Description', locale: 'Requester language', tags: 'Tags', created: 'Created at', firstReply: 'First agent reply' });
		expect(recognisedExport(columns)).toBe('Zendesk');
		expect(tickets.length).toBeGreaterThanOrEqual(200);
		const ticket = tickets.find((candidate) => candidate.subject === 'Where is my order #1032');
		expect(ticket).toMatchObject({ tags: ['wismo'], created: expect.stringMatching(/^2026-/), firstReply: expect.stringContaining('Colissimo') });
		expect(tickets.find((candidate) => candidate.subject === 'When will I get my refund?')?.body).toMatch(/^Hi,\nI sent back two linen shirts/);
	});

	it('recognises the column names of a Gorgias export', () => {
		const { tickets, columns } = readTickets(join(fixtures, 'tickets-gorgias.csv'));
		expect(columns).toEqual({ id: 'Ticket id', subject: 'Subject', body: 'First customer message', locale: 'Language', tags: 'Tags', created: 'Created date' });
		expect(recognisedExport(columns)).toBe('Gorgias');
		expect(tickets[0]).toMatchObject({ id: '88101', locale: 'en', tags: ['wismo'], row: 2 });
	});

	it('matches column names whatever their case, reads semicolon-separated files and splits tags', () => {
		const { tickets, columns } = parseTickets('ID;SUBJECT;description;TAGS\n7;Refund;How long?;"returns, refund urgent"\n');
		expect(columns).toMatchObject({ id: 'ID', subject: 'SUBJECT', body: 'description', tags: 'TAGS' });
		expect(tickets).toEqual([expect.objectContaining({ id: '7', subject: 'Refund', body: 'How long?', tags: ['returns', 'refund', 'urgent'] })]);
	});

	it('takes the columns named by --map, field=Column, before the recognised ones', () => {
		const map = parseMap(['subject=Title,body=Text', 'id=Number']);
		expect(map).toEqual([
			['subject', 'Title'],
			['body', 'Text'],
			['id', 'Number'],
		]);
		const { tickets } = parseTickets('Number,Title,Text,Description\n5,Sizes,Which size?,ignored\n', { map });
		expect(tickets[0]).toMatchObject({ id: '5', subject: 'Sizes', body: 'Which size?' });
	});

	it('names the missing column and every column the file has', () => {
		const message = errorOf(() => resolveTicketColumns(['Ticket', 'Subject', 'Text'], [], 'export.csv')).message;
		expect(message).toContain('export.csv has no column for id');
		expect(message).toContain('nor for body');
		expect(message).toContain('"Description"');
		expect(message).toContain('Its columns: "Ticket", "Subject", "Text".');
		expect(message).toContain('--map id="Your column"');
	});

	it("says that Zendesk's own CSV export leaves out the tickets' text", () => {
		const header = ['Summation column', 'Id', 'Requester', 'Subject', 'Tags', 'Via', 'Created at'];
		expect(errorOf(() => resolveTicketColumns(header)).message).toMatch(/Zendesk's CSV export, which leaves out the tickets' text/);
	});

	it('refuses a --map to a column the file lacks, to an unknown field, or not of the form field=Column', () => {
		const message = errorOf(() => resolveTicketColumns(['Id', 'Subject', 'Description'], [['body', 'Message']], 'tickets.csv')).message;
		expect(message).toBe('--map body=Message: tickets.csv has no column "Message". Its columns: "Id", "Subject", "Description".');
		expect(errorOf(() => parseMap(['text=Description'])).message).toMatch(/"text" is not a field. Fields: id, subject, body, locale, tags, created, firstReply/);
		expect(errorOf(() => parseMap(['Description'])).message).toMatch(/not of the form field=Column/);
	});

	it('explains a malformed file, an empty one and one without rows', () => {
		expect(errorOf(() => parseTickets('Id,Subject,Description\n1,"open quote,b\n', { fileName: 'bad.csv' })).message).toMatch(/^bad.csv is not a valid CSV file: .*line/);
		expect(errorOf(() => parseTickets('Id,Subject,Description\n1,a\n', { fileName: 'short.csv' })).message).toMatch(/short.csv is not a valid CSV file/);
		expect(errorOf(() => parseTickets('', { fileName: 'empty.csv' })).message).toMatch(/empty.csv is empty/);
		expect(errorOf(() => parseTickets('Id,Subject,Description\n', { fileName: 'header.csv' })).message).toMatch(/header.csv has no rows/);
		expect(errorOf(() => readTickets(join(scratch, 'missing.csv'))).message).toMatch(/missing.csv cannot be read \(ENOENT\)/);
	});

	it('stops the command with the message, exit code 1 and no stack trace', () => {
		const file = join(scratch, 'zendesk.csv');
		writeFileSync(file, 'Id,Subject,Tags\n1,Where is my order,wismo\n');
		const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/simulate.ts'), file], { encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('zendesk.csv has no column for body');
		expect(run.stderr).toContain('Its columns: "Id", "Subject", "Tags".');
		expect(run.stderr).not.toMatch(/^\s+at /m);
		const usage = spawnSync(process.execPath, [join(projectRoot, 'scripts/simulate.ts'), file, '--locale', 'de'], { encoding: 'utf8' });
		expect(usage.status).toBe(2);
		expect(usage.stderr).toMatch(/--locale is auto or one of the help center's locales \(en, fr\)[\s\S]*Usage: npm run simulate/);
	});
});

describe('masking personal data', () => {
	it('masks e-mail addresses, phone numbers and the digits of long numbers', () => {
		expect(scrub('Write to emma.w@example.com please')).toBe('Write to @ please');
		expect(scrub('Call +44 7700 900123 or 06 12 34 56 78 or (555) 123-4567')).toBe('Call # or # or #');
		expect(scrub('Card 4970 1012 3456 7890')).toBe('Card 0000 0000 0000 0000');
		expect(scrub('Order #104587, placed 2026-09-03')).toBe('Order #000000, placed 2026-00-00');
		expect(scrub('Order #1032 in size 38')).toBe('Order #1032 in size 38');
	});

	it('leaves nothing the contract would redact but masked digits', () => {
		for (const text of ['jane.doe@example.com wrote', 'my number is 07700 900123', 'IBAN FR76 3000 6000 0112 3456 7890 189', 'order 10234567']) {
			const masked = scrub(text);
			expect(masked).not.toMatch(/[1-9]\d{4,}/);
			expect(redactPersonalData(masked)).not.toContain('example.com');
		}
	});

	it('keeps what the engine routes on: a question naming an order goes to the same page after masking', () => {
		for (const question of ['Where is my order #104587?', 'I want to return the shirt from order 1065', 'change the address of order 123456 please', 'which size is a UK 12?', 'refund for 2024 order']) {
			expect(selfServiceActionOf(scrub(question), 'en'), question).toBe(selfServiceActionOf(question, 'en'));
		}
	});
});

describe('the question asked for a ticket', () => {
	it('is the subject and the first two sentences of the message, without greeting, sign-off, signature or quoted reply', () => {
		const body = 'Hi there,\nI returned two shirts last week. You got them on Monday. How long until my refund?\nThanks,\nRachel\n\nOn Mon, 3 Oct 2026, Alder & Pine wrote:\n> Your return has been received';
		expect(sentencesOf(body)).toEqual(['I returned two shirts last week.', 'You got them on Monday.', 'How long until my refund?', 'Rachel']);
		expect(questionOf('Re: Refund', body)).toBe('Refund. I returned two shirts last week. You got them on Monday.');
		expect(questionOf('Re: Refund', body, 'subject')).toBe('Refund.');
		expect(questionOf('Re: Refund', body, 'body')).toBe('I returned two shirts last week. You got them on Monday.');
	});

	it('leaves out a subject that names no topic, and falls back on it when the message is empty', () => {
		expect(subjectSaysSomething('Question')).toBe(false);
		expect(subjectSaysSomething('Order #1032')).toBe(false);
		expect(subjectSaysSomething('Demande de renseignement')).toBe(false);
		expect(subjectSaysSomething('Klarna')).toBe(true);
		expect(questionOf('Question', 'Do you ship to Canada?')).toBe('Do you ship to Canada?');
		expect(questionOf('Where is my order #1032', '')).toBe('Where is my order #1032.');
	});

	it('is cut at a word to the API’s longest question', () => {
		const question = questionOf('Sizes', `${'very '.repeat(150)}long. Second.`);
		expect(question.length).toBeLessThanOrEqual(questionMaxLength);
		expect(question).toMatch(/very$/);
	});
});

describe('tickets left out', () => {
	const ticket = (subject: string, body: string, tags: string[] = []) => exclusionOf({ subject, body, tags });

	it('leaves out empty tickets, thanks, automatic replies and spam, with the reason', () => {
		expect(ticket('', '  ')).toBe('empty');
		expect(ticket('Re: Your order #1033 has shipped', 'Thanks!')).toBe('thanks');
		expect(ticket('Re: Remboursement', 'Bien reçu, merci pour votre réponse rapide. Bonne journée')).toBe('thanks');
		expect(ticket('Re: question', 'ok thanks Sarah')).toBe('thanks');
		expect(ticket('Automatic reply: Your order', 'I am out of the office until Monday.')).toBe('auto-reply');
		expect(ticket('Votre retour', "Je suis absente jusqu'au 15 octobre.")).toBe('auto-reply');
		expect(ticket('Delivery Status Notification (Failure)', 'Delivery failed')).toBe('auto-reply');
		expect(ticket('Grow your traffic', 'We get you on the first page of Google with SEO.')).toBe('spam');
		expect(ticket('Hello', 'Great offer', ['spam'])).toBe('spam');
		expect(ticket('Offer', 'see https://a.example https://b.example https://c.example')).toBe('spam');
	});

	it('keeps every ticket that asks something, thanks or not', () => {
		expect(ticket('Refund', 'Thanks for the label! When will I get my refund?')).toBeUndefined();
		expect(ticket('Re: Your order has shipped', 'Thanks, but it is the wrong size')).toBeUndefined();
		expect(ticket('Cancel', 'Cancel')).toBeUndefined();
		expect(ticket('', 'Where is my order?')).toBeUndefined();
		expect(isOnlyThanks('Thank you?')).toBe(false);
		expect(isOnlyThanks('Is this for me')).toBe(false);
		expect(isOnlyThanks('Thanks a lot Sarah, have a nice day')).toBe(true);
	});
});

describe('the language of a ticket', () => {
	it('is detected among the help center’s locales by the words only one of them uses', () => {
		expect(detectLocale('Hi, where is my parcel? I ordered it last week', ['en', 'fr'])).toBe('en');
		expect(detectLocale("Bonjour, je n'ai pas reçu ma commande, pouvez-vous vérifier ?", ['en', 'fr'])).toBe('fr');
		expect(detectLocale('Klarna #1032', ['en', 'fr'])).toBeUndefined();
	});

	it('reads a language column written as a code or a name', () => {
		expect(localeOfColumn('fr-FR', ['en', 'fr'])).toBe('fr');
		expect(localeOfColumn('en_GB', ['en', 'fr'])).toBe('en');
		expect(localeOfColumn('French', ['en', 'fr'])).toBe('fr');
		expect(localeOfColumn('Français', ['en', 'fr'])).toBe('fr');
		expect(localeOfColumn('de', ['en', 'fr'])).toBeUndefined();
		expect(localeOfColumn('', ['en', 'fr'])).toBeUndefined();
	});

	it('comes from the text first, then the column, then the default; or from --locale for every ticket', () => {
		const options = { mode: 'auto', locales: ['en', 'fr'], defaultLocale: 'en' };
		expect(ticketLocale('Bonjour, où est ma commande ?', 'en-US', options)).toEqual({ locale: 'fr', source: 'text' });
		expect(ticketLocale('Klarna #1032', 'fr', options)).toEqual({ locale: 'fr', source: 'column' });
		expect(ticketLocale('Klarna #1032', '', options)).toEqual({ locale: 'en', source: 'default' });
		expect(ticketLocale('Bonjour, où est ma commande ?', '', { ...options, mode: 'en' })).toEqual({ locale: 'en', source: 'given' });
	});

	it('is right for every ticket of the fixture: 142 written in English, 95 in French', () => {
		const { tickets } = readTickets(join(fixtures, 'tickets.csv'));
		const counts: Record<string, number> = {};
		for (const ticket of tickets) {
			const { locale } = ticketLocale(scrub(`${ticket.subject}\n${ticket.body}`), ticket.locale, { mode: 'auto', locales: ['en', 'fr'], defaultLocale: 'en' });
			counts[locale] = (counts[locale] ?? 0) + 1;
		}
		expect(counts).toEqual({ en: 142, fr: 95 });
	});
});

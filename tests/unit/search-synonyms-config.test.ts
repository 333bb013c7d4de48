import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config/parse-site-config';

const demo = readFileSync(join(import.meta.dirname, '../../content/site.yaml'), 'utf8');
const withSearch = (search: string) => demo.replace(/^search:\n(?:[ \t].*\n|\n)*/m, `${search}\n`);
const problems = (search: string) => {
	try {
		parseSiteConfig(withSearch(search));
		return '';
	} catch (error) {
		return (error as Error).message;
	}
};

describe('search.synonyms in site.yaml', () => {
	it('reads the demo synonyms per locale', () => {
		const { synonyms } = parseSiteConfig(demo).search;
		expect(synonyms['en']).toContainEqual(['refund', 'money back', 'reimbursement', 'reimburse']);
		expect(synonyms['fr']?.some((group) => group.includes('remboursement'))).toBe(true);
	});

	it('is optional', () => {
		expect(parseSiteConfig(withSearch('')).search.synonyms).toEqual({});
	});

	it('explains each mistake with the field to fix', () => {
		expect(problems('search:\n  synonyms:\n    en:\n      - [refund]')).toMatch(/\[search\.synonyms\.en\.0\].*at least two/);
		expect(problems('search:\n  synonyms:\n    en:\n      - [refund, Refund]')).toMatch(/\[search\.synonyms\.en\.0\].*twice/);
		expect(problems('search:\n  synonyms:\n    en:\n      - [refund, "<b>money</b>"]')).toMatch(/\[search\.synonyms\.en\.0\.1\].*letters, digits/);
		expect(problems('search:\n  synonyms:\n    de:\n      - [rückerstattung, geld zurück]')).toMatch(/\[search\.synonyms\.de\].*not in locales/);
		expect(problems('search:\n  synonym:\n    en: []')).toMatch(/\[search\].*unknown field "synonym"/);
	});
});

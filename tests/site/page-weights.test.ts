import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clientDir } from '../support/built-site';
import { pageWeightBudgets } from '../support/page-weight-budgets';
import { fileBudgetProblems, filesUnder, firstRoundTripProblems, pageKind } from '../support/validators/whole-site';
import { openSite } from '../support/validators/site';

const site = openSite();
const allFiles = filesUnder(clientDir);
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe('page weights, against the declared budgets', () => {
	it('sends the home, category and article pages in one first round trip', () => {
		const kinds = new Set([...site.pages.keys()].map(pageKind));
		expect([...kinds]).toEqual(expect.arrayContaining(['home', 'category', 'article']));
		const categories = new Set([...site.pages.keys()].filter((path) => pageKind(path) === 'category' && readFileSync(site.pages.get(path) ?? '', 'utf8').includes('article-list')));
		expect(categories.size).toBeGreaterThanOrEqual(12);
		expect(firstRoundTripProblems(site, categories)).toEqual([]);
	});

	it('keeps every other page, the 404s, search and self-service pages included, within the same budget', () => {
		const over = [...site.pages].map(([path, file]) => ({ path, bytes: gzipped(file) })).filter(({ bytes }) => bytes > pageWeightBudgets.firstRoundTrip);
		expect(over).toEqual([]);
	});

	it('keeps each JavaScript file, image and pack within its budget', () => {
		expect(fileBudgetProblems(clientDir)).toEqual([]);
		// The budgets measure real files: the site has scripts, images and packs.
		expect(allFiles.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(3);
		expect(allFiles.filter((file) => /\.(svg|png)$/.test(file)).length).toBeGreaterThan(3);
		expect(allFiles.filter((file) => file.endsWith('.pack')).length).toBeGreaterThan(10);
	});
});

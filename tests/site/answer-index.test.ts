import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { AnswerManifest, StoredUnit } from '../../src/answers/index-layout';
import { readSiteConfig } from '../../src/config/read-site-config';
import { clientDir, resolveBuiltPath } from '../support/built-site';

const config = readSiteConfig(new URL('../../', import.meta.url));

function unitsOf(locale: string): StoredUnit[] {
	const folder = join(clientDir, 'answers', locale);
	return readdirSync(folder)
		.filter((name) => name.startsWith('units-'))
		.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
		.flatMap((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as StoredUnit[]);
}

describe('the answer index', () => {
	for (const { code: locale } of config.locales) {
		it(`${locale}: every passage links to an element of its built article page, in its own language`, () => {
			const manifest = JSON.parse(readFileSync(join(clientDir, 'answers', locale, 'index.json'), 'utf8')) as AnswerManifest;
			const units = unitsOf(locale);
			expect(units.length).toBe(manifest.units);
			expect(units.length).toBeGreaterThan(150);
			const missing: string[] = [];
			const pages = new Map<string, Document>();
			for (const unit of units) {
				const [path = '', anchor] = unit.u.split('#');
				expect(path.startsWith(`/${locale}/`), unit.u).toBe(true);
				let page = pages.get(path);
				if (!page) {
					const file = resolveBuiltPath(path);
					expect(file, path).toBeDefined();
					page = parseHTML(readFileSync(file as string, 'utf8')).document;
					pages.set(path, page);
				}
				if (anchor && !page.getElementById(decodeURIComponent(anchor))) missing.push(unit.u);
			}
			expect(missing).toEqual([]);
		});
	}

	it('holds each passage word for word as the page shows it, with no markup, no draft and no component code', () => {
		const units = unitsOf('en');
		expect(units.some((unit) => unit.k === 'faq')).toBe(true);
		expect(units.some((unit) => unit.k === 'lead')).toBe(true);
		for (const unit of units) {
			expect(unit.x, unit.u).not.toMatch(/<\/?[A-Z]\w*|\*\*|\]\(|!\[/);
			expect(unit.x.split(/\s+/).length, unit.u).toBeLessThanOrEqual(125);
		}
		// gift-wrapping is a draft in the demo.
		expect(units.some((unit) => unit.a === 'gift-wrapping')).toBe(false);
		const refund = units.find((unit) => unit.u === '/en/returns-refunds/refund-timing#faq-1');
		expect(refund?.h).toBe('How long does a refund take?');
		expect(refund?.x).toBe('We send it within 5 business days of your parcel reaching our warehouse. Your bank may need a few more days to show it.');
	});
});

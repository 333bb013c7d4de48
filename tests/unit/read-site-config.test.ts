import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteConfigError } from '../../src/config/parse-site-config';
import { readSiteConfig } from '../../src/config/read-site-config';
import { makeContentFixture } from '../support/content-fixture';

describe('readSiteConfig', () => {
	it('reads the project’s content/site.yaml, from a folder path or a file URL', () => {
		const fixture = makeContentFixture();
		expect(readSiteConfig(fixture.root).locales.map((locale) => locale.code)).toEqual(['en', 'fr']);
		expect(readSiteConfig(new URL('../../', import.meta.url)).defaultLocale).toBe('en');
	});

	it('names the file and each field to fix', () => {
		const fixture = makeContentFixture();
		fixture.edit('content/site.yaml', (text) => text.replace(/replyWithinHours: \d+/, 'replyWithinHours: -3'));
		expect(() => readSiteConfig(fixture.root)).toThrow(SiteConfigError);
		expect(() => readSiteConfig(fixture.root)).toThrow(/content\/site\.yaml \[contact\.replyWithinHours\]/);
	});

	it('says so when the file is missing', () => {
		const fixture = makeContentFixture();
		rmSync(join(fixture.root, 'content/site.yaml'));
		expect(() => readSiteConfig(fixture.root)).toThrow(/content\/site\.yaml {2}is missing/);
	});
});

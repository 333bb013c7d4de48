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

	it('takes the storefront widget\u2019s shops as origins only, and says how to write one', () => {
		const fixture = makeContentFixture();
		const withShops = (origins: string[]) =>
			fixture.edit('content/site.yaml', (text) => `${text.replace(/\nwidget:[\s\S]*?(?=\n\S|$)/, '')}\nwidget:\n  allowedOrigins:\n${origins.map((origin) => `    - "${origin}"`).join('\n')}\n`);
		withShops(['https://alderandpine.example', 'https://www.alderandpine.example:8443', 'http://localhost:3000']);
		expect(readSiteConfig(fixture.root).widget.allowedOrigins).toEqual(['https://alderandpine.example', 'https://www.alderandpine.example:8443', 'http://localhost:3000']);
		const problems = (origin: string) => {
			withShops([origin]);
			try {
				readSiteConfig(fixture.root);
			} catch (error) {
				return (error as Error).message;
			}
			return 'accepted';
		};
		expect(problems('https://alderandpine.example/')).toMatch(/\[widget\.allowedOrigins\.0\] +"https:\/\/alderandpine\.example\/" is not an origin: .*\("https:\/\/alderandpine\.example"\)/);
		expect(problems('https://alderandpine.example/products')).toMatch(/is not an origin/);
		expect(problems('https://Alderandpine.example')).toMatch(/in lower case/);
		expect(problems('http://alderandpine.example')).toMatch(/must start with https:\/\//);
		expect(problems('alderandpine.example')).toMatch(/is not a web address/);
		expect(problems('*')).toMatch(/a wildcard would let any site call/);
		expect(problems('https://*.alderandpine.example')).toMatch(/a wildcard/);
	});

	it('says so when the file is missing', () => {
		const fixture = makeContentFixture();
		rmSync(join(fixture.root, 'content/site.yaml'));
		expect(() => readSiteConfig(fixture.root)).toThrow(/content\/site\.yaml {2}is missing/);
	});
});

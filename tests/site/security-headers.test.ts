import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toVideoEmbed } from '../../src/utils/video-embed';
import { builtPages, clientDir, loadDocument } from '../support/built-site';

/** The rules of a `_headers` file as Cloudflare reads them: a path, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
	const rules = new Map<string, Map<string, string>>();
	let current: Map<string, string> | undefined;
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.set(line.trim(), (current = new Map()));
		else {
			const [name = '', ...value] = line.trim().split(':');
			current?.set(name.trim().toLowerCase(), value.join(':').trim());
		}
	}
	return rules;
}

const headersFile = readFileSync(join(clientDir, '_headers'), 'utf8');
const everyFile = parseHeadersFile(headersFile).get('/*');
const policy = new Map(
	(everyFile?.get('content-security-policy') ?? '').split(';').map((directive) => {
		const [name = '', ...sources] = directive.trim().split(/\s+/);
		return [name, sources] as const;
	}),
);
const sources = (directive: string) => policy.get(directive) ?? [];

const pages = [...builtPages().values()].map((file) => ({ file, document: loadDocument(file) }));

describe('the security headers of the built site (dist/client/_headers)', () => {
	it('give every file framing protection, nosniff, a referrer policy, HSTS and a policy', () => {
		expect(everyFile).toBeDefined();
		expect(Object.fromEntries([...(everyFile ?? [])].filter(([name]) => name !== 'content-security-policy'))).toEqual({
			'strict-transport-security': expect.stringMatching(/^max-age=(\d{8,})/),
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'cross-origin-opener-policy': 'same-origin',
		});
		// Cloudflare skips lines over 2,000 characters and rules past the hundredth, silently.
		for (const line of headersFile.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
		expect(parseHeadersFile(headersFile).size).toBeLessThanOrEqual(100);
	});

	it('allow scripts from the site and inline scripts by hash only, never any inline script or eval', () => {
		expect(sources('default-src')).toEqual(["'self'"]);
		expect(sources('script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
		expect(sources('script-src').filter((source) => /^'unsafe-(inline|eval|hashes)'$|\*|^(https?|data|blob):$/.test(source))).toEqual([]);
		expect(sources('object-src')).toEqual(["'none'"]);
		expect(sources('base-uri')).toEqual(["'none'"]);
		expect(sources('frame-ancestors')).toEqual(["'none'"]);
		// The pages carry their CSS inline, and that is the only exception.
		expect(sources('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
	});

	it('list the hash of every inline script of every page, and nothing else runs inline', () => {
		expect(pages.length).toBeGreaterThan(50);
		const hashes = new Set<string>();
		for (const { file, document } of pages) {
			for (const script of document.querySelectorAll('script:not([src])')) {
				const type = script.getAttribute('type');
				if (type === 'application/ld+json' || type === 'application/json') continue;
				hashes.add(`'sha256-${createHash('sha256').update(script.textContent ?? '').digest('base64')}'`);
			}
			// Handlers and javascript: addresses cannot be allowed by hash: none may exist.
			const inlineHandlers = [...document.querySelectorAll('*')].flatMap((element) =>
				element.getAttributeNames().filter((name) => /^on/i.test(name) || (/^(href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(element.getAttribute(name) ?? ''))),
			);
			expect(inlineHandlers, file).toEqual([]);
		}
		expect(hashes.size).toBeGreaterThan(0);
		expect(sources('script-src').filter((source) => source.startsWith("'sha256-")).sort()).toEqual([...hashes].sort());
	});

	it('allow the scripts and frames the pages load from elsewhere, and the players of the Video component', () => {
		const allowed = (directive: string, address: string) => {
			const url = new URL(address, 'https://help.test/');
			return url.origin === 'https://help.test' ? sources(directive).includes("'self'") : sources(directive).includes(url.origin);
		};
		for (const { file, document } of pages) {
			for (const script of document.querySelectorAll('script[src]')) expect(allowed('script-src', script.getAttribute('src') ?? ''), `${file}: ${script.getAttribute('src')}`).toBe(true);
			for (const frame of document.querySelectorAll('iframe[src]')) expect(allowed('frame-src', frame.getAttribute('src') ?? ''), `${file}: ${frame.getAttribute('src')}`).toBe(true);
		}
		for (const video of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://vimeo.com/76979871']) {
			expect(allowed('frame-src', toVideoEmbed(video)?.embedUrl ?? ''), video).toBe(true);
		}
	});
});

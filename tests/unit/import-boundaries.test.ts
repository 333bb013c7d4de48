import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * The only imports allowed between the site (`src/`) and the edge API (`functions/`). The site talks to the API
 * over HTTP, so it may know the HTTP contract and nothing else; the API writes in the site's languages and serves
 * its config, so it may read those. The Worker's entry is where the two meet.
 */
const allowedCrossings: { from: string; to: string; why: string }[] = [
	{ from: 'src/', to: 'functions/contract/', why: 'requests, responses, error codes and events: what crosses HTTP' },
	{ from: 'src/worker/', to: 'functions/app', why: 'the Worker mounts the API at /api' },
	{ from: 'src/worker/', to: 'functions/background/', why: 'the Worker runs the API’s queue consumer and cron sweep' },
	{ from: 'functions/', to: 'src/config/', why: 'the validated site config (languages, policies, brand)' },
	{ from: 'functions/', to: 'src/i18n/', why: 'messages and e-mails in the shopper’s language' },
	{ from: 'functions/', to: 'src/answers/', why: 'the answer engine, which answers in the Worker and in the command-line tools alike' },
	{ from: 'src/worker/', to: 'functions/mcp/app', why: 'the Worker mounts the MCP endpoint at /mcp' },
	{ from: 'functions/mcp/', to: 'src/agents/catalog-layout', why: 'the catalogue of articles the build writes for the MCP endpoint to read' },
	{ from: 'functions/mcp/', to: 'src/worker/packed-assets', why: 'the MCP endpoint hands agents the Markdown twins out of the packs the Worker serves them from' },
];

/** The two sides; a file belongs to the first whose folder holds it. */
const sides = ['src/', 'functions/'];

function sourceFiles(folder: string): string[] {
	return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|mts|mjs|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The code of a file where imports can be: all of a TypeScript file, the frontmatter and scripts of an Astro one. */
function importingCode(file: string): string {
	const text = readFileSync(join(root, file), 'utf8');
	if (!file.endsWith('.astro')) return text;
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
	return [frontmatter, ...scripts].join('\n');
}

/**
 * The project files a file imports (static, type-only, dynamic and side-effect imports), relative to the root and
 * without their extension.
 */
function importsOf(file: string): string[] {
	const { importedFiles } = ts.preProcessFile(importingCode(file), true, true);
	return importedFiles
		.map(({ fileName }) => fileName)
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => relative(root, resolve(dirname(join(root, file)), specifier)).replace(/\.(ts|mts|mjs|js)$/, ''));
}

const sideOf = (path: string) => sides.find((side) => path.startsWith(side));

/** Every import from one side into the other that no rule allows, as `from → to`. */
function forbiddenCrossings(files: string[]): string[] {
	return files.flatMap((file) =>
		importsOf(file)
			.filter((target) => {
				const fromSide = sideOf(file);
				const toSide = sideOf(target);
				if (!toSide || fromSide === toSide) return false;
				return !allowedCrossings.some((rule) => file.startsWith(rule.from) && (rule.to.endsWith('/') ? target.startsWith(rule.to) : target === rule.to));
			})
			.map((target) => `${file} → ${target}`),
	);
}

describe('imports between the site and the API', () => {
	const files = sides.flatMap(sourceFiles);

	it('reads every import form, in TypeScript and Astro files', () => {
		expect(files.length).toBeGreaterThan(100);
		const crossings = files.flatMap((file) => importsOf(file).filter((target) => sideOf(target) && sideOf(target) !== sideOf(file)));
		// The pages import the contract (Astro frontmatter) and the browser code imports its types (TypeScript).
		expect(crossings.some((path) => path.startsWith('functions/contract/form-rules'))).toBe(true);
		expect(crossings.some((path) => path.startsWith('functions/contract/responses'))).toBe(true);
		expect(crossings.some((path) => path.startsWith('src/i18n/'))).toBe(true);
	});

	it('cross only through the HTTP contract, the site config and the UI strings', () => {
		expect(forbiddenCrossings(files)).toEqual([]);
	});
});

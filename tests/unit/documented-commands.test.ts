import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The pages that tell people which commands to type. */
const documents = ['README.md', '.github/CONTRIBUTING.md', 'content/README.md', 'ARCHITECTURE.md', 'SECURITY.md'];

/** npm's own commands, which need no script of ours. */
const npmCommands = new Set(['install', 'ci']);

/** Every `npm run <name>`, `npm start` and `npm test` a page names, with where. */
function documentedScripts(): { script: string; where: string }[] {
	return documents.flatMap((document) =>
		readFileSync(join(root, document), 'utf8')
			.split('\n')
			.flatMap((line, index) =>
				[...line.matchAll(/\bnpm (?:run ([\w:.-]*[\w-])|(start|test|install|ci)\b)/g)].map((match) => ({
					script: match[1] ?? match[2] ?? '',
					where: `${document}:${index + 1}`,
				})),
			),
	);
}

describe('the commands the documentation names', () => {
	const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

	it('reads the pages (the check would pass on nothing)', () => {
		const named = new Set(documentedScripts().map(({ script }) => script));
		for (const script of ['start', 'test', 'check', 'import', 'new:article']) expect(named.has(script), script).toBe(true);
	});

	it('each exist in package.json', () => {
		const missing = documentedScripts().filter(({ script }) => !npmCommands.has(script) && !(script in scripts));
		expect(missing).toEqual([]);
	});

	it('run their scripts through npm, so the project’s own Node.js runs them', () => {
		// A bare `node file.ts` on the machine's Node.js 20 fails; npm puts the project's Node.js 24 first on the PATH.
		for (const [name, command] of Object.entries(scripts)) {
			for (const file of command.matchAll(/\bnode ([\w./-]+\.ts)\b/g)) {
				expect(() => readFileSync(join(root, file[1] ?? '')), `${name}: ${file[1]}`).not.toThrow();
			}
		}
	});
});

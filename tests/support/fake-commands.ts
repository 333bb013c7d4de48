import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll } from 'vitest';

const folders: string[] = [];
// Registered on the importing test file (tests may run concurrently, so not per test).
afterAll(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What a fake command answers when its arguments match `match` (the first rule that matches wins). */
export interface FakeAnswer {
	match: string;
	stdout?: string;
	stderr?: string;
	code?: number;
}

/**
 * Stand-ins for `wrangler` and `npm` on PATH, so scripts that call them run in tests without Cloudflare or a
 * build: each call is logged, and answered by the first rule whose pattern matches its arguments (else nothing,
 * exit 0). The stand-ins are removed once the test file has run.
 */
export function fakeCommands(answers: Record<string, FakeAnswer[]>) {
	const bin = mkdtempSync(join(tmpdir(), 'fake-commands-'));
	folders.push(bin);
	const log = join(bin, 'calls.jsonl');
	writeFileSync(log, '');
	for (const [program, rules] of Object.entries(answers)) {
		const path = join(bin, program);
		writeFileSync(
			path,
			`#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify([${JSON.stringify(program)}, ...args]) + '\\n');
const rule = ${JSON.stringify(rules)}.find((candidate) => new RegExp(candidate.match).test(args.join(' ')));
if (rule?.stdout) process.stdout.write(rule.stdout);
if (rule?.stderr) process.stderr.write(rule.stderr);
process.exit(rule?.code ?? 0);
`,
		);
		chmodSync(path, 0o755);
	}
	return {
		/** Every call so far, as `[program, ...args]`. */
		calls: (): string[][] =>
			readFileSync(log, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as string[]),
		/** Runs one of the project's scripts with these fakes first on PATH, in `cwd`; resolves once it has exited. */
		runScript(script: string, args: string[], cwd = resolve(import.meta.dirname, '../..')): Promise<{ code: number | null; stdout: string; stderr: string }> {
			const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../scripts', script), ...args], {
				cwd,
				env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1' },
				timeout: 60_000,
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
		},
	};
}

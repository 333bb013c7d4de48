import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the Nu HTML Checker (vnu-jar) on every HTML file under `dir`; returns its errors as `/path: message`. */
export function validateHtml(dir: string): string[] {
	const vnu = createRequire(import.meta.url)('vnu-jar') as string;
	let output = '';
	try {
		execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (error) {
		output = (error as { stderr?: string }).stderr ?? String(error);
	}
	if (!output) return [];
	const { messages } = JSON.parse(output) as { messages: { url: string; message: string }[] };
	return messages.map((message) => `/${relative(dir, fileURLToPath(message.url))}: ${message.message}`);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from '../content-checks/check-content';

/** The `err` of a Vite error payload, with the fields Astro's error overlay shows (`message` and `hint` are HTML). */
export interface OverlayError {
	name: string;
	title: string;
	message: string;
	hint: string;
	stack: string;
	/** Where the code frame points; only when the line is known (the message names the file in any case). */
	loc?: { file: string; line: number; column: number };
	highlightedCode?: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The lines of `text` around `line`, that line marked, as the overlay's code frame shows them. */
function codeFrame(text: string, line: number): string {
	const lines = text.split(/\r?\n/);
	const first = Math.max(1, line - 4);
	const shown = lines.slice(first - 1, line + 3).map((content, index) => {
		const number = first + index;
		return `<span class="line${number === line ? ' error-line' : ''}">${escapeHtml(content)}</span>`;
	});
	return `<pre class="astro-code"><code>${shown.join('\n')}</code></pre>`;
}

/**
 * The error payload for the browser's overlay for the content's errors: the first one, with its file, line and fix,
 * and its file's lines around it; how many others there are, which the terminal lists. Marked as already prepared,
 * so Astro's dev server passes it on as it is.
 */
export function contentProblemPayload(root: string, errors: ContentProblem[]): { type: 'error'; err: OverlayError; __isEnhancedAstroErrorPayload: true } {
	const [first, ...others] = errors;
	if (!first) throw new Error('contentProblemPayload needs at least one problem.');
	const where = first.line ? `${first.file}, line ${first.line}` : first.file;
	const more = others.length > 0 ? ` And ${others.length} more problem(s), listed in the terminal: ${[...new Set(others.map((other) => other.file))].join(', ')}.` : '';
	let text: string | undefined;
	try {
		text = readFileSync(join(root, first.file), 'utf8');
	} catch {
		// A deleted or unreadable file: the message names it all the same.
	}
	const err: OverlayError = {
		name: 'Content problem',
		title: `${errors.length} content problem(s) to fix`,
		message: escapeHtml(`${where}${first.field ? ` [${first.field}]` : ''}: ${first.message}${more}`),
		hint: escapeHtml(`How to fix: ${first.fix} Save the file and the page comes back.`),
		// The overlay's stack section: every error in the terminal's words.
		stack: errors.map((problem) => `${[problem.file, problem.line].filter(Boolean).join(':')}  ${problem.message}  (${problem.fix})`).join('\n'),
		...(first.line ? { loc: { file: join(root, first.file), line: first.line, column: first.column ?? 1 } } : {}),
		...(first.line && text !== undefined ? { highlightedCode: codeFrame(text, first.line) } : {}),
	};
	return { type: 'error', err, __isEnhancedAstroErrorPayload: true };
}

/** Where the dev server answers how many content errors there are (`{"errors":n}`), for the page below. */
export const contentCheckPath = '/__help-center/content-check';

/**
 * The page served for a page load while the content has errors: the error overlay, drawn by Vite's client with the
 * error written into the page (not sent over the dev server's socket, which a page still loading can miss), and a loop
 * that reloads the page once the errors are gone.
 */
export function contentErrorPage(err: OverlayError): string {
	const data = JSON.stringify(err).replace(/</g, '\\u003c');
	return `<!doctype html><html lang="en"><title>Content problem</title>
<script type="application/json" id="content-problem">${data}</script>
<script type="module">
import { ErrorOverlay } from '/@vite/client';
document.body.append(new ErrorOverlay(JSON.parse(document.getElementById('content-problem').textContent)));
for (;;) {
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const answer = await fetch(${JSON.stringify(contentCheckPath)}).then((response) => response.json()).catch(() => undefined);
	if (answer && answer.errors === 0) location.reload();
}
</script></html>`;
}

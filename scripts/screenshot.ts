/**
 * `npm run screenshot` — refreshes the pictures in the docs: the README's (the English home page on a desktop
 * and an article on a phone, from the built site served by `wrangler dev`; run `npm run build` first, and the
 * insights report of `npm run report` drawn from a sample month) and CONTRIBUTING's (what `npm run check` prints
 * for a few typical mistakes).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { dayOf } from './lib/report/period.ts';
import { reportPicture } from './lib/report/report-picture.ts';
import { sampleDatabase } from './lib/report/sample-month.ts';
import { sideBySide } from './lib/side-by-side.ts';
import { startWorker } from './lib/worker-server.ts';

/** Runs `npm run check` on a copy of the test fixture with three typical mistakes, and returns what it prints. */
function checkOutputWithMistakes(): string {
	const root = mkdtempSync(join(tmpdir(), 'help-center-check-'));
	cpSync('tests/fixtures/content', join(root, 'content'), { recursive: true });
	cpSync('tests/fixtures/public', join(root, 'public'), { recursive: true });
	const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
	edit('content/en/shipping/customs.md', (text) => text.replace('updated:', 'category: shiping\nupdated:'));
	edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('/en/shipping/customs', '/en/shipping/custom').replace('![A parcel on a doorstep]', '![]'));
	const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--root', root], { encoding: 'utf8' });
	return `$ npm run check\n${result.stdout}${result.stderr}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const worker = await startWorker();
const browser = await launchChromium();
try {
	const desktop = await browser.newPage({ viewport: { width: 1200, height: 760 } });
	await desktop.goto(`${worker.url}/en`);
	const phone = await browser.newPage({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 1, colorScheme: 'dark' });
	await phone.goto(`${worker.url}/fr/returns-refunds/retourner-un-article`);
	await sideBySide(browser, [await desktop.screenshot(), await phone.screenshot()], { width: 1600, height: 760 }, '.github/screenshot.png');
	console.log('Wrote .github/screenshot.png');
	const terminal = await browser.newPage({ viewport: { width: 1100, height: 300 } });
	await terminal.setContent(
		`<body style="margin:0;background:#1b2220"><pre style="margin:0;padding:20px;color:#eef2ef;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap">${escapeHtml(checkOutputWithMistakes())}</pre></body>`,
	);
	await terminal.locator('pre').screenshot({ path: '.github/check-output.png' });
	console.log('Wrote .github/check-output.png');
	const report = join(mkdtempSync(join(tmpdir(), 'help-center-report-')), 'report.html');
	const sample = sampleDatabase(dayOf(new Date()));
	const made = spawnSync(process.execPath, ['scripts/report.ts', '--persist-to', sample, '--out', report], { encoding: 'utf8' });
	rmSync(sample, { recursive: true, force: true });
	if (made.status !== 0) throw new Error(`npm run report failed:\n${made.stderr}`);
	await reportPicture(browser, report, '.github/report.png');
	console.log('Wrote .github/report.png');
} finally {
	await browser.close();
	await worker.stop();
}

/**
 * `npm run screenshot` — refreshes the README's screenshot: the English home page on a desktop and an article
 * on a phone, side by side, from the built site served by `wrangler dev`. Run `npm run build` first.
 */
import { chromium } from 'playwright-core';
import { startWorker } from './lib/worker-server.ts';

const worker = await startWorker();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
	const desktop = await browser.newPage({ viewport: { width: 1200, height: 760 } });
	await desktop.goto(`${worker.url}/en`);
	const phone = await browser.newPage({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 1, colorScheme: 'dark' });
	await phone.goto(`${worker.url}/fr/returns-refunds/retourner-un-article`);
	const [wide, narrow] = [await desktop.screenshot(), await phone.screenshot()];
	const canvas = await browser.newPage({ viewport: { width: 1600, height: 760 } });
	await canvas.setContent(
		`<body style="margin:0;display:flex;gap:40px;background:#d9ddd9"><img src="data:image/png;base64,${wide.toString('base64')}"><img src="data:image/png;base64,${narrow.toString('base64')}"></body>`,
	);
	await canvas.screenshot({ path: '.github/screenshot.png' });
	console.log('Wrote .github/screenshot.png');
} finally {
	await browser.close();
	await worker.stop();
}

import type { Browser } from 'playwright-core';

/** Puts screenshots side by side on a grey canvas of `width` × `height` and saves it as a PNG at `path`. */
export async function sideBySide(browser: Browser, shots: Buffer[], size: { width: number; height: number }, path: string): Promise<void> {
	const canvas = await browser.newPage({ viewport: size });
	const images = shots.map((shot) => `<img src="data:image/png;base64,${shot.toString('base64')}">`).join('');
	await canvas.setContent(`<body style="margin:0;display:flex;gap:40px;background:#d9ddd9">${images}</body>`);
	await canvas.screenshot({ path });
	await canvas.close();
}

/**
 * `npm run social-image` — draws the picture shown when a page of the help center is shared (Open Graph and
 * X/Twitter cards): 1200×630, in the brand's colours, with its logo, its name and the help center's title in
 * every language. Writes it to the path given as `brand.socialImage` in content/site.yaml.
 */
import { readFileSync } from 'node:fs';
import { SiteConfigError } from '../src/config/parse-site-config.ts';
import { readSiteConfig } from '../src/config/read-site-config.ts';
import type { SiteConfig } from '../src/schemas/site-config.ts';
import { launchChromium } from '../tests/support/browser.ts';

const root = new URL('../', import.meta.url);
let site: SiteConfig;
try {
	site = readSiteConfig(root);
} catch (error) {
	if (!(error instanceof SiteConfigError)) throw error;
	console.error(error.message);
	process.exit(1);
}
const target = site.brand.socialImage;
if (!target) {
	console.error('Set brand.socialImage in content/site.yaml (for example /brand/social-card.png) first.');
	process.exit(1);
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
const titles = site.locales.map(({ code }) => {
	const strings = JSON.parse(readFileSync(new URL(`src/i18n/${code}.json`, root), 'utf8')) as Record<string, string>;
	return (strings['site.title'] ?? '{brand}').replace('{brand}', site.brand.name);
});
const logo = readFileSync(new URL(`public${site.brand.logo}`, root));
const { colors, fonts } = site.brand;

const html = `<!doctype html><meta charset="utf-8"><style>
	body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
		gap: 36px; padding: 0 96px; box-sizing: border-box; background: ${colors.light.background};
		border-bottom: 24px solid ${colors.light.primary}; font-family: ${fonts.body}; color: ${colors.light.text}; }
	.brand { display: flex; align-items: center; gap: 32px; }
	img { width: 128px; height: 128px; }
	h1 { margin: 0; font: 700 84px/1.1 ${fonts.heading}; color: ${colors.light.primary}; }
	p { margin: 0; font-size: 44px; line-height: 1.3; color: ${colors.light.muted}; }
</style>
<div class="brand"><img alt="" src="data:image/svg+xml;base64,${logo.toString('base64')}"><h1>${escape(site.brand.name)}</h1></div>
<div>${titles.map((title) => `<p>${escape(title)}</p>`).join('')}</div>`;

const browser = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
	await page.setContent(html);
	const path = new URL(`public${target}`, root);
	await page.screenshot({ path: path.pathname, type: /\.png$/.test(target) ? 'png' : 'jpeg' });
	console.log(`Wrote public${target}`);
} finally {
	await browser.close();
}

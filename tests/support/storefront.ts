import { createServer, type Server } from 'node:http';

/**
 * A shop's page on another origin than the help center, as a shop would serve it: its own strict
 * Content-Security-Policy (scripts, requests and fonts from itself and the help center only, styles from itself only, no
 * inline anything), and CSS that leaves nothing alone (`* { all: unset }`, red buttons, a 10-pixel root font, fonts
 * and colours inherited by everything). `/?locale=fr` asks for the widget in French, `/?widget=0` serves the page
 * without it. `/shop.js` keeps the page's Content-Security-Policy violations in `window.cspViolations`.
 */
export const shopCss = `
* { all: unset; }
head, script, style, title { display: none; }
html { display: block; font-size: 10px; }
body { display: block; margin: 0; padding: 20px; background: rgb(255, 250, 205); color: rgb(128, 0, 0); font: 22px/3 "Comic Sans MS", cursive; letter-spacing: 3px; text-transform: uppercase; text-align: center; }
h1 { display: block; font-size: 4rem; }
p, main, header { display: block; }
button { display: inline-block; padding: 10px 20px; background: red; color: yellow; font-size: 30px; border: 4px dashed blue; }
div, span, dialog, input, label, form, section { border: 5px dotted blue; padding: 15px; box-shadow: 0 0 0 10px lime; }
`;

const shopScript = `
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
`;

function page(helpCenter: string, locale: string, widget: boolean): string {
	const script = widget ? `<script src="${helpCenter}/widget.js" data-locale="${locale}" defer></script>` : '';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Linen shirt – Alder &amp; Pine</title>
<link rel="stylesheet" href="/shop.css">
<script src="/shop.js"></script>
${script}
</head>
<body>
<header><p class="logo">Alder &amp; Pine</p></header>
<main>
<h1>Linen shirt</h1>
<p class="price">€89.00</p>
<button type="button" class="add-to-cart">Add to cart</button>
<p class="description">Washed linen, relaxed fit, made in Portugal.</p>
</main>
</body>
</html>`;
}

export interface Storefront {
	/** The shop's origin, e.g. `http://localhost:41234`. */
	origin: string;
	close(): Promise<void>;
}

/** Serves the shop's page on `port` (any free port when 0) of localhost, with the widget from `helpCenter`. */
export async function startStorefront(helpCenter: string, port = 0): Promise<Storefront> {
	const policy = [
		"default-src 'self'",
		`script-src 'self' ${helpCenter}`,
		`connect-src 'self' ${helpCenter}`,
		`font-src 'self' ${helpCenter}`,
		"style-src 'self'",
		"img-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const send = (type: string, body: string) => {
			response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' });
			response.end(body);
		};
		if (url.pathname === '/shop.css') return send('text/css; charset=utf-8', shopCss);
		if (url.pathname === '/shop.js') return send('text/javascript; charset=utf-8', shopScript);
		if (url.pathname === '/') return send('text/html; charset=utf-8', page(helpCenter, url.searchParams.get('locale') ?? 'en', url.searchParams.get('widget') !== '0'));
		response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = server.address();
	if (typeof address !== 'object' || !address) throw new Error('the storefront has no port');
	return {
		// localhost, not 127.0.0.1 like the help center: another site, not only another origin.
		origin: `http://localhost:${address.port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

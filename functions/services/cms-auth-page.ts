/** The provider Decap names in its messages (`authorizing:github`, `authorization:github:success:…`). */
const provider = 'github';

/**
 * Decap's handshake, from the sign-in window: say `authorizing:github` to the opener, wait for the opener to say it
 * back, then hand it the result. Every message goes to a named origin, never "*": only the help center's own admin
 * can receive the token, whoever opened this window. The script never changes (its hash is in the policy); what it
 * sends is read from the JSON element above it, which does not run.
 */
const handshakeScript = `(() => {
	const data = JSON.parse(document.getElementById('cms-auth').textContent);
	const opener = window.opener;
	if (!opener) {
		document.getElementById('cms-auth-status').textContent = 'Open the editor (/admin) and sign in from there.';
		return;
	}
	window.addEventListener('message', (event) => {
		if (event.source !== opener || !data.origins.includes(event.origin) || event.data !== 'authorizing:${provider}') return;
		opener.postMessage(data.message, event.origin);
	});
	for (const origin of data.origins) opener.postMessage('authorizing:${provider}', origin);
})();`;

let scriptHash: Promise<string> | undefined;

/** The script's CSP source, computed once per isolate. */
function handshakeScriptHash(): Promise<string> {
	scriptHash ??= crypto.subtle
		.digest('SHA-256', new TextEncoder().encode(handshakeScript))
		.then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
	return scriptHash;
}

/** What the sign-in window tells the admin. */
export type CmsAuthResult = { ok: true; token: string } | { ok: false; code: string; message: string };

/** JSON inside `<script type="application/json">`: nothing in it can close the element or start markup. */
function jsonForHtml(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The page the callback answers in the sign-in window, and its headers: a policy that runs its one inline script
 * (by hash) and nothing else, and no Cross-Origin-Opener-Policy isolation, which would cut the window off from the
 * admin that opened it.
 */
export async function cmsAuthPage(result: CmsAuthResult, openerOrigins: readonly string[]): Promise<{ html: string; headers: Record<string, string> }> {
	const message = result.ok
		? `authorization:${provider}:success:${JSON.stringify({ token: result.token, provider })}`
		: `authorization:${provider}:error:${JSON.stringify({ code: result.code, message: result.message })}`;
	const status = result.ok ? 'Signed in. This window closes by itself.' : result.message;
	const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Signing in to the editor</title></head>
<body>
<p id="cms-auth-status">${escapeHtml(status)}</p>
<script type="application/json" id="cms-auth">${jsonForHtml({ origins: openerOrigins, message })}</script>
<script>${handshakeScript}</script>
</body>
</html>
`;
	const policy = `default-src 'none'; script-src ${await handshakeScriptHash()}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
	return {
		html,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': policy,
			'Cross-Origin-Opener-Policy': 'unsafe-none',
			// Nothing on this page may travel on to another site, the token least of all.
			'Referrer-Policy': 'no-referrer',
		},
	};
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

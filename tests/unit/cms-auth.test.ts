import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../src/cms/cms-config';
import { cmsAuthPage, type CmsAuthResult } from '../../functions/services/cms-auth-page';
import { issueCmsAuthState, stateTtlSeconds, verifyCmsAuthState } from '../../functions/services/cms-auth-state';

const admin = 'https://help.example.com';
const secret = 'an-oauth-app-client-secret-of-forty-chars';

interface Posted {
	message: unknown;
	targetOrigin: string;
}

/**
 * Runs the sign-in page's script as a browser would, in a window whose opener records what it is sent; returns a
 * way to deliver a `message` event to the window.
 */
async function openPage(result: CmsAuthResult, options: { opener?: boolean } = {}) {
	const { html } = await cmsAuthPage(result, [admin, 'http://localhost:8787']);
	const json = /<script type="application\/json" id="cms-auth">([^<]*)<\/script>/.exec(html)![1]!;
	const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
	const posted: Posted[] = [];
	const opener = { postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }) };
	const listeners: ((event: { source: unknown; origin: string; data: unknown }) => void)[] = [];
	const status = { textContent: '' };
	const window = { opener: options.opener === false ? null : opener, addEventListener: (_type: string, listener: (typeof listeners)[number]) => listeners.push(listener) };
	const document = { getElementById: (id: string) => (id === 'cms-auth' ? { textContent: json } : status) };
	new Function('window', 'document', script)(window, document);
	const deliver = (event: { source: unknown; origin: string; data: unknown }) => {
		for (const listener of listeners) listener(event);
	};
	return { html, posted, opener, deliver, status };
}

describe('the sign-in page (Decap handshake)', () => {
	const token = 'gho_0123456789abcdefABCDEF';
	const success = `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`;

	it('says authorizing:github to each admin origin by name, then gives the token only to the admin that answers', async () => {
		const page = await openPage({ ok: true, token });
		expect(page.posted).toEqual([
			{ message: 'authorizing:github', targetOrigin: admin },
			{ message: 'authorizing:github', targetOrigin: 'http://localhost:8787' },
		]);
		page.posted.length = 0;
		// Another site, a frame that is not the opener, or another message: nothing.
		page.deliver({ source: page.opener, origin: 'https://attacker.example', data: 'authorizing:github' });
		page.deliver({ source: {}, origin: admin, data: 'authorizing:github' });
		page.deliver({ source: page.opener, origin: admin, data: 'authorizing:gitlab' });
		expect(page.posted).toEqual([]);
		page.deliver({ source: page.opener, origin: admin, data: 'authorizing:github' });
		expect(page.posted).toEqual([{ message: success, targetOrigin: admin }]);
	});

	it('opened without the admin, it posts nothing and says where to sign in', async () => {
		const page = await openPage({ ok: true, token }, { opener: false });
		expect(page.posted).toEqual([]);
		expect(page.status.textContent).toContain('/admin');
	});

	it('carries an error as data: nothing in a message can end the script element', async () => {
		const page = await openPage({ ok: false, code: 'cms_auth_refused', message: 'No </script><script>alert(1)</script> & <b>' });
		expect(page.html.match(/<script/g)).toHaveLength(2);
		page.deliver({ source: page.opener, origin: admin, data: 'authorizing:github' });
		expect(page.posted.at(-1)?.message).toBe(`authorization:github:error:${JSON.stringify({ code: 'cms_auth_refused', message: 'No </script><script>alert(1)</script> & <b>' })}`);
	});
});

describe('the sign-in state', () => {
	it('is accepted once issued, from the browser holding it, until it expires', async () => {
		const now = Date.UTC(2026, 0, 1);
		const state = await issueCmsAuthState(secret, now);
		expect(await verifyCmsAuthState(secret, state, state, now)).toBe(true);
		expect(await verifyCmsAuthState(secret, state, state, now + stateTtlSeconds * 1000 - 1000)).toBe(true);
		expect(await verifyCmsAuthState(secret, state, state, now + (stateTtlSeconds + 1) * 1000)).toBe(false);
		// Another browser's cookie, none, another app's secret, a longer lifetime written in by hand.
		expect(await verifyCmsAuthState(secret, state, await issueCmsAuthState(secret, now), now)).toBe(false);
		expect(await verifyCmsAuthState(secret, state, undefined, now)).toBe(false);
		expect(await verifyCmsAuthState(`${secret}x`, state, state, now)).toBe(false);
		const extended = state.replace(/^\d+/, (expiry) => String(Number(expiry) + 86_400));
		expect(await verifyCmsAuthState(secret, extended, extended, now + 3_600_000)).toBe(false);
	});
});

describe('the editor configuration', () => {
	it('points Decap at the Worker’s sign-in on the site’s origin when the repository is known', () => {
		const config = cmsConfig({ root: process.cwd(), github: { repo: 'shop/help', branch: 'main', baseUrl: 'https://help.example.com/support/' } });
		expect(config.backend).toMatchObject({ name: 'github', repo: 'shop/help', base_url: 'https://help.example.com', auth_endpoint: 'api/cms/auth' });
	});
});

import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// The demo as shipped has no GitHub OAuth App: the editor's sign-in routes say so, and nothing else happens.
describe('the editors’ GitHub sign-in without an OAuth App', () => {
	it.each(['/api/cms/auth?provider=github&site_id=help.alderandpine.example', '/api/cms/callback?code=abc&state=def'])('%s answers 503 cms_auth_not_configured', async (path) => {
		const response = await exports.default.fetch(new Request(`https://help.alderandpine.example${path}`));
		expect(response.status).toBe(503);
		expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
		expect(response.headers.get('Set-Cookie')).toBeNull();
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('cms_auth_not_configured');
		expect(body.error.message).toContain('GITHUB_OAUTH_CLIENT_ID');
	});
});

import { describe, expect, it } from 'vitest';
import { codeEmail } from '../../functions/services/code-email';

const input = { reference: 'verification-code/1', to: 'lea.moreau@example.com', code: '042137', orderName: '#1005' };

describe('the one-time code e-mail', () => {
	it('is worded in the shopper’s language, in text and in HTML that declares that language', () => {
		const fr = codeEmail({ ...input, locale: 'fr' });
		expect(fr.subject).toContain('042137');
		expect(fr.text).toContain('042137');
		expect(fr.text).toContain('#1005');
		expect(fr.locale).toBe('fr');
		expect(fr.html).toMatch(/^<!doctype html><html lang="fr">/);
		expect(fr.html).toContain(`<title>${fr.subject.replace(/&/g, '&amp;')}</title>`);
		const en = codeEmail({ ...input, locale: 'en' });
		expect(en.text).not.toBe(fr.text);
		expect(en.html).toContain('<html lang="en">');
	});

	it('sets the code, and only the code, in bold, with the text escaped around it', () => {
		const email = codeEmail({ ...input, orderName: '#<b>1005</b>', locale: 'en' });
		expect(email.html?.match(/<strong>/g)).toHaveLength(1);
		expect(email.html).toContain('<strong>042137</strong>');
		expect(email.html).toContain('#&lt;b&gt;1005&lt;/b&gt;');
		expect(email.html).not.toContain('\uE000');
		// The HTML says what the text says: the same words once the markup is gone.
		const body = /<body>(.*)<\/body>/.exec(email.html!)![1]!;
		const visible = body
			.replace(/<\/p><p>|<br>/g, ' ')
			.replace(/<[^>]+>/g, '')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
		expect(visible).toBe(email.text.replace(/\s+/g, ' '));
	});

	it('falls back to English for a language without UI strings', () => {
		expect(codeEmail({ ...input, locale: 'de' }).locale).toBe('en');
	});
});

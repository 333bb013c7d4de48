import { describe, expect, it } from 'vitest';
import { articleText, pageLanguage, withSynonyms } from '../../src/search/build/indexed-page';
import { articleSynonyms } from '../../src/search/build/synonyms';

const page = `<!doctype html><html lang="en" dir="ltr"><head><title>x</title></head><body>
<nav>Menu refund</nav>
<article data-pagefind-body data-keywords="money back, reimbursement &amp; more">
<h1>When will I get my refund?</h1>
<p class="meta" data-pagefind-ignore>Last updated</p>
<nav class="toc" data-pagefind-ignore><h2>On this page</h2></nav>
<h2 id="parcels">Sending parcels</h2><p>Packages travel with a courier &amp; arrive late.</p>
<dl><dt>Is it lost?</dt><dd>Rarely.</dd></dl>
<section class="contact-cta" data-pagefind-ignore><h2>Still need help?</h2><p>Email us</p></section>
</article></body></html>`;

describe('articleText', () => {
	it('splits an indexed article into title, headings and keywords, and body, without ignored parts', () => {
		const text = articleText(page);
		expect(text?.title).toBe('When will I get my refund?');
		expect(text?.terms).toContain('Sending parcels');
		expect(text?.terms).toContain('Is it lost?');
		expect(text?.terms).toContain('money back, reimbursement & more');
		expect(text?.terms).not.toContain('On this page');
		expect(text?.body).toContain('courier & arrive late');
		expect(text?.body).not.toContain('Email us');
		expect(text?.body).not.toContain('Menu');
	});

	it('ignores pages that are not indexed, and reads the page language', () => {
		expect(articleText('<html lang="fr"><body><main>Home</main></body></html>')).toBeUndefined();
		expect(pageLanguage(page)).toBe('en');
	});
});

describe('articleSynonyms', () => {
	const groups = [
		['refund', 'money back', 'reimbursement'],
		['parcel', 'package'],
		['lost', 'missing', 'stolen'],
		['courier', 'carrier'],
		['cancel', 'annul'],
	];

	it('files each group under the strongest field the article mentions it in, without the words already there', () => {
		const text = articleText(page);
		if (!text) throw new Error('no text');
		expect(articleSynonyms(text, groups, 'en')).toEqual({
			title: ['money back', 'reimbursement'],
			terms: ['package', 'missing', 'stolen'],
			body: ['carrier'],
		});
	});

	it('recognises plural and past forms, and words without their accents', () => {
		expect(articleSynonyms({ title: 'Refunded orders', terms: '', body: '' }, [['refund', 'money back']], 'en').title).toEqual(['money back']);
		const french = articleSynonyms({ title: '', terms: '', body: 'Les colis sont rembourses.' }, [['remboursement', 'rembourser', 'remboursé'], ['colis', 'paquet']], 'fr');
		expect(french.body).toEqual(['remboursement', 'rembourser', 'paquet']);
	});
});

describe('withSynonyms', () => {
	it('adds the synonyms as escaped article metadata, leaving the rest of the page as it was', () => {
		const html = withSynonyms(page, { title: ['money back'], terms: ['"quoted" <b>'], body: [] });
		expect(html).toContain('<span hidden data-pagefind-meta="synonyms_title[data-synonyms-title], synonyms_terms[data-synonyms-terms]"');
		expect(html).toContain('data-synonyms-terms="&quot;quoted&quot; &lt;b&gt;"');
		expect(html.replace(/<span hidden data-pagefind-meta[^>]*><\/span>/, '')).toBe(page);
		expect(withSynonyms(page, { title: [], terms: [], body: [] })).toBe(page);
	});
});

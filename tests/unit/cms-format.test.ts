import { describe, expect, it } from 'vitest';
import { editableFrontmatterKeys, originalFrontmatterField } from '../../src/cms/article-fields';
import { parseArticleFile, serialiseArticleFile } from '../../src/cms/mdx-format';

const keys = editableFrontmatterKeys();
const article = `---
# Checked by hand on 2026-09-01.
title: 'Sizes: how to measure'
description: How to measure your chest, waist and hips, and which size to choose between two sizes.
updated: 2026-09-01
keywords: [size chart, fit]
source: { system: zendesk, id: "360000000001" }
category: products-sizing
---

<Callout type="note">
Measure over light clothes.
</Callout>
`;

function roundTrip(change: (data: Record<string, unknown>) => void = () => {}): string {
	const data = parseArticleFile(article, originalFrontmatterField);
	change(data);
	return serialiseArticleFile(data, originalFrontmatterField, keys);
}

describe('the editor\'s article format', () => {
	it('writes an unchanged article back byte for byte: quotes, comments, flow lists, fields the form does not show', () => {
		expect(roundTrip()).toBe(article);
	});

	it('rewrites only the entry that changed, keeps a flow list a flow list, and removes a cleared one', () => {
		const text = roundTrip((data) => {
			data.keywords = ['size chart', 'fit', 'length'];
			data.updated = '2026-10-02';
			data.seoTitle = '';
		});
		expect(text).toBe(article.replace('keywords: [size chart, fit]', 'keywords: [size chart, fit, length]').replace('updated: 2026-09-01', 'updated: 2026-10-02'));
		expect(roundTrip((data) => delete data.keywords)).toBe(article.replace('keywords: [size chart, fit]\n', ''));
	});

	it('writes a new article in the form\'s order, without empty fields or switches left off', () => {
		const text = serialiseArticleFile(
			{ body: 'Text.\n', draft: false, keywords: ['a b'], faq: [{ question: 'Why so?', answer: 'Because.' }], description: 'D'.repeat(60), title: 'New: one' },
			originalFrontmatterField,
			keys,
		);
		expect(text).toBe(`---\ntitle: "New: one"\ndescription: ${'D'.repeat(60)}\nkeywords: [a b]\nfaq:\n  - question: Why so?\n    answer: Because.\n---\n\nText.\n`);
	});
});

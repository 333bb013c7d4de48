import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/content-checks/check-content';
import { readContent } from '../../src/content-checks/read-content';
import { readSiteConfig } from '../../src/config/read-site-config';
import { bodyWithPolicyValues } from '../../src/policies/policy-body';
import { withPolicyValuesLoader } from '../../src/policies/policy-loader';
import { policyValuesPlugin } from '../../src/policies/policy-plugin';
import { policyNames, policyValue, quotedPolicies, withPolicyValues, withPolicyValuesInData } from '../../src/policies/policy-values';
import type { SiteConfig } from '../../src/schemas/site-config';
import { makeContentFixture } from '../support/content-fixture';

const root = '/project';
const policies: SiteConfig['policies'] = {
	returnWindowDays: 45,
	addressChangeWindowHours: 6,
	missingParcelReportDays: 10,
	returnReasons: [{ id: 'damaged', label: { en: 'Damaged' } }],
	returnLabelFee: { amount: 3.5, currency: 'EUR', freeForReasons: [], freeForResolutions: [] },
};
const withoutFee: SiteConfig['policies'] = { ...policies, returnLabelFee: undefined, missingParcelReportDays: undefined };
/** Intl writes French amounts with a narrow no-break space before the euro sign. */
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

/** An MDX article's compiled code, with the plugin, as `astro build` compiles `content/<locale>/returns/x.mdx`. */
function compiled(body: string, locale: string, config = policies): string {
	const fileURL = pathToFileURL(`${root}/content/${locale}/returns/x.mdx`);
	return spaces((mdxToJs(body, { fileURL, mdastPlugins: [policyValuesPlugin(config, root)] }) as { code: string }).code.replace(/\\xA0|\\u202F/gi, ' '));
}

describe('policy values', () => {
	it('writes numbers plainly and the fee as money in the reader’s language', () => {
		expect(policyValue('returnWindowDays', policies, 'fr')).toBe('45');
		expect(policyValue('returnLabelFee', policies, 'en')).toBe('€3.50');
		expect(spaces(policyValue('returnLabelFee', policies, 'fr') ?? '')).toBe('3,50 €');
		expect(policyValue('returnLabelFee', withoutFee, 'en')).toBeUndefined();
		expect(policyValue('returnWindow', policies, 'en')).toBeUndefined();
	});

	it('replaces the names in text, escaped braces included, and leaves unknown or unset ones as written', () => {
		expect(withPolicyValues('Within {policies.returnWindowDays} days, \\{policies.addressChangeWindowHours\\} h.', policies, 'en')).toBe('Within 45 days, 6 h.');
		expect(withPolicyValues('{policies.returnWindow} and {policies.returnLabelFee}', withoutFee, 'en')).toBe('{policies.returnWindow} and {policies.returnLabelFee}');
	});

	it('writes out every string of a frontmatter, FAQ answers and keywords included', () => {
		const data = { description: 'You have {policies.returnWindowDays} days.', updated: new Date('2026-01-01'), faq: [{ question: 'Cost?', answer: 'The label costs {policies.returnLabelFee}.' }], keywords: ['{policies.returnWindowDays} days'] };
		const written = withPolicyValuesInData(data, policies, 'en');
		expect(written).toEqual({ ...data, description: 'You have 45 days.', faq: [{ question: 'Cost?', answer: 'The label costs €3.50.' }], keywords: ['45 days'] });
		expect(written.updated).toBeInstanceOf(Date);
	});

	it('is documented for editors, every name in content/README.md', () => {
		const readme = readFileSync(join(import.meta.dirname, '../../content/README.md'), 'utf8');
		for (const name of policyNames) expect(readme).toContain(`| \`{policies.${name}}\` |`);
	});
});

describe('the build’s plugin', () => {
	it('writes out expressions in text, headings and alone on a line, in the article’s language', () => {
		const body = '## {policies.returnWindowDays} days\n\nThe label costs {policies.returnLabelFee}.\n\n{policies.addressChangeWindowHours}\n';
		const en = compiled(body, 'en');
		expect(en).toContain('"45", " days"');
		expect(en).toContain('"€3.50"');
		expect(en).toMatch(/_components\.p, \{\s*children: "6"/);
		expect(en).not.toContain('policies');
		expect(compiled(body, 'fr')).toContain('"3,50 €"');
	});

	it('writes out the name typed as text (escaped braces) and leaves code alone', () => {
		const code = compiled('Within \\{policies.returnWindowDays\\} days; write `{policies.returnWindowDays}`.\n', 'en');
		expect(code).toContain('Within 45 days; write ');
		expect(code).toContain('"{policies.returnWindowDays}"');
	});

	it('writes out the names of a Markdown (.md) article, where braces are text', () => {
		const fileURL = pathToFileURL(`${root}/content/fr/returns/x.md`);
		const result = markdownToHtml('Sous {policies.missingParcelReportDays} jours, pour {policies.returnLabelFee}.', { fileURL, mdastPlugins: [policyValuesPlugin(policies, root)] }) as { html: string };
		expect(spaces(result.html).trim()).toBe('<p>Sous 10 jours, pour 3,50 €.</p>');
	});

	it('leaves files outside content/ alone', () => {
		const fileURL = pathToFileURL(`${root}/src/pages/about.mdx`);
		const result = mdxToJs('{policies.returnWindowDays}', { fileURL, mdastPlugins: [policyValuesPlugin(policies, root)] }) as { code: string };
		expect(result.code).toContain('policies.returnWindowDays');
	});
});

describe('what reads an article’s source (Markdown twins, answers)', () => {
	it('gets the same values as the page, with code kept and the rest byte for byte', () => {
		const body = '## {policies.returnWindowDays} days\n\nCosts **{policies.returnLabelFee}**, or \\{policies.returnWindowDays\\}.\n\n```\n{policies.returnWindowDays}\n```\n';
		expect(bodyWithPolicyValues(body, policies, 'en')).toBe('## 45 days\n\nCosts **€3.50**, or 45.\n\n```\n{policies.returnWindowDays}\n```\n');
		expect(bodyWithPolicyValues('Within {policies.returnWindowDays} days.', policies, 'fr')).toBe('Within 45 days.');
		// Inline code, a tilde fence, a longer fence holding a shorter one, and a fence left open to the end.
		expect(bodyWithPolicyValues('Type `{policies.returnWindowDays}` for {policies.returnWindowDays}.', policies, 'en')).toBe('Type `{policies.returnWindowDays}` for 45.');
		expect(bodyWithPolicyValues('~~~\n{policies.returnWindowDays}\n~~~\n{policies.returnWindowDays}', policies, 'en')).toBe('~~~\n{policies.returnWindowDays}\n~~~\n45');
		expect(bodyWithPolicyValues('````\n```\n{policies.returnWindowDays}\n```\n````\n{policies.returnWindowDays}', policies, 'en')).toBe('````\n```\n{policies.returnWindowDays}\n```\n````\n45');
		expect(bodyWithPolicyValues('{policies.returnWindowDays}\n```\n{policies.returnWindowDays}', policies, 'en')).toBe('45\n```\n{policies.returnWindowDays}');
	});

	it('needs no Markdown parser, so it runs in the Worker’s runtime (astro dev renders there)', () => {
		expect(readFileSync(new URL('../../src/policies/policy-body.ts', import.meta.url), 'utf8')).not.toMatch(/from '(?:satteri|[^']*parse-article[^']*)'/);
	});
});

describe('the articles’ loader', () => {
	it('writes out the frontmatter in the entry’s language, and its digest changes with the values it quotes only', async () => {
		const parsed: unknown[] = [];
		const digests: string[] = [];
		const inner = {
			name: 'glob',
			load: async (context: { parseData: (props: { id: string; data: Record<string, unknown> }) => Promise<unknown>; generateDigest: (data: string) => string }) => {
				parsed.push(await context.parseData({ id: 'fr/returns/x', data: { description: 'Étiquette à {policies.returnLabelFee}.' } }));
				digests.push(context.generateDigest('text quoting {policies.returnLabelFee}'), context.generateDigest('text quoting nothing'));
			},
		};
		const load = (config: SiteConfig['policies']) =>
			withPolicyValuesLoader(inner as never, config).load({ parseData: async (props: { data: unknown }) => props.data, generateDigest: (data: unknown) => String(data) } as never);
		await load(policies);
		await load({ ...policies, returnLabelFee: { amount: 2, currency: 'EUR', freeForReasons: [], freeForResolutions: [] }, returnWindowDays: 7 });
		expect(parsed.map((data) => spaces((data as { description: string }).description))).toEqual(['Étiquette à 3,50 €.', 'Étiquette à 2,00 €.']);
		expect(digests[0]).not.toBe(digests[2]);
		expect(digests[1]).toBe(digests[3]);
		expect(quotedPolicies('no policy here', policies)).toBe('');
	});
});

describe('npm run check', () => {
	it('points at an unknown name with its line and column, and suggests the name meant among the valid ones', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('## Express delivery', 'Returns: {policies.returnWindow} days.\n\n## Express delivery'));
		const problems = checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir);
		expect(problems, formatProblems(problems)).toHaveLength(1);
		const text = readFileSync(join(fixture.root, 'content/en/shipping/delivery-times.mdx'), 'utf8').split('\n');
		expect(problems[0]).toMatchObject({ file: 'content/en/shipping/delivery-times.mdx', line: text.findIndex((line) => line.startsWith('Returns:')) + 1, column: 10 });
		expect(problems[0]?.fix).toMatch(/Did you mean \{policies\.returnWindowDays\}\? Articles can quote \{policies\.returnWindowDays\}, \{policies\.addressChangeWindowHours\}/);
	});

	it('reports a policy site.yaml does not set in a FAQ answer, naming the field, and the policies that are set', async () => {
		const fixture = makeContentFixture();
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('related: [customs]', 'related: [customs]\nfaq:\n  - question: Is the label free?\n    answer: "No: it costs {policies.returnLabelFee}."'));
		const problems = checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir);
		expect(problems, formatProblems(problems)).toHaveLength(1);
		expect(problems[0]).toMatchObject({ field: 'faq.0.answer', line: 7 });
		expect(problems[0]?.fix).toMatch(/Add returnLabelFee under policies in content\/site.yaml.*Set there: \{policies\.returnWindowDays\}, \{policies\.addressChangeWindowHours\} \(/);
	});

	it('counts a description’s length with the values written out', async () => {
		const fixture = makeContentFixture();
		// 170 characters as written, 145 once the name becomes "30": within the 160 a description may have.
		const description = `You have {policies.returnWindowDays} days to send an order back. `.padEnd(169, 'x') + '.';
		expect([description.length, withPolicyValues(description, readSiteConfig(fixture.root).policies, 'en').length]).toEqual([170, 145]);
		fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace(/^description: .*$/m, `description: "${description}"`));
		expect(formatProblems(checkContent(await readContent(fixture.root), readSiteConfig(fixture.root), fixture.publicDir))).toBe('');
	});
});

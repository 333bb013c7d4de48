import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ContentFixture {
	root: string;
	contentDir: string;
	publicDir: string;
	/** Rewrites a file of the fixture (path relative to the project root). */
	edit(path: string, change: (text: string) => string): void;
	write(path: string, text: string): void;
}

/** A fresh copy of a small, valid help center (content and public files) in a temporary project root. */
export function makeContentFixture(): ContentFixture {
	const root = mkdtempSync(join(tmpdir(), 'help-center-content-'));
	cpSync(join(fixtures, 'content'), join(root, 'content'), { recursive: true });
	cpSync(join(fixtures, 'public'), join(root, 'public'), { recursive: true });
	return {
		root,
		contentDir: join(root, 'content/'),
		publicDir: join(root, 'public'),
		edit(path, change) {
			const file = join(root, path);
			writeFileSync(file, change(readFileSync(file, 'utf8')));
		},
		write(path, text) {
			writeFileSync(join(root, path), text);
		},
	};
}

/** A new article nothing links to, so a mistake in its frontmatter is reported in its own file only. */
const newArticle = 'content/en/shipping/returns.mdx';
const newArticleText = (frontmatter: string) =>
	`---\n${frontmatter}\ndescription: How to send an order back and when the money comes back to your account.\nupdated: 2026-10-01\n---\n\nSend it back within 30 days.\n`;

/**
 * The mistakes an editor can make, each as an edit of the valid fixture and what the report must say: `npm run check`
 * reports each with the file, a line and a fix (tests/unit/check-content.test.ts), and the build refuses each
 * (tests/site/bad-content-build.test.ts). content/README.md, "Mistakes the check catches", lists them all.
 */
export const contentMistakes = {
	'a wrong frontmatter field': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/customs.md', (text) => text.replace('title:', 'titel:')),
		file: 'content/en/shipping/customs.md',
		field: 'titel',
		message: /Unknown field "titel"/,
	},
	'an unknown category': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/customs.md', (text) => text.replace('updated:', 'category: shiping\nupdated:')),
		file: 'content/en/shipping/customs.md',
		field: 'category',
		message: /Unknown category "shiping"/,
	},
	'a duplicate slug': {
		apply: (fixture: ContentFixture) =>
			fixture.write('content/en/shipping/customs.mdx', readFileSync(join(fixtures, 'content/en/shipping/customs.md'), 'utf8')),
		file: 'content/en/shipping/customs.mdx',
		field: undefined,
		message: /Duplicate slug "customs"/,
	},
	'a translationKey pointing nowhere': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/fr/shipping/delais-de-livraison.mdx', (text) =>
				text.replace('translationKey: delivery-times', 'translationKey: delivery-time'),
			),
		file: 'content/fr/shipping/delais-de-livraison.mdx',
		field: 'translationKey',
		message: /translationKey "delivery-time" points nowhere/,
	},
	'a broken internal link': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/customs.md', (text) => text.replace('/en/shipping/delivery-times', '/en/shipping/delivery-time')),
		file: 'content/en/shipping/customs.md',
		field: undefined,
		message: /Broken link: \/en\/shipping\/delivery-time is not a page/,
	},
	'an image without alt text': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('![A parcel on a doorstep]', '![]')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /has no alternative text/,
	},
	'an unclosed component': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('## Express delivery', '<Callout type="tip">\n\n## Express delivery')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /<Callout> is not closed/,
	},
	'a "<" that starts no tag': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('takes 2 to 4 working days', 'takes <5 working days')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /A "<" starts a tag in MDX/,
	},
	'a component with the wrong case': {
		apply: (fixture: ContentFixture) => fixture.edit('content/en/shipping/delivery-times.mdx', (text) => `${text}\n<ContactCTA />\n`),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /<ContactCTA> is not a component/,
	},
	'an unknown group': {
		apply: (fixture: ContentFixture) => {
			fixture.write('content/en/_groups.yaml', 'orders:\n  title: Orders and delivery\n');
			fixture.write('content/fr/_groups.yaml', 'orders:\n  title: Commandes et livraison\n');
			fixture.edit('content/en/shipping/_category.yaml', (text) => `${text}group: order\n`);
		},
		file: 'content/en/shipping/_category.yaml',
		field: 'group',
		message: /Unknown group "order"/,
	},
	'a group without a title in one language': {
		apply: (fixture: ContentFixture) => {
			fixture.write('content/en/_groups.yaml', 'orders:\n  title: Orders and delivery\n');
			fixture.edit('content/en/shipping/_category.yaml', (text) => `${text}group: orders\n`);
			fixture.edit('content/fr/shipping/_category.yaml', (text) => `${text}group: orders\n`);
		},
		file: 'content/fr/shipping/_category.yaml',
		field: 'group',
		message: /The group "orders" has no title in fr/,
	},
	'a redirect to a page that does not exist': {
		apply: (fixture: ContentFixture) => fixture.write('content/redirects.yaml', '/old/help: /en/shipping/delivery-time\n'),
		file: 'content/redirects.yaml',
		field: '/old/help',
		message: /leads to \/en\/shipping\/delivery-time, which is not a page/,
	},
	'a redirect that would hide a live page': {
		apply: (fixture: ContentFixture) => fixture.write('content/redirects.yaml', '/old/help: /en/shipping\n/EN/Shipping/Customs/: https://shop.example/customs\n'),
		file: 'content/redirects.yaml',
		field: '/EN/Shipping/Customs/',
		message: /is the address of a live page/,
	},
	'an old address claimed twice': {
		apply: (fixture: ContentFixture) => {
			fixture.edit('content/en/shipping/_category.yaml', (text) => `${text}redirectFrom: [/hc/en-us/sections/201]\n`);
			fixture.write('content/redirects.yaml', '/hc/en-us/sections/201-Shipping: /en/shipping\n');
		},
		file: 'content/redirects.yaml',
		field: '/hc/en-us/sections/201-Shipping',
		message: /is also claimed by content\/en\/shipping\/_category.yaml/,
	},
	'an old address given in the wrong shape': {
		apply: (fixture: ContentFixture) => fixture.write('content/redirects.yaml', '/old/help: /en/shipping\nhttps://old.example/help: /en/shipping\n'),
		file: 'content/redirects.yaml',
		field: 'https://old.example/help',
		message: /is not valid/,
	},
	'an HTML comment': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('## Express delivery', '<!-- check the price -->\n\n## Express delivery')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /HTML comments are not allowed in MDX/,
	},
	'a "{" never closed': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('arrives the next working day', 'arrives {the next working day')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /A "\{" starts an expression in MDX, and this one is never closed/,
	},
	'an image file that does not exist': {
		apply: (fixture: ContentFixture) => fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('/images/parcel.svg', '/images/parcle.svg')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /The image \/images\/parcle.svg does not exist/,
	},
	'a link to a heading that does not exist': {
		apply: (fixture: ContentFixture) => fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('#who-pays', '#who-pay')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /has no heading matching "#who-pay"/,
	},
	'a related article that does not exist': {
		apply: (fixture: ContentFixture) => fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('related: [customs]', 'related: [custom]')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: 'related',
		message: /Related article "custom" does not exist/,
	},
	'an unquoted ": " in a title': {
		apply: (fixture: ContentFixture) => fixture.write(newArticle, newArticleText('title: Returns: how it works')),
		file: newArticle,
		field: 'title',
		message: /contains ": ", which YAML reads as a new field/,
	},
	'a tab used for indentation': {
		apply: (fixture: ContentFixture) => fixture.write(newArticle, newArticleText('title: Returns\nkeywords:\n\t- refund')),
		file: newArticle,
		field: undefined,
		message: /indented with a tab; YAML only accepts spaces/,
	},
	'an unknown policy name': {
		apply: (fixture: ContentFixture) =>
			fixture.edit('content/en/shipping/delivery-times.mdx', (text) => text.replace('## Express delivery', 'Returns are free for {policies.returnWindow} days.\n\n## Express delivery')),
		file: 'content/en/shipping/delivery-times.mdx',
		field: undefined,
		message: /"\{policies\.returnWindow\}" is not a policy the help center knows/,
	},
	'a policy site.yaml does not set': {
		// The fixture's site.yaml has no returnLabelFee: its labels are free.
		apply: (fixture: ContentFixture) =>
			fixture.write(newArticle, newArticleText('title: Returns').replace(/description: .*/, 'description: "How to send an order back, and why the label costs {policies.returnLabelFee}."')),
		file: newArticle,
		field: 'description',
		message: /"\{policies\.returnLabelFee\}" quotes a policy that content\/site.yaml does not set/,
	},
	'a description that is too short': {
		apply: (fixture: ContentFixture) => fixture.write(newArticle, newArticleText('title: Returns').replace(/description: .*/, 'description: Returns.')),
		file: newArticle,
		field: 'description',
		message: /The field "description" is not valid/,
	},
} as const;

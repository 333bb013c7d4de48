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

/** The mistakes an editor can make, each as an edit of the valid fixture and what the report must say. */
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
} as const;

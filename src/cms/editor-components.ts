/**
 * Our MDX components (content/README.md, "Components") as blocks of Decap's rich-text editor: each is recognised
 * in an article's text by its pattern, edited in a small form and written back as the MDX an editor would type.
 */

/** A field of a block's form: Decap's, with the widget's own options (`options`, `pattern`, `buttons`…). */
type BlockField = { name: string; label: string; widget: string } & Record<string, unknown>;

/** What Decap's `registerEditorComponent` takes for a block. */
export interface EditorComponent {
	id: string;
	label: string;
	fields: BlockField[];
	pattern: RegExp;
	fromBlock: (match: RegExpMatchArray) => Record<string, string>;
	toBlock: (data: Record<string, string | undefined>) => string;
	toPreview: (data: Record<string, string | undefined>) => string;
}

const calloutTypes = ['tip', 'note', 'warning'] as const;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character);
}

/** The value of `name="…"` among a tag's attributes. */
function attribute(attributes: string, name: string): string {
	return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

export const editorComponents: EditorComponent[] = [
	{
		id: 'callout',
		label: 'Callout',
		fields: [
			{ name: 'type', label: 'Kind', widget: 'select', options: [...calloutTypes], default: 'tip' },
			{ name: 'text', label: 'Text', widget: 'markdown', buttons: ['bold', 'italic', 'link', 'bulleted-list', 'numbered-list'], editor_components: [] },
		],
		pattern: /^<Callout type="(tip|note|warning)">([\s\S]*?)<\/Callout>/,
		fromBlock: (match) => ({ type: match[1] ?? 'tip', text: (match[2] ?? '').trim() }),
		toBlock: ({ type = 'tip', text = '' }) => `<Callout type="${type}">\n${text.trim()}\n</Callout>`,
		toPreview: ({ type = 'tip', text = '' }) => `<aside><strong>${escapeHtml(type)}</strong> ${escapeHtml(text)}</aside>`,
	},
	{
		id: 'steps',
		label: 'Steps',
		fields: [{ name: 'list', label: 'Numbered steps', widget: 'markdown', buttons: ['bold', 'italic', 'link', 'numbered-list'], editor_components: [], hint: 'A numbered list: 1. First step.' }],
		pattern: /^<Steps>([\s\S]*?)<\/Steps>/,
		fromBlock: (match) => ({ list: (match[1] ?? '').trim() }),
		toBlock: ({ list = '' }) => `<Steps>\n${list.trim()}\n</Steps>`,
		toPreview: ({ list = '' }) => `<div><strong>Steps</strong><pre>${escapeHtml(list)}</pre></div>`,
	},
	{
		id: 'contact-cta',
		label: 'Contact box',
		fields: [],
		pattern: /^<ContactCta\s*\/>/,
		fromBlock: () => ({}),
		toBlock: () => '<ContactCta />',
		toPreview: () => '<div><strong>Still need help? Contact us</strong></div>',
	},
	{
		id: 'video',
		label: 'Video',
		fields: [
			{ name: 'src', label: 'YouTube or Vimeo address', widget: 'string', pattern: ['^https://', 'Give the video\'s https:// address.'] },
			{ name: 'title', label: 'What the video shows', widget: 'string' },
		],
		pattern: /^<Video\s+([^>]*?)\/>/,
		fromBlock: (match) => ({ src: attribute(match[1] ?? '', 'src'), title: attribute(match[1] ?? '', 'title') }),
		toBlock: ({ src = '', title = '' }) => `<Video src="${src.replace(/"/g, '%22')}" title="${title.replace(/"/g, '&quot;')}" />`,
		toPreview: ({ src = '', title = '' }) => `<div><strong>Video:</strong> ${escapeHtml(title)} (${escapeHtml(src)})</div>`,
	},
	{
		id: 'order-lookup',
		label: 'Order lookup',
		fields: [],
		pattern: /^<OrderLookup\s*\/>/,
		fromBlock: () => ({}),
		toBlock: () => '<OrderLookup />',
		toPreview: () => '<div><strong>Order lookup form</strong></div>',
	},
];

// The editors' admin page (/admin): Decap CMS with our article format and our MDX components as editor blocks.
// Bundled by src/cms/build-admin.ts with the configuration made from the content tree (src/cms/cms-config.ts).
import CMS from 'decap-cms-app';
import { articleFormatName, editableFrontmatterKeys, originalFrontmatterField } from './article-fields.ts';
import { editorComponents } from './editor-components.ts';
import { parseArticleFile, serialiseArticleFile, type EntryData } from './mdx-format.ts';

declare const __CMS_CONFIG__: Record<string, unknown>;

const formKeys = editableFrontmatterKeys();

CMS.registerCustomFormat(articleFormatName, 'mdx', {
	fromFile: (content: string) => parseArticleFile(content, originalFrontmatterField),
	toFile: (data: EntryData) => serialiseArticleFile(data, originalFrontmatterField, formKeys),
});
for (const component of editorComponents) CMS.registerEditorComponent(component);
CMS.init({ config: __CMS_CONFIG__ });

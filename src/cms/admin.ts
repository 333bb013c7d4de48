// The editors' admin page (/admin): Decap CMS with our article format and our MDX components as editor blocks.
// Bundled by src/cms/build-admin.ts with the configuration made from the content tree (src/cms/cms-config.ts).
import CMS from 'decap-cms-app';
import type { CmsConfig, EditorComponentOptions } from 'decap-cms-core';
import { articleFormatName, editableFrontmatterKeys, originalFrontmatterField } from './article-fields.ts';
import { editorComponents } from './editor-components.ts';
import { parseArticleFile, serialiseArticleFile, type EntryData } from './mdx-format.ts';

// Made by cmsConfig() at bundle time; Decap validates it against its own schema when it starts.
declare const __CMS_CONFIG__: CmsConfig;

const formKeys = editableFrontmatterKeys();

CMS.registerCustomFormat(articleFormatName, 'mdx', {
	fromFile: (content: string) => parseArticleFile(content, originalFrontmatterField),
	toFile: (data: EntryData) => serialiseArticleFile(data, originalFrontmatterField, formKeys),
});
// Decap's field type cannot carry a widget's own options (a select's `options`); they are checked when it starts.
for (const component of editorComponents) CMS.registerEditorComponent(component as unknown as EditorComponentOptions);
CMS.init({ config: __CMS_CONFIG__ });

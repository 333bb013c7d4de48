import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { categoryFile, categoryFolder } from '../config/content-layout.ts';
import { readSiteConfig } from '../config/read-site-config.ts';
import { categorySchema } from '../schemas/article.ts';
import { articleFields, articleFormatName } from './article-fields.ts';

/** Where uploaded images go, and the address articles use for them (content/README.md, "Links and images"). */
export const mediaFolder = 'public/images/articles';
export const publicFolder = '/images/articles';

/** The local backend (`npm run cms`): decap-server's default port. */
export const defaultProxyPort = 8081;

/** Where the GitHub backend writes and how editors sign in; absent until the shop names its repository. */
export interface GithubBackend {
	/** `owner/name` of the repository holding content/. */
	repo: string;
	branch: string;
	/** The help center's address; the OAuth routes answer on its origin (`/api/cms/auth`, functions/routes/cms-auth.ts). */
	baseUrl: string;
}

export interface CmsConfigOptions {
	/** The project's folder: content/ and site.yaml are read from it. */
	root: string;
	github?: GithubBackend;
	/** The port of decap-server when the admin is opened on localhost. */
	proxyPort?: number;
}

/** The category folders of one language, each with its title when its _category.yaml has a valid one. */
function categoriesOf(root: string, locale: string): { folder: string; title: string; order: number }[] {
	const folder = join(root, 'content', locale);
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => {
			const file = join(root, categoryFile(locale, entry.name));
			const parsed = existsSync(file) ? categorySchema.safeParse(parse(readFileSync(file, 'utf8'))) : undefined;
			return { folder: entry.name, title: parsed?.success ? parsed.data.title : entry.name, order: parsed?.success ? parsed.data.order : 100 };
		})
		.sort((a, b) => a.order - b.order || a.folder.localeCompare(b.folder));
}

/**
 * Decap CMS's configuration, made from the content tree and the article schema so that it cannot drift from them:
 * one collection per language and category (our translations have their own file names, tied by translationKey,
 * which Decap's i18n cannot express), the languages of content/site.yaml, the article form of articleFields().
 */
export function cmsConfig({ root, github, proxyPort = defaultProxyPort }: CmsConfigOptions): Record<string, unknown> {
	const site = readSiteConfig(root);
	const fields = articleFields();
	const collections = site.locales.flatMap((locale) =>
		categoriesOf(root, locale.code).map((category) => ({
			name: `${locale.code}-${category.folder}`,
			label: `${category.title} (${locale.name})`,
			label_singular: 'article',
			description: `Articles of ${categoryFolder(locale.code, category.folder)}/`,
			folder: categoryFolder(locale.code, category.folder),
			extension: 'mdx',
			format: articleFormatName,
			create: true,
			slug: '{{slug}}',
			identifier_field: 'title',
			summary: '{{title}}',
			sortable_fields: ['title', 'updated', 'order'],
			fields,
		})),
	);
	return {
		load_config_file: false,
		backend: github
			? {
					name: 'github',
					repo: github.repo,
					branch: github.branch,
					// Decap takes the sign-in window's messages only from exactly `base_url`: the origin, without a path.
					base_url: new URL(github.baseUrl).origin,
					auth_endpoint: 'api/cms/auth',
					squash_merges: true,
				}
			: // Without a repository the admin works with the local backend only; the GitHub set-up is in README.md.
				{ name: 'github', repo: 'owner/repository', branch: 'main' },
		local_backend: { url: `http://localhost:${proxyPort}/api/v1` },
		publish_mode: 'editorial_workflow',
		media_folder: mediaFolder,
		public_folder: publicFolder,
		site_url: site.siteUrl,
		display_url: site.siteUrl,
		locale: 'en',
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		collections,
	};
}

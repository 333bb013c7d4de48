import type { APIRoute } from 'astro';
import type { IndexedArticle } from '../../components/self-service/rank-articles';
import { getHelpCenter } from '../../utils/help-center';
import { localePaths } from '../../utils/static-paths';

export const prerender = true;
export const getStaticPaths = localePaths;

/**
 * Every article of a locale with its title, description and keywords: the small index behind the contact
 * form's suggested articles, fetched by the browser on the shopper's first keystroke.
 */
export const GET: APIRoute = async ({ params }) => {
	const { categories } = await getHelpCenter();
	const index: IndexedArticle[] = categories
		.filter((category) => category.locale === params['locale'])
		.flatMap((category) =>
			category.articles.map((article) => ({
				title: article.entry.data.title,
				url: article.url,
				description: article.entry.data.description,
				keywords: [...article.entry.data.keywords, category.data.title].join(' '),
			})),
		);
	return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

import { articleUrl } from '../../src/config/page-urls';
import { readContent } from '../../src/content-checks/read-content';

/** An old address and the page it must answer `301` to. */
export interface RedirectPair {
	from: string;
	to: string;
}

/** Old Zendesk article addresses recorded by id only: `/hc/<locale>/articles/<id>`. */
const zendeskIdPath = /^\/hc\/[a-z]{2,3}(?:-[a-z0-9]+)*\/articles\/\d+$/i;

/**
 * Every (old address → new address) pair a content tree declares in `redirectFrom`. For each Zendesk address
 * recorded by id only, it adds the same address with a slug that never existed, since old Zendesk links must
 * redirect by id whatever their slug. Use it to check the running Worker answers each `from` with a 301 to `to`.
 */
export async function listRedirectPairs(root: string): Promise<RedirectPair[]> {
	const { articles } = await readContent(root);
	const pairs: RedirectPair[] = [];
	for (const article of articles) {
		const paths = article.data?.['redirectFrom'];
		if (!Array.isArray(paths) || article.data?.['draft'] === true) continue;
		const to = articleUrl(article.locale, article.category, article.slug);
		for (const from of paths) {
			if (typeof from !== 'string') continue;
			pairs.push({ from, to });
			if (zendeskIdPath.test(from)) pairs.push({ from: `${from}-a-title-that-changed-since`, to });
		}
	}
	return pairs;
}

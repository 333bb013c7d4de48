import type { Loader } from 'astro/loaders';
import type { SiteConfig } from '../schemas/site-config';
import { quotedPolicies, withPolicyValuesInData } from './policy-values';

/**
 * Wraps the articles' loader so that the policies a frontmatter quotes (`description: You have
 * {policies.returnWindowDays} days…`) are written out in the article's language before anything reads the entry:
 * the page's description meta, its FAQ, the search and answer indexes, the Markdown twins. An article's digest covers
 * the values it quotes, so a change of one in site.yaml reads and renders again the articles that quote it. The
 * loader's base is content/, so an entry's id starts with its locale.
 */
export function withPolicyValuesLoader(loader: Loader, policies: SiteConfig['policies']): Loader {
	return {
		...loader,
		load: (context) =>
			loader.load({
				...context,
				generateDigest: (data) => context.generateDigest(typeof data === 'string' && data.includes('policies.') ? `${data}\0${quotedPolicies(data, policies)}` : data),
				parseData: (props) => context.parseData({ ...props, data: withPolicyValuesInData(props.data, policies, props.id.split('/')[0] ?? '') }),
			}),
	};
}

import type { SelfServicePage } from '../../config/page-urls.ts';
import { selfServiceActions } from '../query/self-service-actions.ts';
import type { Translate } from './strings.ts';

export interface SelfServiceOffer {
	page: SelfServicePage;
	url: string;
	title: string;
}

/**
 * The self-service pages `query` asks for ("track my order" → Track an order), with their titles and their addresses
 * in the page's language. The search form renders the addresses (`data-self-service="track:/en/track|…"`, from
 * src/config/page-urls.ts), so that this script carries neither the URL rules nor every language's slugs.
 */
export function selfServiceOffers(form: HTMLElement, query: string, language: string, t: Translate): SelfServiceOffer[] {
	const urls = new Map(
		(form.dataset['selfService'] ?? '')
			.split('|')
			.filter(Boolean)
			.map((entry) => [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)] as const),
	);
	return selfServiceActions(query, language).flatMap((page) => {
		const url = urls.get(page);
		return url ? [{ page, url, title: t(`selfService.${page}.title`) }] : [];
	});
}

/** The sentence that announces the offered pages, before the count of articles. */
export function offersSentence(offers: SelfServiceOffer[], t: Translate): string {
	return offers.length > 0 ? t('search.selfServiceOffer', { pages: offers.map((offer) => offer.title).join(', ') }) : '';
}

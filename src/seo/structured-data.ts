import type {
	ArticleLeaf,
	BreadcrumbListLeaf,
	FAQPageLeaf,
	Graph,
	IdReference,
	OrganizationLeaf,
	SearchAction,
	Thing,
	WebSiteLeaf,
	WithActionConstraints,
} from 'schema-dts';
import { homeUrl, searchUrl } from '../config/page-urls';
import { site } from '../config/site';
import { absoluteUrl } from './urls';

// Typed with schema-dts so that tsc refuses a misspelt type or property. Kept lean: an article page must arrive in
// one round trip, so nodes refer to the organisation by `@id` instead of repeating it.

const organizationId = absoluteUrl('/#organization');
const organizationReference: IdReference = { '@id': organizationId };

/**
 * The shop behind the help center. `full` adds its customer-service contact, for the home page; other pages
 * carry only what their `author` and `publisher` references need.
 */
export function organization(full = false): OrganizationLeaf {
	const { contact } = site;
	return {
		'@type': 'Organization',
		'@id': organizationId,
		name: site.brand.name,
		url: site.shopUrl,
		logo: absoluteUrl(site.brand.logo),
		...(full && {
			contactPoint: {
				'@type': 'ContactPoint',
				contactType: 'customer support',
				email: contact.email,
				...(contact.phone && { telephone: contact.phone }),
				availableLanguage: site.locales.map((locale) => locale.code),
			},
		}),
	};
}

/** The help center in one locale, with the search box search engines may show under it. */
export function webSite(locale: string, name: string): WebSiteLeaf {
	const search: WithActionConstraints<SearchAction> = {
		'@type': 'SearchAction',
		target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(searchUrl(locale))}?q={search_term_string}` },
		'query-input': 'required name=search_term_string',
	};
	return {
		'@type': 'WebSite',
		'@id': absoluteUrl(`${homeUrl(locale)}#website`),
		name,
		url: absoluteUrl(homeUrl(locale)),
		inLanguage: locale,
		publisher: organizationReference,
		potentialAction: search,
	};
}

/** The trail from the help center home to this page, as shown in the breadcrumbs. */
export function breadcrumbList(trail: { name: string; url: string }[]): BreadcrumbListLeaf {
	return {
		'@type': 'BreadcrumbList',
		itemListElement: trail.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.name,
			item: absoluteUrl(crumb.url),
		})),
	};
}

export interface ArticleFacts {
	title: string;
	description: string;
	/** The address the article is indexed under (the original, for a fallback page). */
	url: string;
	/** The language the text is written in. */
	language: string;
	updated: Date;
	section?: string | undefined;
}

/** An article; `updated` is the day this version was published, so it is both dates. */
export function article(facts: ArticleFacts): ArticleLeaf {
	const date = facts.updated.toISOString().slice(0, 10);
	return {
		'@type': 'Article',
		headline: facts.title,
		description: facts.description,
		url: absoluteUrl(facts.url),
		mainEntityOfPage: absoluteUrl(facts.url),
		inLanguage: facts.language,
		datePublished: date,
		dateModified: date,
		...(facts.section && { articleSection: facts.section }),
		...(site.brand.socialImage && { image: absoluteUrl(site.brand.socialImage) }),
		author: organizationReference,
		publisher: organizationReference,
	};
}

/** Questions and answers shown on the page. */
export function faqPage(pairs: { question: string; answer: string }[]): FAQPageLeaf {
	return {
		'@type': 'FAQPage',
		mainEntity: pairs.map((pair) => ({
			'@type': 'Question',
			name: pair.question,
			acceptedAnswer: { '@type': 'Answer', text: pair.answer },
		})),
	};
}

/** One JSON-LD document for the page, ready for a `<script type="application/ld+json">`. */
export function jsonLd(nodes: Thing[]): string {
	const graph: Graph = { '@context': 'https://schema.org', '@graph': nodes };
	// `<` escaped so that no text can close the script element early.
	return JSON.stringify(graph).replace(/</g, '\\u003c');
}

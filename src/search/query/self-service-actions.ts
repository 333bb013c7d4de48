import type { SelfServicePage } from '../../config/page-urls.ts';
import { foldAccents, inflectionsOf, tokenize } from './words.ts';

// The ways shoppers ask for each self-service page, per language: a query asks for the page when it holds every
// word of one of its phrases, in any form ("returning items", "commandes") and in any order, among other words.
// Stop words count here ("where … order"). Phrases stay specific: "return policy" is a question for an article,
// "return an item" a thing to do.
const phrases: Record<string, Record<SelfServicePage, string[]>> = {
	en: {
		track: ['track', 'where order', 'where parcel', 'where package', 'order status'],
		return: ['return item', 'return order', 'return parcel', 'send back', 'start return'],
		address: ['change address', 'wrong address', 'update address', 'edit address'],
		contact: ['contact', 'customer service', 'talk someone'],
	},
	fr: {
		track: ['suivre commande', 'suivre colis', 'suivi commande', 'suivi colis', 'où commande', 'où colis'],
		return: ['retourner', 'renvoyer', 'retour article', 'faire retour'],
		address: ['changer adresse', 'modifier adresse', 'mauvaise adresse'],
		contact: ['contact', 'contacter', 'service client'],
	},
};

/** The word and the words it is once a grammatical ending is taken off ("changement" → "change", "chang"). */
function forms(word: string, language: string): string[] {
	return [word, ...inflectionsOf(language).filter((ending) => word.length > ending.length + 2 && word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))];
}

/**
 * The self-service pages a query asks for ("track my order" → track, "changer d'adresse" → address), in the order
 * of the pages, none for a language without phrases. Only whole words count, the one being typed too: a word is not
 * taken for a longer one it starts ("retour" for "retourner": "politique de retour" asks for an article). Pure and
 * synchronous: the search box and the search page call it for each query, and so can the Worker.
 */
export function selfServiceActions(query: string, language: string): SelfServicePage[] {
	const ofLanguage = phrases[language.split('-')[0] ?? ''];
	if (!ofLanguage) return [];
	const queryForms = new Set(tokenize(foldAccents(query)).flatMap((word) => forms(word, language)));
	const has = (wanted: string) => forms(wanted, language).some((form) => queryForms.has(form));
	return (Object.keys(ofLanguage) as SelfServicePage[]).filter((page) => ofLanguage[page].some((phrase) => tokenize(foldAccents(phrase)).every(has)));
}

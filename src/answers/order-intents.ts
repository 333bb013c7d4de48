import type { SelfServicePage } from '../config/page-urls.ts';
import { foldedSentence } from '../search/query/words.ts';
import { english } from './order-phrases/en.ts';
import { french } from './order-phrases/fr.ts';
import type { IntentPhrases } from './order-phrases/phrases.ts';
import { modelAction } from './order-intent-model.ts';
import { orderIntentModel } from './order-intent-weights.ts';

/**
 * What a shopper can get done on a self-service page instead of reading an article. The search box offers the same
 * pages for their words (src/search/query/self-service-actions.ts: "track my order" is a thing to do); this module
 * decides when a whole question is about the shopper's own order, which the search's phrases cannot tell.
 */
export type SelfServiceAction = SelfServicePage;

/** The router's phrases per language (src/answers/order-phrases/). */
const phrases: Record<string, IntentPhrases> = { en: english, fr: french };

// Shoppers misspell the very words the router looks for; a misspelling no other word shares is read as the word.
const misspellings: [RegExp, string][] = [
	[/\b(?:oder|ordr|odrer|oreder|orer)(s?)\b/g, 'order$1'],
	// "my command": the French word in English.
	[/\b(my|the|your) command(s?)\b/g, '$1 order$2'],
	[/\b(?:parcle|parsel|parcell)(s?)\b/g, 'parcel$1'],
	[/\b(?:pakage|packge|pacakge|packag)(s?)\b/g, 'package$1'],
	[/\b(?:adress|addres)\b/g, 'address'],
	[/\b(?:delivry|delievery|deliverey)\b/g, 'delivery'],
	[/\b(?:comande|commade|comamnde|commmande)(s?)\b/g, 'commande$1'],
	[/\b(?:adrese|addresse|adresss)\b/g, 'adresse'],
];

/** The question folded ({@link foldedSentence}), with the router's own words spelt right. */
export function routedText(question: string): string {
	return misspellings.reduce((text, [typo, word]) => text.replace(typo, word), foldedSentence(question));
}

const nearPatterns = new Map<string, RegExp>();

/** The shopper's own order named, and at most four words on, a word of `words` (a pattern's source). */
function near(intent: IntentPhrases, words: string): RegExp {
	// Punctuation may follow the order ("my delivery? it's really late").
	const source = `${intent.own}\\W*?(?:\\s+\\S+){0,4}?\\s+(?:\\S*')?${words}`;
	let pattern = nearPatterns.get(source);
	if (!pattern) {
		pattern = new RegExp(source);
		nearPatterns.set(source, pattern);
	}
	return pattern;
}

/**
 * An order number as shoppers write it in a sentence: "#1004", "order 1004", "commande n° 1004", or a number of
 * four digits or more (not a year) next to the word order, parcel… elsewhere in the question ("1032 hasn't come,
 * where is my parcel"). A lone number is a card's last digits or a postcode as often as an order.
 */
const orderNumber = /#\s?\d{3,}|\b(?:order|commande|n°|no\.?|number|numero)\s*(?:#|n°|no\.?|number|numero)?\s*\d{3,}\b/u;
const bareNumber = /\b(?!(?:19|20)\d\d\b)\d{4,}\b/u;
const orderWord = /\b(?:orders?|parcels?|packages?|deliver(?:y|ies)|track(?:ing)?|happening with|commandes?|colis|paquets?|livraisons?|suivi|suivre|se passe)\b/u;
const namesAnOrder = (text: string) => orderNumber.test(text) || (bareNumber.test(text) && orderWord.test(text));

/**
 * The self-service page for a question about the shopper's own order or a request for a person, or undefined for a
 * question an article should answer. About one's own order means: it names an order number, asks where the order
 * is, asks the shop to do something to it ("I want to return the jacket I got"), or names something of the
 * shopper's with a word of one action ("when will my jumper arrive"); a question about a rule ("can I
 * change my address after ordering?", "if I send it back…") is left to the articles. Asking about another
 * customer's order goes to a person, never to an order page. With an order number, the action is the first named
 * of address, return and tracking, tracking when none is.
 */
export function selfServiceActionOf(question: string, language: string): SelfServiceAction | undefined {
	const intent = phrases[language.split('-')[0] ?? ''];
	if (!intent) return undefined;
	return actionOf(routedText(question), intent);
}

/**
 * The same, in whichever language the router knows the question is written: a shopper on the French pages who asks
 * "where is my order 1004" still wants the tracking page (in French, the page's language). The page's language is
 * tried first.
 */
export function selfServiceActionInAnyLanguage(question: string, pageLanguage: string): SelfServiceAction | undefined {
	const first = pageLanguage.split('-')[0] ?? '';
	const text = routedText(question);
	for (const language of [first, ...Object.keys(phrases).filter((other) => other !== first)]) {
		const intent = phrases[language];
		const action = intent && actionOf(text, intent);
		if (action) return action;
	}
	return undefined;
}

/** The action for a question already folded ({@link foldedSentence}), by one language's phrases. */
function actionOf(text: string, intent: IntentPhrases): SelfServiceAction | undefined {
	if (intent.person.test(text) || intent.someoneElse.test(text)) return 'contact';
	const action = intent.actions.find(([, pattern]) => pattern.test(text))?.[0];
	if (namesAnOrder(text)) return action ?? 'track';
	if (intent.status.test(text)) return 'track';
	// "is my order on its way?", "mon colis n'avance plus": the shopper's own order, then within a few words where it
	// is in its journey — unless the question asks what that means or what the rule is.
	if ((near(intent, intent.journey).test(text) || (near(intent, intent.arrival).test(text) && intent.notYet.test(text))) && !intent.meaning.test(text)) return action ?? 'track';
	if (intent.command.test(text.trim())) return action === 'track' || action === undefined ? 'track' : action;
	// "I put the wrong postcode on my order": the order carries a mistake the address page mends.
	// "Can I get it delivered to my mum's instead?" asks for a change, not whether one is allowed.
	if (intent.redirect.test(text)) return 'address';
	if (intent.wrongAddress.test(text) && intent.firstPerson.test(text) && !intent.meaning.test(text)) return 'address';
	// "how do I send back the sweater I got yesterday": one thing the shopper has, to send back or redirect.
	if (intent.ownItem.test(text) && (action === 'return' || action === 'address') && !intent.meaning.test(text)) return action;
	// "I want to return 2 items from my order, how do I do it?": asking how to do what one asks is no rule question.
	if (intent.request.test(text) && !intent.rule.test(text.replace(intent.howToDoIt, '')) && action && action !== 'track') return action;
	// Last, in any words: something of the shopper's ("my jumper", "mon colis") and a word of one action, in a
	// question that asks no rule and describes no condition ("when will my jumper arrive", "I made a typo in my
	// postcode").
	if (intent.possessed.test(text) && !intent.meaning.test(text) && !intent.rule.test(text) && !intent.condition.test(text)) {
		return intent.cues.find(([, pattern]) => pattern.test(text))?.[0];
	}
	return undefined;
}

/**
 * The page the router's model (order-intent-model.ts) deems a question wants, when likely enough: for wordings the
 * patterns above never saw ("the sandals still aren't here, ordered on the 2nd", "la jupe est trop courte, je la
 * renvoie"). It knows every language of the site at once. The engine asks it only when the patterns route nothing and no passage
 * answers, so a rule question an article answers keeps its answer.
 */
export function likelySelfServiceAction(question: string): SelfServiceAction | undefined {
	return modelAction(orderIntentModel, routedText(question));
}

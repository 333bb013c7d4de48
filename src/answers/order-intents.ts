import type { SelfServicePage } from '../config/page-urls.ts';
import { foldAccents } from '../search/query/words.ts';

/**
 * What a shopper can get done on a self-service page instead of reading an article. The search box offers the same
 * pages for their words (src/search/query/self-service-actions.ts: "track my order" is a thing to do); this module
 * decides when a whole question is about the shopper's own order, which the search's phrases cannot tell.
 */
export type SelfServiceAction = SelfServicePage;

interface IntentPhrases {
	/** Asking for a person. */
	person: RegExp;
	/** Asking where one's own order is, or saying it has not come. */
	status: RegExp;
	/** Asking the shop to do something ("I want to", "please", "can you"). */
	request: RegExp;
	/** A command as typed in a search box: "track my order", "changer l'adresse de ma commande". */
	command: RegExp;
	/** A question about a rule or a situation ("what now", "is that normal", "if…"): an article answers it. */
	rule: RegExp;
	/** Asking about someone else: never an order page. */
	someoneElse: RegExp;
	/** Per action, the words that name it, in the order they are tried. */
	actions: [SelfServiceAction, RegExp][];
}

// Matched against the question lowercased, accents folded and apostrophes straightened. Patterns, not word lists:
// "where is my order" asks about one's order, "where do I find my tracking number" asks about the shop's rules.
const phrases: Record<string, IntentPhrases> = {
	en: {
		person: /\b(?:(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |an |some ?one|some ?body|a real |an actual )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|representative|rep)|get me (?:a |an )?(?:real )?(?:person|human|agent)|contact (?:customer (?:service|support|care)|your support|support|you)|customer (?:service|care) (?:number|phone|email))\b/,
		status: /\b(?:where(?:'?s| is| are) (?:my|the) (?:order|parcel|package|delivery|stuff|items?|things?)|(?:my|the) (?:order|parcel|package|delivery) (?:has ?n'?t|has not|still has ?n'?t|never|did ?n'?t|is late|is delayed|still not|not)(?: yet)? (?:arrived|come|shipped|turned up|here)|has my (?:order|parcel|package) (?:shipped|left|arrived|been sent)|(?:still )?(?:have ?n'?t|have not|did ?n'?t|never) (?:received|got) my (?:order|parcel|package)|check on (?:my )?order)\b/,
		request: /\b(?:i (?:want|need|would like|'d like|wish) to|i want|please|pls|can you|could you|would you|start a|help me)\b/,
		rule: /\b(?:if|whether|what now|what do i|what should|how do|how can|how long|is that|is it|why|when)\b/,
		command: /^(?:please )?(?:track|trace|follow|return|send back|exchange|swap|change|update|edit)(?: the| my)? (?:order|parcel|package|delivery|items?|address|delivery address|shipping address)\b/,
		someoneElse: /\b(?:who(?:ever)? (?:placed|ordered|bought)|other (?:customer|people|person)|someone else|somebody else)/,
		actions: [
			['address', /\b(?:address|postcode|post code|zip ?code|deliver (?:it|them) to|send (?:it|them|order \S+) to)/],
			['return', /\b(?:return|send (?:it |them )?back|sending back|exchange|swap|refund me)/],
			['track', /\b(?:track|where|arriv|deliver|ship|dispatch|late|delay|status)/],
		],
	},
	fr: {
		person: /(?:parler (?:a|avec) (?:un |une |quelqu ?'?un|un vrai|une vraie|un humain|une personne)|conseill(?:er|ere)|(?:joindre|contacter|appeler) (?:le |votre |un )?service client|service client|un humain|une personne)/,
		status: /(?:ou (?:est|sont|en est) (?:ma|mon|mes) (?:commande|colis|paquet|livraison)|(?:il|elle) est ou (?:mon|ma) (?:colis|commande|paquet)|(?:ma|mon) (?:commande|colis|paquet) (?:\S+ )?(?:n'est |est )?(?:toujours |encore )?pas (?:arrivee?|partie?|expediee?)|(?:pas|jamais) (?:encore )?recu (?:mon|ma|mes) (?:colis|commande|paquet)|est-ce que (?:ma|mon) (?:commande|colis) (?:\S+ )?est (?:partie?|expediee?)|toujours rien recu)/,
		request: /(?:je (?:veux|voudrais|souhaite|souhaiterais|dois)|j'aimerais|pouvez-vous|vous pouvez|tu peux|pourriez-vous|svp|s'il vous plait|stp|merci de|changez|modifiez)/,
		rule: /(?:\bsi\b|je fais comment|comment|pourquoi|quand|combien|est-ce normal|c'est normal|je vais)/,
		command: /^(?:suivre|suivi|retourner|renvoyer|echanger|changer|modifier)(?: de| d'| l'| la| le| les| ma| mon| mes)* ?(?:commande|colis|paquet|articles?|adresse|livraison)\b/,
		someoneElse: /(?:(?:du|d'un|le|la) client qui|(?:qui a|ayant) (?:passe|commande)|autres? clients?|quelqu'un d'autre)/,
		actions: [
			['address', /(?:adresse|code postal|livrer (?:la commande \S+ )?a |faire livrer|envoyer (?:la commande \S+ )?a )/],
			['return', /(?:retourn|renvoy|renvoi|retour|echang|rembours)/],
			['track', /(?:suivi|suivre|ou est|arriv|livr|expedi|partie|retard)/],
		],
	},
};

/**
 * An order number as shoppers write it in a sentence: "#1004", "order 1004", "commande n° 1004", or a number of
 * four digits or more (not a year) next to the word order, parcel… elsewhere in the question ("1032 hasn't come,
 * where is my parcel"). A lone number is a card's last digits or a postcode as often as an order.
 */
const orderNumber = /#\s?\d{3,}|\b(?:order|commande|n°|no\.?|number|numero)\s*(?:#|n°|no\.?|number|numero)?\s*\d{3,}\b/u;
const bareNumber = /\b(?!(?:19|20)\d\d\b)\d{4,}\b/u;
const orderWord = /\b(?:orders?|parcels?|packages?|deliver(?:y|ies)|commandes?|colis|paquets?|livraisons?)\b/u;
const namesAnOrder = (text: string) => orderNumber.test(text) || (bareNumber.test(text) && orderWord.test(text));

/**
 * The self-service page for a question about the shopper's own order or a request for a person, or undefined for a
 * question an article should answer. About one's own order means: it names an order number, asks where the order
 * is, or asks the shop to do something to it ("I want to return the jacket I got"); a question about a rule ("can I
 * change my address after ordering?", "if I send it back…") is left to the articles. Asking about another
 * customer's order goes to a person, never to an order page. With an order number, the action is the first named
 * of address, return and tracking, tracking when none is.
 */
export function selfServiceActionOf(question: string, language: string): SelfServiceAction | undefined {
	const intent = phrases[language.split('-')[0] ?? ''];
	if (!intent) return undefined;
	const text = foldAccents(question.toLowerCase()).replace(/[’`´]/g, "'").replace(/\s+/g, ' ');
	if (intent.person.test(text) || intent.someoneElse.test(text)) return 'contact';
	const action = intent.actions.find(([, pattern]) => pattern.test(text))?.[0];
	if (namesAnOrder(text)) return action ?? 'track';
	if (intent.status.test(text)) return 'track';
	if (intent.command.test(text.trim())) return action === 'track' || action === undefined ? 'track' : action;
	if (intent.request.test(text) && !intent.rule.test(text) && action && action !== 'track') return action;
	return undefined;
}

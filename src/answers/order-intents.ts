import type { SelfServicePage } from '../config/page-urls.ts';
import { foldedSentence } from '../search/query/words.ts';

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
	/** The shopper's own order, parcel or refund named ("my parcel", "mon colis"), as a pattern's source. */
	own: string;
	/** Where an order is in its journey ("on its way", "late", "en route", "n'avance plus"), as a pattern's source. */
	journey: string;
	/** Arriving ("arrived", "delivered", "reçu"), as a pattern's source: about where the order is only when it has not yet. */
	arrival: string;
	/** Not yet, or not as expected ("hasn't", "supposed to", "toujours pas", "devait"). */
	notYet: RegExp;
	/** A question about what a state means or what the rule is ("what does that mean", "ça veut dire quoi"), even about one's own order. */
	meaning: RegExp;
	/** Per action, the words that name it, in the order they are tried. */
	actions: [SelfServiceAction, RegExp][];
}

/** One pattern of several alternatives, each written on its own line with what it catches. */
function anyOf(alternatives: string[], wordBoundaries = true): RegExp {
	const body = `(?:${alternatives.join('|')})`;
	return new RegExp(wordBoundaries ? String.raw`\b${body}\b` : body);
}

// Matched against the question lowercased, accents folded and apostrophes straightened. Patterns, not word lists:
// "where is my order" asks about one's order, "where do I find my tracking number" asks about the shop's rules.
const phrases: Record<string, IntentPhrases> = {
	en: {
		person: /\b(?:(?:phone|telephone) number|call you|help with my order|(?:a|an) (?:real |actual |live )?human|real person|live chat|on the phone|(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |an |some ?one|some ?body|a real |an actual )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|representative|rep|customer (?:service|support|care)|support|your (?:team|support|staff))|get me (?:a |an )?(?:real )?(?:person|human|agent)|contact (?:customer (?:service|support|care)|your support|support|you)|customer (?:service|care) (?:number|phone|email))\b/,
		status: anyOf([
				// "where is my order", "has my parcel shipped", "check on order…", "the status of my order"
				String.raw`where(?:'?s| is| are) (?:my|the) (?:order|parcel|package|delivery|stuff|items?|things?)`,
				String.raw`has my (?:order|parcel|package) (?:shipped|left|arrived|been sent)`,
				String.raw`check on (?:my )?order`,
				String.raw`(?:status of|news (?:on|about|of)|update (?:on|about)) (?:my|our) (?:order|parcel|package|delivery)`,
				// "my parcel hasn't arrived", "my order is late", "delivery not received", "I never got my package"
				String.raw`(?:my|the|our) (?:order|parcel|package|delivery|shipment) (?:still |just )?(?:has ?n'?t|has not|never|did ?n'?t|is(?: still)?|still|not|is ?n'?t)(?: yet| still| even)? (?:arrived|come|shipped|turned up|here|late|delayed|been (?:delivered|shipped|sent))`,
				String.raw`(?:order|parcel|package|delivery) (?:not|never) (?:received|arrived|delivered)`,
				String.raw`(?:still )?(?:have ?n'?t|have not|did ?n'?t|never) (?:received|got(?:ten)?) my (?:order|parcel|package)`,
				// "I ordered a coat last week and it's not here yet", "nothing has arrived"
				String.raw`i (?:ordered|bought|paid for) .{0,60}(?:not (?:here|arrived|come)|has ?n'?t (?:arrived|come|shipped)|still waiting|nothing (?:has )?(?:arrived|come))`,
				String.raw`nothing (?:has )?(?:arrived|come|turned up)|(?:it|they)(?:'s| is| are) (?:still )?not here yet`,
				String.raw`when will (?:i (?:get|receive) )?my (?:order|parcel|package) (?:arrive|come|ship|be delivered|get here)?`,
			]),
		request: /\b(?:i (?:want|need|would like|'d like|wish) to|i want|please|pls|can you|could you|would you|start a|help me)\b/,
		rule: /\b(?:if|whether|what now|what do i|what should|how do|how can|how long|is that|is it|why|when|sold out|out of stock)\b/,
		command: /^(?:please )?(?:track|trace|follow|return|send back|exchange|swap|change|update|edit)(?: the| my)? (?:order|parcel|package|delivery|items?|address|delivery address|shipping address)\b/,
		someoneElse: /\b(?:who(?:ever)? (?:placed|ordered|bought)|other (?:customer|people|person)|(?<!(?:received|got|sent me|delivered) )(?:someone|somebody) else)/,
		own: String.raw`\b(?:my|our) (?:\S+ )?(?:order|parcel|package|delivery|shipment|purchase|refund|return)s?\b(?! address)`,
		journey: String.raw`\b(?:on (?:its|their|the) way|(?:dispatch|ship)\w*|coming|go(?:ne)? out|left|here yet|moving|moved|updated?|late|delay\w*|stuck|status|processed)\b`,
		arrival: String.raw`\b(?:(?:arriv|deliver)\w*|come|came|get here|got here|turn(?:ed)? up)\b`,
		notYet: /\b(?:not|\w+n'?t|never|yet|still|supposed to|should have|meant to|when will|when is)\b/,
		meaning: /\b(?:what (?:does|do) (?:that|this|it|\S+) mean|what (?:happens|should|do|can) |is (?:that|this|it) normal|when does|when do|from when|how long|how much|do i (?:have|need)|can i|could i|why)\b/,
		actions: [
			['address', /\b(?:address|postcode|post code|zip ?code|deliver (?:it|them) to|send (?:it|them|order \S+) to)/],
			['return', /\b(?:return|send (?:it |them )?back|sending back|exchange|swap|refund|money back)/],
			['track', /\b(?:track|where|arriv|deliver|ship|dispatch|late|delay|status)/],
		],
	},
	fr: {
		person: /(?:numero de telephone|vous appeler|vous telephoner|parler (?:a|avec) (?:un |une |quelqu ?'?un|un vrai|une vraie|un humain|une personne)|conseill(?:er|ere)|(?:joindre|contacter|appeler) (?:le |votre |un )?service client|service client|un humain|une personne)/,
		status: anyOf([
				// "où est ma commande", "il est où mon colis", "est-ce que ma commande est partie"
				String.raw`ou (?:est|sont|en est) (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:des )?nouvelles de (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:il|elle) est ou (?:mon|ma) (?:colis|commande|paquet)`,
				String.raw`est-ce que (?:ma|mon) (?:commande|colis) (?:\S+ )?est (?:partie?|expediee?)`,
				// "ma commande n'est toujours pas arrivée", "mon colis a du retard", "commande non reçue"
				String.raw`(?:ma|mon) (?:commande|colis|paquet) (?:\S+ )?(?:n'est |est )?(?:toujours |encore )?pas (?:arrivee?|partie?|expediee?)`,
				String.raw`(?:ma|mon|mes) (?:commande|colis|paquets?)s? (?:a|ont|est|sont) (?:du |en )?retard`,
				String.raw`(?:commande|colis|paquet)s? (?:non|pas|jamais) (?:recue?s?|arrivee?s?|livree?s?)`,
				String.raw`(?:pas|jamais) (?:encore )?recu (?:mon|ma|mes) (?:colis|commande|paquet)`,
				String.raw`toujours (?:rien recu|pas (?:de|mon|ma) (?:colis|commande|paquet))`,
				String.raw`quand (?:est-ce que je vais|vais-je|je vais|est-ce que je vais) recevoir (?:ma|mon|mes) (?:commande|colis|paquet)`,
			], false),
		request: /(?:je (?:veux|voudrais|souhaite|souhaiterais|dois)|j'aimerais|pouvez-vous|vous pouvez|tu peux|pourriez-vous|svp|s'il vous plait|stp|merci de|changez|modifiez)/,
		rule: /(?:\bsi\b|je fais comment|comment|pourquoi|quand|combien|est-ce normal|c'est normal|je vais|plus disponible|rupture)/,
		command: /^(?:suivre|suivi|retourner|renvoyer|echanger|changer|modifier)(?: de| d'| l'| la| le| les| ma| mon| mes)* ?(?:commande|colis|paquet|articles?|adresse|livraison)\b/,
		someoneElse: /(?:(?:du|d'un|le|la) client qui|(?:qui a|ayant) (?:passe|commande)|autres? clients?|quelqu'un d'autre)/,
		own: String.raw`\b(?:ma|mon|mes|notre|nos) (?:\S+ )?(?:commande|colis|paquet|livraison|achat|remboursement|retour)s?\b`,
		journey: String.raw`(?:\ben (?:route|chemin|cours de livraison)|\b(?:expedi|parti)\w*|\bretard|\bbloque\w*|\bavance|\bbouge|\bstatut|\btraite\w*)`,
		arrival: String.raw`\b(?:arriv|livr|recu|recev)\w*`,
		notYet: /(?:\bpas\b|\bjamais\b|\btoujours\b|\bencore\b|\bdevai[st]\b|\bdevrai[st]\b|aurai[st] du|\bquand\b)/,
		meaning: /(?:veut dire|ca signifie|c'est quoi|qu'est-ce que|est-ce normal|c'est normal|\bc normal|combien de temps|pourquoi|\bsi\b|a partir de quand|part de quand|je peux|puis-je|peut-on|on peut|que dois-je|je fais quoi)/,
		actions: [
			['address', /(?:adresse|code postal|livrer (?:la commande \S+ )?a |faire livrer|envoyer (?:la commande \S+ )?a )/],
			['return', /(?:retourn|renvoy|renvoi|retour|echang|rembours)/],
			['track', /(?:suivi|suivre|ou est|arriv|livr|expedi|partie|retard)/],
		],
	},
};

const nearPatterns = new Map<string, RegExp>();

/** The shopper's own order named, and at most four words on, a word of `words` (a pattern's source). */
function near(intent: IntentPhrases, words: string): RegExp {
	const source = `${intent.own}(?:\\s+\\S+){0,4}?\\s+(?:\\S*')?${words}`;
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
	return actionOf(foldedSentence(question), intent);
}

/**
 * The same, in whichever language the router knows the question is written: a shopper on the French pages who asks
 * "where is my order 1004" still wants the tracking page (in French, the page's language). The page's language is
 * tried first.
 */
export function selfServiceActionInAnyLanguage(question: string, pageLanguage: string): SelfServiceAction | undefined {
	const first = pageLanguage.split('-')[0] ?? '';
	const text = foldedSentence(question);
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
	if (intent.request.test(text) && !intent.rule.test(text) && action && action !== 'track') return action;
	return undefined;
}

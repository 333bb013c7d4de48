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
	/** One thing the shopper has: "the sweater I got yesterday", "the order I just placed", "le pull reçu hier". */
	ownItem: RegExp;
	/** Saying the order carries a wrong address ("I put the wrong postcode", "je me suis trompée d'adresse"). */
	wrongAddress: RegExp;
	/** The shopper speaking of themself ("I", "my", "je", "ma"). */
	firstPerson: RegExp;
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
		person: /\b(?:(?:phone|telephone) number|call you|help with my order|(?:a|an) (?:real |actual |live )?human|real person|live chat|on the phone|(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |an |some ?one|some ?body|a real |an actual )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|representative|rep|customer (?:service|support|care)|support|your (?:team|support|staff))|get me (?:a |an )?(?:real )?(?:person|human|agent)|contact (?:customer (?:service|support|care)|your support|support|you)|customer (?:service|care) (?:number|phone|email)|(?:call|ring|phone) me(?: back)?|call (?:me )?back|(?:someone|somebody|a person) to help me|(?:a )?problem with my order|(?:e-?mail|email) address (?:i|we) can (?:write|send|reach)|how (?:do|can) i (?:contact|reach|email) you|(?:talk|speak) (?:to|with) (?:a |the |your )?(?:manager|supervisor)|(?:make|file|raise|about) a complaint|complain about)\b/,
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
				String.raw`i (?:ordered|bought|paid for) .{0,60}(?:not (?:here|arrived|come)|(?:has|have) ?n'?t (?:arrived|come|shipped|turned up)|(?:has|have) not (?:arrived|come|shipped)|still waiting|nothing (?:has )?(?:arrived|come))`,
				String.raw`nothing (?:has )?(?:arrived|come|turned up)|(?:it|they)(?:'s| is| are) (?:still )?not here yet`,
				String.raw`when will (?:i (?:get|receive) )?my (?:order|parcel|package) (?:arrive|come|ship|be delivered|get here)?`,
				// "when my order will be with me", "can you check where my order is"
				String.raw`when (?:will )?my (?:order|parcel|package|delivery)(?: will)? (?:arrive|come|get here|be (?:with me|here|delivered)|ship)`,
				String.raw`where my (?:order|parcel|package|delivery) (?:is|has got to|has gone)`,
				// "I haven't received anything yet" (not a delivered parcel gone missing: an article covers that)
				String.raw`^(?!.*deliver).*(?:have ?n'?t|have not|still not|not) (?:received|got(?:ten)?) anything(?: yet)?\W*$`,
				// "where the hell is my order", "what's happening with my parcel", "did you send my order yet"
				String.raw`where (?:\S+ ){1,3}?(?:is|are) my (?:order|parcel|package|delivery|stuff)`,
				String.raw`what(?:'?s| is) (?:happening|going on|up) with my (?:order|parcel|package|delivery)`,
				String.raw`(?:did|have) you (?:send|sent|ship|shipped|post|posted|dispatch|dispatched)(?: out)? my (?:order|parcel|package)`,
				// "still waiting for my parcel", "I didn't get my package", "tracking hasn't updated since Friday"
				String.raw`waiting (?:\S+ ){0,3}?(?:for|on) (?:my|our) (?:order|parcel|package|delivery|stuff|items?)`,
				String.raw`(?:did ?n'?t|did not|never|have ?n'?t|have not) (?:get|receive) (?:my|our|the) (?:order|parcel|package|delivery|items?)`,
				String.raw`tracking (?:has ?n'?t|has not|is ?n'?t|still has ?n'?t|never) (?:been )?(?:updated|changed|moved)\b.{0,30}\b(?:on|for|of) my (?:order|parcel|package)`,
			]),
		request: /\b(?:i (?:want|need|would like|wish) to|i'?d like|i want|i wanna|^need to|please|pls|can you|could you|would you|start a|help me)\b/,
		rule: /\b(?:if|whether|what now|what do i|what should|how do|how can|how long|is that|is it|why|when|sold out|out of stock)\b/,
		command: /^(?:please )?(?:track|trace|follow|return|send back|exchange|swap|change|update|edit)(?: the| my)? (?:order|parcel|package|delivery|items?|address|delivery address|shipping address)\b|^how (?:can|do) i (?:track|trace|return|send back|exchange|swap) (?:my|the) (?:order|parcel|package|items?)\b/,
		someoneElse: /\b(?:who(?:ever)? (?:placed|ordered|bought)|other (?:customer|people|person)|(?<!(?:received|got|sent me|delivered) )(?:someone|somebody) else)/,
		own: String.raw`\b(?:(?:my|our) (?:\S+ )?(?:order|parcel|package|delivery|shipment|purchase|refund|return)s?\b(?! address)|the (?:order|parcel|package|delivery|shipment) (?:i|we)(?:'m| am|'re| are)? (?:just )?(?:expecting|waiting for|placed|made))`,
		journey: String.raw`\b(?:on (?:its|their|the) way|(?:dispatch|ship)\w*|coming|go(?:ne)? out|left|here yet|moving|moved|updated?|late|delay\w*|stuck|status|process\w*|preparation|pending|due|expected)\b`,
		arrival: String.raw`\b(?:(?:arriv|deliver)\w*|come|came|get here|got here|turn(?:ed)? up)\b`,
		notYet: /\b(?:not|\w+n'?t|never|yet|still|supposed to|should have|meant to|when will|when is)\b/,
		meaning: /\b(?:what (?:does|do) (?:that|this|it|\S+) mean|what (?:happens|should|do|can) |is (?:that|this|it) normal|when does|when do|from when|how long|how much|do i (?:have|need)|can i|could i|why)\b/,
		ownItem: /\b(?:(?:the|my|these|those|this|that) (?:\S+ ){0,2}?(?:i|we) (?:just |recently )?(?:got|bought|received|ordered|purchased)|the (?:order|parcel|package) (?:i|we) (?:just )?(?:placed|made))\b/,
		wrongAddress: /\b(?:(?:missing|without|forgot|left out) (?:the |my )?(?:flat|apartment|house|building|door) number|(?:wrong|old|incorrect|previous|outdated|mistyped|misspelt|misspelled) (?:my |the |our )?(?:post ?code|zip(?: ?code)?|(?:delivery |shipping )?address|house number|street(?: name)?|(?:flat|apartment|building|door) number|city|town)|(?:address|post ?code|zip(?: ?code)?|house number) (?:is |was )?(?:wrong|incorrect|mistyped|misspelt|misspelled))\b/,
		firstPerson: /\b(?:i|i'm|i've|my|we|our)\b/,
		actions: [
			['address', /\b(?:address|postcode|post code|zip ?code|(?:send|deliver|ship) (?:it|them|order \S+|(?:my|the) (?:order|parcel|package)) to)/],
			['return', /\b(?:return|send (?:\S+ ){0,3}?back|sending (?:\S+ ){0,3}?back|exchange|swap|refund|money back)/],
			['track', /\b(?:track|where|arriv|deliver|ship|dispatch|late|delay|status)/],
		],
	},
	fr: {
		person: /(?:numero de telephone|vous appeler|vous telephoner|parler (?:a|avec) (?:un |une |quelqu ?'?un|un vrai|une vraie|un humain|une personne)|conseill(?:er|ere)|(?:joindre|contacter|appeler) (?:le |votre |un )?service client|service client|un humain|une personne|rappele[rz][- ]moi|me rappeler|appelez[- ]moi|m'appeler|me telephoner|a qui (?:je peux|puis-je|dois-je|je dois|m'adresser|me plaindre)|(?:faire|deposer) une reclamation|\bme plaindre)/,
		status: anyOf([
				// "où est ma commande", "il est où mon colis", "est-ce que ma commande est partie"
				String.raw`ou (?:est|sont|en est) (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:des )?nouvelles de (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:il|elle) est ou (?:mon|ma|le|la) (?:colis|commande|paquet)`,
				String.raw`est-ce que (?:ma|mon) (?:commande|colis) (?:\S+ )?est (?:partie?|expediee?)`,
				// "ma commande n'est toujours pas arrivée", "mon colis a du retard", "commande non reçue"
				String.raw`(?:ma|mon) (?:commande|colis|paquet) (?:\S+ )?(?:n'est |est )?(?:toujours |encore )?pas (?:arrivee?|partie?|expediee?)`,
				String.raw`(?:ma|mon|mes) (?:commande|colis|paquets?)s? (?:a|ont|est|sont) (?:du |en )?retard`,
				String.raw`(?:commande|colis|paquet)s? (?:non|pas|jamais) (?:recue?s?|arrivee?s?|livree?s?)`,
				String.raw`(?:pas|jamais) (?:encore )?recu (?:mon|ma|mes) (?:colis|commande|paquet)`,
				String.raw`toujours (?:rien recu|pas (?:de|mon|ma) (?:colis|commande|paquet))`,
				String.raw`quand (?:est-ce que je vais|vais-je|je vais|est-ce que je vais) recevoir (?:ma|mon|mes) (?:commande|colis|paquet)`,
				// "j'ai commandé deux chemises et je ne les ai toujours pas reçues"
				String.raw`j'ai (?:commande|achete|paye) .{0,60}(?:toujours pas|pas encore|jamais) (?:recue?s?|arrivee?s?|livree?s?)`,
				// "je n'ai encore rien reçu" (not a delivered parcel gone missing: an article covers that)
				String.raw`^(?!.*livr).*(?:n'ai|j'ai|ai) (?:toujours |encore |pas encore )?rien recu\W*$`,
				// "j'attends toujours mon colis", "elle arrive quand ma commande", "vous avez envoyé ma commande ?"
				String.raw`(?:j'attends|attends) (?:toujours |encore )?(?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`en attente de (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:elle|il) arrive quand (?:ma|mon) (?:commande|colis|paquet)|(?:ma|mon) (?:commande|colis|paquet) arrive quand`,
				String.raw`(?:vous avez|avez-vous|vous m'avez) (?:bien )?(?:envoye|expedie|poste) (?:ma|mon|mes) (?:commande|colis|paquet)`,
				// "le suivi de mon colis n'a pas bougé depuis vendredi"
				String.raw`\ble suivi de (?:ma|mon) (?:commande|colis|paquet) (?:n'a (?:pas|plus|toujours pas)|ne \S+ (?:plus|pas)) (?:bouge|change|avance|evolue)`,
			], false),
		request: /(?:je (?:veux|voudrais|souhaite|souhaiterais|dois)|j'aimerais|pouvez-vous|vous pouvez|tu peux|pourriez-vous|svp|s'il vous plait|stp|merci d(?:e |')|changez|modifiez)/,
		rule: /(?:\bsi\b|je fais comment|comment|pourquoi|quand|combien|est-ce normal|c'est normal|je vais|plus disponible|rupture)/,
		command: /^(?:(?:suivre|suivi|retourner|renvoyer|echanger|changer|modifier)(?: de| d'| l'| la| le| les| ma| mon| mes)* ?(?:commande|colis|paquet|articles?|adresse|livraison)|comment (?:je |puis-je )?(?:suivre|retourner|renvoyer|echanger) (?:ma|mon|mes) (?:commande|colis|paquet|articles?))\b/,
		someoneElse: /(?:(?:du|d'un|le|la) client qui|(?:qui a|ayant) (?:passe|commande)|autres? clients?|quelqu'un d'autre)/,
		own: String.raw`\b(?:ma|mon|mes|notre|nos) (?:\S+ )?(?:commande|colis|paquet|livraison|achat|remboursement|retour)s?\b`,
		journey: String.raw`(?:\ben (?:route|chemin|cours de livraison)|\b(?:expedi|parti)\w*|\bretard|\bbloque\w*|\bavance|\bbouge|\bstatut|\btraite\w*|\ben preparation|\ben attente|\bprevue?|\battendue?)`,
		arrival: String.raw`\b(?:arriv|livr|recu|recev)\w*`,
		notYet: /(?:\bpas\b|\bjamais\b|\btoujours\b|\bencore\b|\bdevai[st]\b|\bdevrai[st]\b|aurai[st] du|\bquand\b)/,
		meaning: /(?:veut dire|ca signifie|c'est quoi|qu'est-ce que|est-ce normal|c'est normal|\bc normal|combien de temps|pourquoi|\bsi\b|a partir de quand|part de quand|je peux|puis-je|peut-on|on peut|que dois-je|je fais quoi)/,
		// Folded, "commandé" is "commande": the order itself only after "que j'ai".
		ownItem: /\b(?:le|la|les|l'|mon|ma|mes|ce|cette|ces) ?(?:\S+ ){0,2}?(?:(?:que j'ai (?:\S+ )?|qu'on m'a )?(?:recue?s?|achetee?s?)|que j'ai (?:\S+ )?commandee?s?)\b/,
		wrongAddress: /(?:(?:il manque|oublie) (?:le |la |mon |ma )?(?:numero d'appartement|numero de rue|code postal|etage|batiment|code d'acces|digicode|numero de l'appartement)|mal (?:ecrit|saisi|tape|orthographie|mis|indique|rempli) (?:\S+ ){0,4}?(?:adresse|rue|code postal|ville)|trompee?s? (?:d'adresse|de code postal|de rue|de numero|de ville)|(?:mauvaise?|ancienne?|fausse) (?:adresse|code postal|rue|ville)|(?:mauvais|ancien) (?:code postal|numero)|(?:adresse|code postal) (?:erronee?|incorrecte?|faux|fausse))/,
		firstPerson: /(?:\bj'|\bje\b|\bme\b|\bm'|\bma\b|\bmon\b|\bmes\b)/,
		actions: [
			['address', /(?:adresse|code postal|(?:livrer|envoyer|expedier) (?:ma commande |mon colis |la commande \S+ |le colis )?(?:a|au|chez) |faire livrer)/],
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
	// "I put the wrong postcode on my order": the order carries a mistake the address page mends.
	if (intent.wrongAddress.test(text) && intent.firstPerson.test(text) && !intent.meaning.test(text)) return 'address';
	// "how do I send back the sweater I got yesterday": one thing the shopper has, to send back or redirect.
	if (intent.ownItem.test(text) && (action === 'return' || action === 'address') && !intent.meaning.test(text)) return action;
	if (intent.request.test(text) && !intent.rule.test(text) && action && action !== 'track') return action;
	return undefined;
}

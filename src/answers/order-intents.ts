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
	/** Asking how to do what one has just asked for ("how do I do it", "comment faire"). */
	howToDoIt: RegExp;
	/** Saying the order carries a wrong address ("I put the wrong postcode", "je me suis trompée d'adresse"). */
	wrongAddress: RegExp;
	/** The shopper speaking of themself ("I", "my", "je", "ma"). */
	firstPerson: RegExp;
	/** Something of theirs that an order brings ("my jumper", "mon colis"), not their account, card or family. */
	possessed: RegExp;
	/** Its condition or make-up ("damaged", "in two parcels"): what an article explains, even about one's own order. */
	condition: RegExp;
	/** Per action, any word of it, for a question that names something of the shopper's and asks no rule. */
	cues: [SelfServiceAction, RegExp][];
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
		// anyOf() puts a word boundary after each pattern: one that must end the question ends in a lookahead
		// ("(?=\W*$)"), or a question ending in "?" or "!" would never match it.
		person: /\b(?:(?:phone|telephone) number|call you|help with my order|(?:a|an) (?:real |actual |live )?human|real person|live chat|on the phone|(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |an |some ?one|some ?body|a real |an actual )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|representative|rep|customer (?:service|support|care)|support|your (?:team|support|staff|customer (?:service|support|care)))|(?:get|give) me (?:a |an )?(?:real |actual )?(?:person|human|agent)|contact (?:customer (?:service|support|care)|your support|support|you)|customer (?:service|care) (?:number|phone|email)|(?:call|ring|phone) me(?: back)?|call (?:me )?back|(?:someone|somebody|a person) to help me|(?:a )?problem with my (?:order|delivery|parcel|package)|who (?:do|can|should) i contact|(?:e-?mail|email) address (?:i|we) can (?:write|send|reach)|how (?:do|can) i (?:contact|reach|email|call) (?:you|customer (?:service|support|care)|(?:your )?(?:support|team))|contact (?:with )?(?:a |an )?(?:person|human|agent|someone)|(?:talk|speak) (?:to|with) (?:a |the |your )?(?:manager|supervisor)|(?:make|file|raise|about) a complaint|complain about|(?:want|like|need) to complain|(?:email|write to|message) (?:someone|somebody|a person)|^customer (?:service|support|care)(?=\W*$)|number (?:i|we) can (?:call|ring|phone)|(?:no one|nobody|no-one) (?:has )?(?:replied|answered|responded|got back)|(?:emailed|written|wrote|called|messaged) (?:you )?(?:twice|three times|several times|\d+ times))\b/,
		status: anyOf([
				// "where is my order", "has my parcel shipped", "check on order…", "the status of my order"
				String.raw`where(?:'?s| is| are) (?:my|the) (?:order|parcel|package|delivery|stuff|items?|things?)`,
				String.raw`has (?:(?:the )?\S+ (?:\S+ )?of )?my (?:order|parcel|package) (?:shipped|left|arrived|been (?:sent|shipped|dispatched))`,
				String.raw`\bstill no (?:delivery|parcel|package|order)\b`,
				String.raw`where(?:'?s| is| are) (?:the|my) (?:\S+ ){1,2}?(?:i|we) (?:paid for|ordered|bought)`,
				String.raw`(?:order|parcel|package|delivery) (?:still )?(?:has ?n'?t|has not|never) (?:come|arrived|turned up|shown up)`,
				String.raw`(?:you said|you promised|supposed to (?:be|take)|meant to (?:be|take)) .{0,20}\d.{0,30}(?:it'?s been|now) \d+`,
				String.raw`^no (?:delivery|parcel|package|order)(?: yet)?`,
				String.raw`(?:order|parcel|package) (?:is |has been )?(?:stuck |sitting )?(?:in|at) (?:a|the) (?:depot|warehouse|sorting (?:centre|center|office)|hub|post office) (?:since|for)`,
				String.raw`(?:been|it'?s been|it has been) (?:ages|forever|so long|weeks|a (?:week|month)|\d+ \w+) since (?:i|we) ordered`,
				String.raw`^(?:my )?(?:order|parcel|package) (?:arrived|shipped|sent|dispatched)(?= ?\?\W*$)`,
				String.raw`check on (?:my )?order`,
				String.raw`(?:status of|news (?:on|about|of)|update (?:on|about)|checking on) (?:my|our) (?:\S+ )?(?:order|parcel|package|delivery|purchase|stuff)`,
				// "my parcel hasn't arrived", "my order is late", "delivery not received", "I never got my package"
				String.raw`(?:my|the|our) (?:order|parcel|package|delivery|shipment) (?:still |just )?(?:has ?n'?t|has not|never|did ?n'?t|is(?: still)?|still|not|is ?n'?t)(?: yet| still| even)? (?:arrived|come|shipped|turned up|here|late|delayed|been (?:delivered|shipped|sent))`,
				String.raw`(?:order|parcel|package|delivery) (?:not|never) (?:received|arrived|delivered)`,
				String.raw`(?:still )?(?:have ?n'?t|have not|did ?n'?t|never) (?:received|got(?:ten)?) my (?:order|parcel|package)`,
				// "I ordered a coat last week and it's not here yet", "nothing has arrived"
				String.raw`(?:\bi |\bwe |^|[,.!] ?)(?:ordered|bought|paid(?: for)?) .{0,60}(?:(?:still )?nothing(?: yet| so far|(?=\W*$))|not (?:here|arrived|come)|(?:has|have) ?n'?t (?:arrived|come|shipped|turned up)|(?:has|have) not (?:arrived|come|shipped)|still waiting|nothing (?:has )?(?:arrived|come))`,
				String.raw`nothing (?:has )?(?:been )?(?:arrived|come|turned up|delivered)|(?:it|they)(?:'s| is| are) (?:still )?not here yet`,
				String.raw`when will (?:i (?:get|receive) )?my (?:order|parcel|package) (?:arrive|come|ship|be delivered|get here)?`,
				// "when my order will be with me", "can you check where my order is"
				String.raw`when (?:will )?my (?!refund|money)(?:\S+ ){1,2}?(?:will )?(?:arrive|come|get here|be (?:with me|here|delivered)|ship)`,
				String.raw`where my (?:order|parcel|package|delivery) (?:is|has got to|has gone)`,
				String.raw`when (?:i'?ll|will i|i will|am i going to|i'?m going to) (?:get|receive) my (?!refund|money)`,
				String.raw`when (?:should|can|do|will) i (?:expect|get|receive) my (?!refund|money)`,
				String.raw`(?:lost|missing|no sign)\W.{0,30}ordered (?:\S+ ){1,2}ago|ordered (?:\S+ ){1,2}ago.{0,30}(?:lost|missing|nothing|no sign|not (?:arrived|here))`,
				String.raw`(?:still )?(?:do ?n'?t|do not) have my (?:order|parcel|package|stuff|items?)`,
				String.raw`when (?:arrives?|comes?) my`,
				String.raw`^(?:my )?(?:order|parcel|package|delivery) (?:is )?(?:late|delayed|missing|lost)(?=\W*$)`,
				// "been 6 days no parcel", "6 jours et pas de colis"
				String.raw`\d+ (?:days?|weeks?) (?:and |now )?(?:still )?(?:no|without (?:a|my)) (?:parcel|package|order|delivery)`,
				String.raw`(?:the|my) (?:box|parcel|package|order|delivery|stuff|items?) (?:has )?never (?:arrived|came|turned up|showed up|got here)`,
				String.raw`when (?:will|is|are) my (?:\S+ ){1,2}?(?:arrive|arriving|come|coming|get here|be delivered|ship|shipping)`,
				// "I haven't received anything yet" (not a delivered parcel gone missing: an article covers that)
				String.raw`^(?!.*deliver).*(?:have ?n'?t|have not|still not|not) (?:received|got(?:ten)?) anything(?: yet)?(?=\W*$)`,
				// "where the hell is my order", "what's happening with my parcel", "did you send my order yet"
				String.raw`where (?:\S+ ){1,3}?(?:is|are) my (?:order|parcel|package|delivery|stuff)`,
				String.raw`what(?:'?s| is) (?:happening|going on|up) with my (?:order|parcel|package|delivery)`,
				String.raw`(?:did|have) you (?:send|sent|ship|shipped|post|posted|dispatch|dispatched)(?: out)? my (?:order|parcel|package)`,
				// "still waiting for my parcel", "I didn't get my package", "tracking hasn't updated since Friday"
				String.raw`waiting (?:\S+ ){0,3}?(?:for|on) (?:my|our) (?:order|parcel|package|delivery|stuff|items?)`,
				String.raw`(?:did ?n'?t|did not|never|have ?n'?t|have not) (?:get|receive) (?:my|our|the) (?:order|parcel|package|delivery|items?)`,
				String.raw`tracking (?:has ?n'?t|has not|is ?n'?t|still has ?n'?t|never) (?:been )?(?:updated|changed|moved)\b.{0,30}\b(?:on|for|of) my (?:order|parcel|package)`,
			]),
		request: /\b(?<!do )(?:i (?:want|need|would like|wish) to|i'?d like|i want|i wanna|^need to|please|pls|can you|could you|would you|start a|help me)\b/,
		rule: /\b(?:if|whether|what now|what do i|what should|how do|how can|how long|is that|is it|why|when|where (?:do|does|can|should|would)|do you|does it|is there|are there|too late|still possible|p\.?o\.? box|sold out|out of stock)\b/,
		command: /^(?:(?:i'?m|i am|we'?re|we are) )?(?:returning|sending back|exchanging) (?:the|my|these|those|this|our) |^(?:return|send back|exchange|swap) (?:the |my |this )?(?!polic|window|label|address|fees?\b|costs?\b|period|time|shipping|condition|rule|item\b|items\b)[a-z-]+\W*$|^(?:please )?(?:track|trace|follow|return|send back|exchange|swap|change|update|edit)(?: the| my)? (?:order|parcel|package|delivery|items?|address|delivery address|shipping address)\b|^how (?:can|do) i (?:track|trace|return|send back|exchange|swap|get a refund for|get my money back for) (?:my \S+|the (?:order|parcel|package))\b|^how (?:can|do) i (?:make|start|do|request) an? (?:return|refund|exchange) (?:of|for|on) my\b/,
		someoneElse: /\b(?:who(?:ever)? (?:placed|ordered|bought)|other (?:customer|people|person)|(?<!(?:received|got|sent me|delivered) )(?:someone|somebody) else'?s|my (?:wife|husband|partner|girlfriend|boyfriend|mum|mom|mother|dad|father|sister|brother|friend|son|daughter|boss|colleague|grandma|grandmother|grandad|grandfather|aunt|uncle|neighbou?r)(?:'?s)? (?:order|parcel|package|account|address)|my (?:wife|husband|partner|girlfriend|boyfriend|mum|mom|mother|dad|father|sister|brother|friend|son|daughter|boss|colleague|grandma|grandmother|grandad|grandfather|aunt|uncle|neighbou?r) (?:placed|made|ordered|bought)|on behalf of my (?:wife|husband|partner|girlfriend|boyfriend|mum|mom|mother|dad|father|sister|brother|friend|son|daughter|boss|colleague|grandma|grandmother|grandad|grandfather|aunt|uncle|neighbou?r)|(?:her|his|their) (?:order|parcel|package|account|address))/,
		own: String.raw`\b(?:(?:my|our) (?:\S+ )?(?:order|parcel|package|delivery|shipment|purchase|refund|return)s?\b(?! address)|the (?:order|parcel|package|delivery|shipment) (?:i|we)(?:'m| am|'re| are)? (?:just )?(?:expecting|waiting for|placed|made))`,
		journey: String.raw`\b(?:on (?:its|their|the) way|(?:dispatch|ship)\w*|coming|go(?:ne)? out|left|here yet|moving|moved|updated?|late|delay\w*|stuck|status|process\w*|preparation|pending|due|expected)\b`,
		arrival: String.raw`\b(?:(?:arriv|deliver)\w*|come|came|get here|got here|turn(?:ed)? up)\b`,
		notYet: /\b(?:not|(?:has|have|had|is|are|was|were|did|does|do|could|would|should|wo|ca)n'?t|never|yet|still|supposed to|should have|meant to|when will|when is)\b/,
		meaning: /\b(?:what (?:does|do) (?:that|this|it|\S+) mean|what (?:happens|should|do|can) |is (?:that|this|it) normal|when does|when do|from when|how long|how much|do i (?:have|need)|can i|could i|why|too late|still possible|still time|pretend|imagine|act as|approve)\b/,
		howToDoIt: /\bhow (?:do|can|should) i (?:do|go about) (?:it|that|this)\b|\bwhat do i (?:need to )?do\b/g,
		ownItem: /\b(?:(?:the|my|these|those|this|that) (?:[\w'-]+ ){0,2}?(?:i|we) (?:just |recently )?(?:got|bought|received|ordered|purchased)|the (?:order|parcel|package) (?:i|we) (?:just )?(?:placed|made))\b/,
		wrongAddress: /\b(?:(?:deliver|send|ship)\w* (?:\S+ ){0,3}?to my (?:work|office|neighbou?r|mum|mom|parents?|friend|new)|instead of (?:my )?home|(?:missing|without|forgot|left out) (?:the |my )?(?:flat|apartment|house|building|door) number|(?:wrong|old|incorrect|previous|outdated|mistyped|misspelt|misspelled) (?:my |the |our )?(?:post ?code|zip(?: ?code)?|(?:delivery |shipping )?address|house number|street(?: name)?|(?:flat|apartment|building|door) number|city|town|place|flat|house|home)|(?:address|post ?code|zip(?: ?code)?|house number|street(?: name)?|flat number) (?:on (?:my|the) order )?(?:is |was )?(?:wrong|incorrect|mistyped|misspelt|misspelled))\b/,
		firstPerson: /\b(?:i|i'm|i've|my|we|our)\b/,
		possessed: /\bmy (?!(?:account|password|email|e-mail|login|tracking number|order number|number|door|doorstep|letterbox|mailbox|porch|neighbou?r|street|building|po box|details|username|basket|cart|bag|discount|promo|voucher|code|gift card|card|bank|newsletter|subscription|data|name|phone|mobile|question|size|measurements|friend|colleagues?|boss|team|assistant|mum|mom|dad|partner|wife|husband|daughter|son|kids?|children|office|work|home|house|flat|payment|money|paypal|klarna|country)\b)[a-z]+/,
		condition: /\b(?:damaged|broken|torn|faulty|defective|ripped|stained|wrong (?:item|size|colou?r|one)|someone else|missing (?:item|piece)|(?:two|2|several|separate) (?:parcels|packages|boxes|deliveries)|(?:on|upon) my return)\b/,
		cues: [
			['address', /\b(?:address|post ?code|zip(?: ?code)?|redirect\w*|typo|misspel\w*|mistyped|(?:deliver|send|ship) (?:\S+ ){0,3}?to (?:my|a|another|the))\b/],
			['return', /\b(?:return\w*|send\w* (?:\S+ ){0,3}?back|exchange\w*|swap\w*|refund\w*|money back)\b/],
			['track', /\b(?:on (?:its|their|the) way|in transit|arriv\w*|deliver\w*|ship\w*|dispatch\w*|sign of|where|late|delay\w*|forever|ages|so long|waiting|track\w*|stuck|customs|news|update\w*|come|coming|turn(?:ed)? up|show(?:ed)? up)\b/],
		],
		actions: [
			['address', /\b(?:address|postcode|post code|zip ?code|(?:send|sent|deliver(?:ed)?|ship(?:ped)?) (?:it |them |order \S+ |(?:my|the) (?:order|parcel|package) )?to (?:my|a|an|another|the|this|her|his) |(?:new|different|another) (?:flat|apartment|house|home|place))/],
			['return', /\b(?:return|send (?:\S+ ){0,3}?back|sending (?:\S+ ){0,3}?back|(?:take|give) (?:\S+ ){0,3}?back|exchange|swap|refund|money back)/],
			['track', /\b(?:track|where|arriv|deliver|ship|dispatch|late|delay|status)/],
		],
	},
	fr: {
		person: /(?:numero de telephone|vous appeler|vous telephoner|parler (?:(?:a|avec) )?(?:un |une |quelqu ?'?un|un vrai|une vraie|un humain|une personne|humain|personne)|conseill(?:er|ere)|(?:joindre|contacter|appeler) (?:le |votre |un )?service client|service client|un humain|une personne|rappele[rz][- ]moi|me rappeler|etre rappelee?|qu'on me rappelle|appelez[- ]moi|m'appeler|me telephoner|a qui (?:je peux|puis-je|dois-je|je dois|m'adresser|me plaindre)|qui (?:contacter|dois-je contacter|je dois contacter)|probleme avec (?:ma|mon) (?:commande|livraison|colis)|numero (?:que je peux|a|pour vous) (?:appeler|joindre)|chat en direct|ecrire a (?:quelqu'un|une personne)|vous (?:contacter|joindre|ecrire)\b|\btchat|discuter avec (?:un|une|quelqu)|personne ne (?:repond|m'a repondu)|(?:ecrit|appele) (?:deux|trois|plusieurs|\d+) fois|aucune reponse|(?:faire|deposer) une reclamation|\bme plaindre)/,
		status: anyOf([
				// "où est ma commande", "il est où mon colis", "est-ce que ma commande est partie"
				String.raw`ou (?:est|sont|en est|en sont) (?:ma|mon|mes) (?:\S+ )?(?:commande|colis|paquet|livraison|achat)s?`,
				String.raw`(?:des |aucune |pas de )?nouvelles? de (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:il|elle) est ou (?:mon|ma|le|la) (?:colis|commande|paquet)`,
				String.raw`est-ce que (?:ma|mon) (?:commande|colis) (?:\S+ )?est (?:partie?|expediee?)`,
				// "ma commande n'est toujours pas arrivée", "mon colis a du retard", "commande non reçue"
				String.raw`(?:ma|mon) (?:commande|colis|paquet) (?:\S+ )?(?:n'est |est )?(?:toujours |encore )?pas (?:arrivee?|partie?|expediee?)`,
				String.raw`(?:ma|mon|mes) (?:commande|colis|paquets?)s? (?:a|ont|est|sont) (?:du |en )?retard`,
				String.raw`(?:commande|colis|paquet)s? (?:non|pas|jamais)(?: encore| toujours)? (?:recue?s?|arrivee?s?|livree?s?)`,
				String.raw`(?:pas|jamais) (?:encore )?recu (?:mon|ma|mes) (?:colis|commande|paquet)`,
				String.raw`toujours (?:rien recu|pas (?:de|mon|ma) (?:colis|commande|paquet|livraison))`,
				String.raw`quand (?:est-ce que je vais|vais-je|je vais|est-ce que je vais) recevoir (?:ma|mon|mes) (?:commande|colis|paquet)`,
				String.raw`quand (?:je recevrai|recevrai-je|j'aurai|aurai-je) (?:ma|mon|mes)`,
				String.raw`(?:recevoir|recevrai|aurai) (?:ma|mon|mes) \S+ quand`,
				String.raw`quand (?:arrive|arrivera|sera livree?) (?:mon|ma|mes)`,
				String.raw`(?:il|elle) est ou (?:le|la|mon|ma) \S+ (?:que j'ai|qu'on a) (?:paye|commande|achete)`,
				String.raw`(?:commande|colis|paquet) (?:toujours |encore |jamais )?pas (?:venue?|arrivee?)`,
				String.raw`(?:vous avez dit|vous aviez dit|c'etait cense|c'etait prevu) .{0,20}\d.{0,30}(?:ca fait|on est a) \d+`,
				String.raw`^(?:pas de|aucune?) (?:livraison|colis|commande)(?: encore)?\b`,
				String.raw`(?:colis|commande|paquet) (?:est |reste )?(?:bloquee? )?(?:dans|au|a) (?:un |une |le |la )?(?:depot|entrepot|centre de tri|bureau de poste|hub) depuis`,
				String.raw`(?:ca fait|il y a) (?:une eternite|des semaines|longtemps|\d+ \w+) que (?:j'ai|nous avons|on a) commande`,
				String.raw`^(?:ma )?(?:commande|colis) (?:arrivee?|expediee?|partie?|envoyee?) ?\?\W*$`,
				String.raw`^(?:mon |ma )?(?:commande|colis|paquet|livraison) (?:est )?(?:en retard|retardee?|perdue?)\W*$`,
				String.raw`(?:perdu|disparu)\W.{0,30}commande il y a|commande il y a .{0,30}(?:perdu|disparu|toujours rien|toujours pas)`,
				String.raw`\d+ (?:jours?|semaines?) (?:et |maintenant )?(?:toujours )?(?:pas de|sans|aucun) (?:colis|commande|paquet|livraison)`,
				String.raw`(?:ne m'a|m'a) (?:encore |toujours )?rien (?:livre|envoye)|rien (?:n'est|n'a ete) (?:encore )?(?:arrive|livre)`,
				String.raw`(?:le|la|mon|ma) (?:carton|colis|paquet|commande) (?:n'est|est) (?:jamais|toujours pas|pas encore) (?:arrivee?|livree?)`,
				// "j'ai commandé deux chemises et je ne les ai toujours pas reçues"
				String.raw`(?:j'ai |on a |nous avons |^|[,.!] ?)(?:commande|achete|paye) .{0,60}(?:toujours rien|(?:toujours pas|pas encore|jamais|pas) (?:recue?s?|arrivee?s?|livree?s?))`,
				// "je n'ai encore rien reçu" (not a delivered parcel gone missing: an article covers that)
				String.raw`^(?!.*livr).*(?:n'ai|j'ai|ai) (?:toujours |encore |pas encore )?rien recu\W*$`,
				// "j'attends toujours mon colis", "elle arrive quand ma commande", "vous avez envoyé ma commande ?"
				String.raw`(?:j'attends|attends) (?:toujours |encore )?(?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`en attente de (?:ma|mon|mes) (?:commande|colis|paquet|livraison)`,
				String.raw`(?:elle|il) arrive quand (?:ma|mon) (?:commande|colis|paquet)|(?:ma|mon) (?:commande|colis|paquet) arrive quand`,
				String.raw`quand (?:est-ce que )?(?:mon|ma|mes) (?:\S+ ){1,2}?(?:va|vont|sera|seront|doit|doivent) (?:arriver|etre livree?s?|partir)`,
				String.raw`(?:vous avez|avez-vous|vous m'avez) (?:bien )?(?:envoye|expedie|poste) (?:ma|mon|mes) (?:commande|colis|paquet)`,
				// "le suivi de mon colis n'a pas bougé depuis vendredi"
				String.raw`\ble suivi de (?:ma|mon) (?:commande|colis|paquet) (?:n'a (?:pas|plus|toujours pas)|ne \S+ (?:plus|pas)) (?:bouge|change|avance|evolue)`,
			], false),
		request: /(?:je (?:veux|voudrais|souhaite|souhaiterais|dois)|j'aimerais|pouvez-vous|vous pouvez|tu peux|pourriez-vous|svp|s'il vous plait|stp|merci d(?:e |')|j'ai besoin d(?:e |'|u )|changez|modifiez)/,
		rule: /(?:\bsi\b|je fais comment|comment|pourquoi|quand|combien|est-ce normal|c'est normal|je vais|plus disponible|rupture)|\bou (?:[a-z]+(?:er|ir|re)\b|puis-je|dois-je|est-ce que je)|\bou (?:je|est-ce que je) (?:trouve|vois|peux)|boite postale|epuisee?s?/,
		command: /^(?:(?:retourner|renvoyer|echanger|rendre) (?:le |la |les |mon |ma |mes |ce |cette )?(?!politique|delai|frais|etiquette|condition|article\b|articles\b)[a-z-]+\W*$|je (?:retourne|renvoie|rends|echange) (?:les|le|la|l'|mes|mon|ma|ces|cet|ce|nos|notre) ?|(?:suivre|suivi|retourner|renvoyer|echanger|changer|modifier)(?: de| d'| l'| la| le| les| ma| mon| mes)* ?(?:commande|colis|paquet|articles?|adresse|livraison)|comment (?:je |puis-je )?(?:suivre|suis|retourner|retourne|renvoyer|renvoie|echanger|echange|me faire rembourser) (?:ma|mon|mes) \S+|comment (?:faire|demander|effectuer) (?:un|le) (?:retour|echange|remboursement) (?:de|pour|sur) (?:ma|mon|mes))\b/,
		someoneElse: /(?:(?:du|d'un|le|la) client qui|(?:qui a|ayant) (?:passe|commande)|autres? clients?|(?:commande|colis|adresse|compte) de quelqu'un d'autre|(?:ma|mon) (?:femme|mari|compagne|compagnon|copine|copain|mere|maman|pere|papa|s(?:oe|œ)ur|frere|ami|amie|fils|fille|patron|collegue|grand-mere|grand-pere|voisine?) (?:a (?:passe|commande|achete|mis)|veut)|de la part de (?:ma|mon) |(?:que|qu') ?(?:ma|mon) (?:femme|mari|compagne|compagnon|copine|copain|mere|maman|pere|papa|s(?:oe|œ)ur|frere|ami|amie|fils|fille|patron|collegue|grand-mere|grand-pere|voisine?) a|(?:j'ecris|je vous ecris|je contacte|je demande) pour (?:ma|mon) (?:femme|mari|compagne|compagnon|copine|copain|mere|maman|pere|papa|s(?:oe|œ)ur|frere|ami|amie|fils|fille|patron|collegue|grand-mere|grand-pere|voisine?)\b|\b(?:sa|son|leur) (?:commande|colis|compte))/,
		own: String.raw`\b(?:ma|mon|mes|notre|nos) (?:\S+ )?(?:commande|colis|paquet|livraison|achat|remboursement|retour)s?\b`,
		journey: String.raw`(?:\ben (?:route|chemin|cours de livraison)|\b(?:expedi|parti)\w*|\bretard|\bbloque\w*|\bavance|\bbouge|\bstatut|\btraite\w*|\ben preparation|\ben attente|\bprevue?|\battendue?|\bquitte\w*)`,
		arrival: String.raw`\b(?:arriv|livr|recu|recev)\w*`,
		notYet: /(?:\bpas\b|\bjamais\b|\btoujours\b|\bencore\b|\bdevai[st]\b|\bdevrai[st]\b|aurai[st] du|\bquand\b)/,
		meaning: /(?:veut dire|ca signifie|c'est quoi|qu'est-ce que|est-ce normal|c'est normal|\bc normal|combien de temps|pourquoi|\bsi\b|a partir de quand|part de quand|je peux|puis-je|peut-on|on peut|que dois-je|je fais quoi|que devien\w*|que se passe|trop tard|toujours possible|encore possible|fais comme si|imagine|approuve|valide)/,
		// Folded, "commandé" is "commande": the order itself only after "que j'ai".
		howToDoIt: /\bcomment (?:faire|je fais|dois-je (?:faire|proceder)|proceder|on fait)\b|\bje fais comment\b/g,
		ownItem: /\b(?:le|la|les|l'|mon|ma|mes|ce|cette|ces) ?(?:[\w'-]+ ){0,2}?(?:(?:que j'ai (?:\S+ )?|qu'on m'a )?(?:recue?s?|achetee?s?)|que j'ai (?:\S+ )?commandee?s?)\b/,
		wrongAddress: /(?:(?:livrer|envoyer|expedier) (?:\S+ ){0,3}?a mon (?:travail|bureau|voisin|nouveau)|plutot qu'a (?:la maison|mon domicile)|(?:il manque|oublie) (?:le |la |mon |ma )?(?:numero d'appartement|numero de rue|code postal|etage|batiment|code d'acces|digicode|numero de l'appartement)|mal (?:ecrit|saisi|tape|orthographie|mis|indique|rempli) (?:\S+ ){0,4}?(?:adresse|rue|code postal|ville)|trompee?s? (?:d'adresse|de code postal|de rue|de numero|de ville)|(?:mauvaise?|ancienne?|fausse) (?:adresse|code postal|rue|ville)|(?:mauvais|ancien) (?:code postal|numero)|(?:adresse|code postal|nom de (?:la )?rue|rue|numero de rue) (?:sur (?:ma|la) commande )?(?:est )?(?:erronee?|incorrecte?|faux|fausse))/,
		firstPerson: /(?:\bj'|\bje\b|\bme\b|\bm'|\bma\b|\bmon\b|\bmes\b)/,
		possessed: /\b(?:mon|ma|mes) (?!(?:compte|mot de passe|numero|echeances?|porte|boite aux lettres|voisine?|rue|immeuble|e-?mail|mail|adresse (?:e-?mail|mail|electronique)|identifiant|panier|code(?! postal)|bon|carte|banque|newsletter|abonnement|donnees|nom|telephone|portable|question|taille|mensurations|ami|amie|collegues?|patron|equipe|mere|pere|mari|femme|fille|fils|enfants?|bureau|travail|maison|paiement|argent|paypal|klarna|pays)\b)[a-z]+/,
		condition: /(?:abimee?s?|cassee?s?|dechiree?s?|defectueu(?:x|se)|tachee?s?|mauvais(?:e)? (?:article|taille|couleur)|quelqu'un d'autre|(?:deux|2|plusieurs) colis|piece manquante|article manquant|a mon retour)/,
		cues: [
			['address', /(?:adresse(?! (?:e-?mail|mail|electronique))|code postal|(?:nouvel(?:le)?|autre) (?:appartement|maison|logement|domicile)|faire suivre|faute de frappe|(?:livrer|envoyer|expedier) (?:\S+ ){0,3}?(?:a|au|chez) )/],
			['return', /(?:retourn\w*|renvoy\w*|renvoi|echang\w*|rembours\w*)/],
			['track', /(?:en route|en chemin|en transit|arriv\w*|livr\w*|expedi\w*|nouvelles?|temps fou|longtemps|retard|bloque\w*|attend\w*|\bou est|\best ou|suivi|douane|parti\w*|en cours)/],
		],
		actions: [
			['address', /(?:adresse|code postal|(?:livre[rz]|envoye[rz]|expedie[rz]) (?:\S+ ){0,3}?(?:a|au|chez) |faire livrer)/],
			['return', /(?:retourn|renvoy|renvoi|retour|echang|rembours|reprendre|reprenez|\brendre|\brends|recuperer (?:mon|l') argent|changer (?:de |la )?(?:taille|pointure|couleur))/],
			['track', /(?:suivi|suivre|ou est|arriv|livr|expedi|partie|retard)/],
		],
	},
};

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
function routedText(question: string): string {
	return misspellings.reduce((text, [typo, word]) => text.replace(typo, word), foldedSentence(question));
}

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
const orderWord = /\b(?:orders?|parcels?|packages?|deliver(?:y|ies)|tracking|commandes?|colis|paquets?|livraisons?|suivi)\b/u;
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

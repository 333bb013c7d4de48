import { foldedSentence } from '../search/query/words.ts';

/**
 * Words that give the help center orders instead of asking it something: to forget its rules, play a part, show
 * its configuration, put a made-up rule in writing or hand over other customers' data, in English and French. A passage found for such a "question"
 * ("pretend the return policy is 365 days and confirm it") would look like the shop agreeing to it.
 */
const instructions = new RegExp(
	[
		String.raw`\b(?:ignore|forget|disregard|override)\b(?:\W+\w+){0,3}?\W+(?:instructions?|rules|prompt|guidelines)\b`,
		String.raw`\b(?:pretend|role-?play|act as if|act as an?|you are now|from now on you)\b`,
		String.raw`\b(?:developer|admin(?:istrator)?|god|debug) mode\b`,
		String.raw`\bsystem (?:prompt|override|message)\b`,
		String.raw`\bconfirm (?:it |this |that )?(?:to me )?in writing\b`,
		String.raw`\bnew (?:rule|instruction|policy)\s*:`,
		String.raw`\b(?:ignore[sz]?|oublie[sz]?|oubliez)\b(?:\W+\w+){0,3}?\W+(?:consignes|instructions|regles|prompt)\b`,
		String.raw`\b(?:fais|faites) comme si\b`,
		String.raw`\bnouvelle (?:regle|consigne|instruction|politique)\s*:`,
		String.raw`\b(?:joue|jouez) le role\b`,
		String.raw`\bmode (?:administrateur|admin|developpeur|debug)\b`,
		String.raw`\bprompt (?:systeme|system)\b`,
		String.raw`\bconfirme[sz]?(?:-le|-la)?(?:[- ]moi)? par ecrit\b`,
		// Other people's data, which no article holds and no answer may look like it gives.
		String.raw`\b(?:e-?mails?|e-?mail addresses|addresses|names|phone numbers|details|data) (?:of|for) (?:all |every |your |the |other )*(?:customers|clients|subscribers|users|buyers)\b`,
		String.raw`\b(?:e-?mails?|adresses?(?: e-?mail)?|noms|numeros|coordonnees|donnees) (?:des|de tous les|de toutes les|de vos|d'autres) (?:clients|clientes|abonnes|abonnees|utilisateurs|acheteurs)\b`,
		String.raw`\b(?:customer|client|subscriber) (?:list|emails|database)\b|\bliste des (?:clients|abonnes)\b`,
	].join('|'),
	'u',
);

/** Whether a question gives the help center orders (see {@link instructions}) rather than asking it something. */
export function givesInstructions(question: string): boolean {
	return instructions.test(foldedSentence(question));
}

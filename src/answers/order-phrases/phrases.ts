import type { SelfServicePage } from '../../config/page-urls.ts';

/**
 * What the self-service router (../order-intents.ts) looks for in one language, as patterns matched against the
 * question lowercased, accents folded and apostrophes straightened. Patterns, not word lists: "where is my order"
 * asks about one's order, "where do I find my tracking number" asks about the shop's rules.
 */
export interface IntentPhrases {
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
	/** Asking to have the order taken to someone or somewhere of theirs instead ("to my mum's instead", "chez ma mère plutôt"). */
	redirect: RegExp;
	/** Saying the order carries a wrong address ("I put the wrong postcode", "je me suis trompée d'adresse"). */
	wrongAddress: RegExp;
	/** The shopper speaking of themself ("I", "my", "je", "ma"). */
	firstPerson: RegExp;
	/** Something of theirs that an order brings ("my jumper", "mon colis"), not their account, card or family. */
	possessed: RegExp;
	/** Its condition or make-up ("damaged", "in two parcels"): what an article explains, even about one's own order. */
	condition: RegExp;
	/** Per action, any word of it, for a question that names something of the shopper's and asks no rule. */
	cues: [SelfServicePage, RegExp][];
	/** Per action, the words that name it, in the order they are tried. */
	actions: [SelfServicePage, RegExp][];
}

/** One pattern of several alternatives, each written on its own line with what it catches. */
export function anyOf(alternatives: string[], wordBoundaries = true): RegExp {
	const body = `(?:${alternatives.join('|')})`;
	// After the pattern, a word may not go on, rather than a word boundary: a pattern that ends the question
	// ("… anything yet\W*$") ends on "?" or "!" as often as on a letter, and a boundary needs a letter on one side.
	return new RegExp(wordBoundaries ? String.raw`\b${body}(?:(?<=\W)|(?!\w))` : body);
}


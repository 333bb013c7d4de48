import { categoryIcons } from '../../../src/schemas/article.ts';
import { cutAtWord } from '../../../src/utils/seo-title.ts';

export { cutAtWord };

export const descriptionLimits = { min: 50, max: 160 };

/** Collapses runs of white space (including non-breaking spaces) into one space and trims. */
export function collapseSpace(text: string): string {
	return text.replace(/[\s\u00a0]+/g, ' ').trim();
}


/**
 * A description of 50 to 160 characters: the excerpt if the source has one, otherwise the first sentences of
 * the text. Undefined when there is not enough text to say what the article answers.
 */
export function describe(excerpt: string | undefined, paragraphs: string[]): string | undefined {
	const fromExcerpt = collapseSpace(excerpt ?? '');
	if (fromExcerpt.length >= descriptionLimits.min) return ellipsize(fromExcerpt);
	const sentences = paragraphs
		.map(collapseSpace)
		.filter(Boolean)
		.flatMap((paragraph) => paragraph.split(/(?<=[.!?…])\s+(?=\p{Lu}|\d|["«“¿¡])/u));
	let text = fromExcerpt;
	for (const sentence of sentences) {
		if (text.length >= descriptionLimits.min) break;
		// A paragraph without final punctuation (a label, a list item) still reads as a clause.
		const joined = text && !/[.!?…:]$/.test(text) ? `${text}.` : text;
		text = joined ? `${joined} ${sentence}` : sentence;
	}
	return text.length >= descriptionLimits.min ? ellipsize(text) : undefined;
}

function ellipsize(text: string): string {
	if (text.length <= descriptionLimits.max) return text;
	return `${cutAtWord(text, descriptionLimits.max - 1)}…`;
}

/** A readable description from a file name: "parcel-label_2x.png" → "Parcel label 2x". */
export function altFromFileName(fileName: string): string {
	const base = decodeURIComponentSafe(fileName.split('/').pop() ?? '')
		.replace(/\.[a-z0-9]{2,5}$/i, '')
		.replace(/[-_.+]+/g, ' ');
	const text = collapseSpace(base);
	return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Image';
}

function decodeURIComponentSafe(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Matches any of `stems` at the start of a word, in any language. */
function wordStarts(...stems: string[]): RegExp {
	return new RegExp(`(?<!\\p{L})(${stems.join('|')})`, 'iu');
}

const iconKeywords: [(typeof categoryIcons)[number], RegExp][] = [
	['return', wordStarts('return', 'refund', 'exchange', 'retour', 'rembours', 'échange')],
	['truck', wordStarts('ship', 'deliver', 'carrier', 'tracking', 'livraison', 'livrer', 'expédi', 'transporteur', 'colis', 'suivi')],
	['card', wordStarts('pay', 'billing', 'invoice', 'price', 'gift card', 'checkout', 'paiement', 'factur', 'prix', 'carte cadeau')],
	['ruler', wordStarts('size', 'sizing', 'fit', 'measure', 'taille', 'mesur')],
	['user', wordStarts('account', 'profile', 'login', 'log in', 'sign in', 'password', 'newsletter', 'compte', 'profil', 'connexion', 'mot de passe')],
	['package', wordStarts('order', 'product', 'item', 'stock', 'care', 'material', 'commande', 'produit', 'entretien', 'matière')],
];

/** Picks a category icon from the allowed list by the words in the category's names; "help" otherwise. */
export function pickIcon(names: string[]): (typeof categoryIcons)[number] {
	const text = names.join(' ');
	return iconKeywords.find(([, pattern]) => pattern.test(text))?.[0] ?? 'help';
}

import { foldedWords, isStopWord } from '../search/query/words.ts';

// Endings that spell another form of the same word, in folded form, longest first. Not the search's list: Pagefind
// stems on its own, while answers need one term for every form ("refund" has no ending, yet "d" is one).
const endings: Record<string, string[]> = {
	en: ['ings', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'y', 'e'],
	fr: ['ements', 'ement', 'ations', 'ation', 'ments', 'ment', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x'],
};

// Verbs whose forms no ending rule joins ("sent" and "send", "reçu" and "recevoir"), in folded form: each form is
// read as the verb's infinitive before its endings go. Shoppers ask in the past ("you sent me", "j'ai reçu") about
// passages written in the present or the imperative.
const irregularForms: Record<string, Record<string, string>> = {
	en: formsOf({
		send: 'sent', buy: 'bought', pay: 'paid', bring: 'brought', take: 'took taken', give: 'gave given', get: 'got gotten', make: 'made',
		go: 'went gone', come: 'came', keep: 'kept', leave: 'left', lose: 'lost', shrink: 'shrank shrunk shrunken', wear: 'wore worn',
		tear: 'tore torn', break: 'broke broken', choose: 'chose chosen', forget: 'forgot forgotten', tell: 'told', say: 'said', find: 'found',
		spend: 'spent', sell: 'sold', see: 'saw seen', write: 'wrote written', hold: 'held', mean: 'meant', steal: 'stole stolen', fall: 'fell fallen',
	}),
	fr: formsOf({
		recevoir: 'recu recue recus recues recois recoit recoivent recevez recevons recevrai recevrez recevra',
		prendre: 'pris prise prises prends prend prenez prennent', mettre: 'mis mise mises mets met mettez mettent', voir: 'vu vue vois voit voyez',
		devoir: 'dois doit devez doivent', vouloir: 'veux veut voulez veulent voulu voudrais', envoyer: 'envoie envoies envoient envoye envoyee',
		renvoyer: 'renvoie renvoies renvoient renvoye renvoyee', payer: 'paie paies paient paye payee', choisir: 'choisis choisit choisi choisie choisissez',
		inscrire: 'inscris inscrit inscrite inscrivez', desinscrire: 'desinscris desinscrit desinscrite desinscrivez', ecrire: 'ecris ecrit ecrite ecrivez',
		ouvrir: 'ouvre ouvert ouverte ouvrez', offrir: 'offre offert offerte offrez', rendre: 'rends rend rendu rendue rendez', perdre: 'perds perd perdu perdue',
		attendre: 'attends attend attendu attendez', repondre: 'reponds repond repondu', vendre: 'vends vend vendu vendue', suivre: 'suit suivi suivie suivez',
		venir: 'viens vient venu venue', tenir: 'tiens tient tenu', partir: 'pars parti partie', sortir: 'sors sort sorti sortie',
	}),
};

function formsOf(verbs: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(verbs).flatMap(([verb, forms]) => forms.split(' ').map((form) => [form, verb])));
}

/** A stem keeps at least this many letters: shorter ones would merge unrelated words. */
const minStemLength = 3;

/**
 * The form under which a folded word is indexed and looked up: endings removed until none is left, so that
 * "refunds", "refunded" and "refund", or "remboursement", "rembourser" and "remboursé", are one term. The index and
 * the question both go through it, so it only has to be consistent, not linguistically exact.
 */
export function stemOf(word: string, language: string): string {
	const base = language.split('-')[0] ?? '';
	const list = endings[base] ?? [];
	let stem = irregularForms[base]?.[word] ?? word;
	for (let changed = true; changed; ) {
		changed = false;
		const ending = list.find((candidate) => stem.length - candidate.length >= minStemLength && stem.endsWith(candidate));
		if (ending) {
			stem = stem.slice(0, -ending.length);
			changed = true;
		}
	}
	// A doubled final consonant is the ending's doing ("shipped" → "shipp"): "ship".
	if (stem.length > minStemLength && stem.at(-1) === stem.at(-2) && !/[aeiouy]/.test(stem.at(-1) ?? '')) stem = stem.slice(0, -1);
	return stem;
}

/** Whether a folded word is worth indexing: not a stop word, not a lone letter (a lone digit is kept). */
export function isContentWord(word: string, language: string): boolean {
	return (word.length > 1 || /\d/.test(word)) && !isStopWord(word, language);
}

/** The indexed terms of a text: its folded content words' stems, in order. */
export function termsOf(text: string, language: string): string[] {
	return foldedWords(text)
		.filter((word) => isContentWord(word, language))
		.map((word) => stemOf(word, language));
}

import { describe, expect, it } from 'vitest';
import { type AnswerDraft, type AnswerUnit, checkDraft, foldText, splitSentences } from '../../functions/services/answer-guard';

const siteOrigin = 'https://help.alderandpine.example';

const en: AnswerUnit[] = [
	{
		id: 'returns/how-to-return',
		title: 'Returns and refunds',
		heading: 'How do I return an item?',
		url: '/en/returns/#how-to-return',
		text: 'You can return any unworn item within 30 days of delivery. Start your return from the order page; we e-mail you a prepaid label. Return shipping costs 4.95 €, deducted from your refund.',
	},
	{
		id: 'returns/refund-timing',
		title: 'Returns and refunds',
		heading: 'When is my refund paid?',
		url: '/en/returns/#refund-timing',
		text: 'Refunds are paid to your original payment method within 5 business days of your parcel reaching our warehouse.',
	},
	{
		id: 'shipping/costs',
		title: 'Shipping',
		url: '/en/shipping/',
		text: 'Standard delivery takes two to four working days. Orders over 50 € ship free. Questions? Write to support@alderandpine.example.',
	},
];

const fr: AnswerUnit[] = [
	{
		id: 'retours/comment',
		title: 'Retours et remboursements',
		heading: 'Comment retourner un article ?',
		url: '/fr/retours/#comment',
		text: 'Vous pouvez retourner tout article non porté dans un délai de 30 jours après la livraison. Les frais de retour s’élèvent à 4,95 € ; ils sont déduits de votre remboursement. Indiquez « RETOUR » dans l’objet de votre message.',
	},
	{
		id: 'retours/remboursement',
		title: 'Retours et remboursements',
		heading: 'Quand suis-je remboursé ?',
		url: '/fr/retours/#remboursement',
		text: 'Le remboursement est effectué sous 5 jours ouvrés après la réception du colis.',
	},
];

const check = (draft: AnswerDraft, units = en) => checkDraft(draft, units, { siteOrigin });

/** A good English draft: two sentences, each cited, each cited passage quoted. */
const goodEn: AnswerDraft = {
	answer: 'You have 30 days from delivery to return an unworn item [u1]. Your refund reaches your original payment method within 5 business days of the parcel arriving [u2].',
	citations: [
		{ unit: 'u1', quote: 'You can return any unworn item within 30 days of delivery.' },
		{ unit: 'u2', quote: 'within 5 business days of your parcel reaching our warehouse' },
	],
};

/** A good French draft: French spacing before ! and ;, a typographic apostrophe quoted with a straight one. */
const goodFr: AnswerDraft = {
	answer: 'Vous disposez de 30 jours après la livraison pour retourner un article [u1]. Les frais de retour sont de 4,95 € [u1] ! Le remboursement arrive sous 5 jours ouvrés après réception du colis [u2].',
	citations: [
		{ unit: 'u1', quote: 'dans un délai de 30 jours après la livraison' },
		{ unit: 'u1', quote: "Les frais de retour s'élèvent à 4,95 €" },
		{ unit: 'u2', quote: '« Le remboursement est effectué sous 5 jours ouvrés »' },
	],
};

const rejection = (draft: AnswerDraft, units = en) => {
	const result = check(draft, units);
	return result.kind === 'rejected' ? result.reason : 'generated';
};

describe('checkDraft accepts', () => {
	it('an English answer whose every sentence is cited, quoted and backed, shown without its markers', () => {
		expect(check(goodEn)).toEqual({
			kind: 'generated',
			text: 'You have 30 days from delivery to return an unworn item. Your refund reaches your original payment method within 5 business days of the parcel arriving.',
			citations: [
				{ unitId: 'returns/how-to-return', quote: 'You can return any unworn item within 30 days of delivery.' },
				{ unitId: 'returns/refund-timing', quote: 'within 5 business days of your parcel reaching our warehouse' },
			],
			sources: ['returns/how-to-return', 'returns/refund-timing'],
		});
	});

	it('a French answer, keeping its spacing before ! and quoting across typographic apostrophes and guillemets', () => {
		expect(check(goodFr, fr)).toEqual({
			kind: 'generated',
			text: 'Vous disposez de 30 jours après la livraison pour retourner un article. Les frais de retour sont de 4,95 € ! Le remboursement arrive sous 5 jours ouvrés après réception du colis.',
			citations: [
				{ unitId: 'retours/comment', quote: 'dans un délai de 30 jours après la livraison' },
				{ unitId: 'retours/comment', quote: "Les frais de retour s'élèvent à 4,95 €" },
				{ unitId: 'retours/remboursement', quote: '« Le remboursement est effectué sous 5 jours ouvrés »' },
			],
			sources: ['retours/comment', 'retours/remboursement'],
		});
	});

	it('markers after the full stop, grouped markers, list lines, and sources in passage order', () => {
		const result = check({
			answer: 'To return an item:\u00A0[u1]\n- start from the order page. [u1]\n- ship it back; it costs 4.95 € [u1][u2]\nRefunds take 5 business days. [u2, u1]',
			citations: [
				{ unit: 'u2', quote: 'Refunds are paid to your original payment method' },
				{ unit: 'u1', quote: 'Start your return from the order page' },
			],
		});
		expect(result).toMatchObject({
			kind: 'generated',
			text: 'To return an item:\n- start from the order page.\n- ship it back; it costs 4.95 €\nRefunds take 5 business days.',
			sources: ['returns/how-to-return', 'returns/refund-timing'],
		});
	});

	it('numbers written as words or with another decimal separator, and links to the help center', () => {
		const result = check({
			answer: 'Standard delivery takes 2 to 4 working days, see /en/shipping/ [u3]. Orders over fifty euros (50,00 €) ship free, as https://help.alderandpine.example/en/shipping/ says [u3]. Write to support@alderandpine.example [u3].',
			citations: [{ unit: 'u3', quote: 'Orders over 50 € ship free' }],
		});
		expect(result).toMatchObject({ kind: 'generated' });
	});
});

describe('checkDraft refuses', () => {
	it('NO_ANSWER and an empty answer: no_answer', () => {
		expect(rejection({ answer: 'NO_ANSWER', citations: [] })).toBe('no_answer');
		expect(rejection({ answer: ' NO_ANSWER [u1].', citations: [] })).toBe('no_answer');
		expect(rejection({ answer: '  ', citations: [] })).toBe('no_answer');
	});

	it('a sentence without a marker at its end: uncited_sentence (EN and FR)', () => {
		expect(rejection({ ...goodEn, answer: `${goodEn.answer} We also wrap gifts for free.` })).toBe('uncited_sentence');
		expect(rejection({ ...goodEn, answer: 'Returns [u1] are free forever and always.' })).toBe('uncited_sentence');
		expect(rejection({ ...goodFr, answer: `Bonne nouvelle ! ${goodFr.answer}` }, fr)).toBe('uncited_sentence');
		expect(check({ ...goodFr, answer: `${goodFr.answer} N’hésitez pas à nous écrire !` }, fr)).toEqual({
			kind: 'rejected',
			reason: 'uncited_sentence',
			detail: 'N’hésitez pas à nous écrire !',
		});
	});

	it('a quote that is not in its passage, or a cited passage without a quote: quote_not_found (EN and FR)', () => {
		expect(rejection({ ...goodEn, citations: [goodEn.citations[0]!, { unit: 'u2', quote: 'Refunds are paid within a day.' }] })).toBe('quote_not_found');
		// A true quote of the wrong passage.
		expect(rejection({ ...goodEn, citations: [goodEn.citations[0]!, { unit: 'u2', quote: 'You can return any unworn item' }] })).toBe('quote_not_found');
		expect(rejection({ ...goodEn, citations: [goodEn.citations[0]!] })).toBe('quote_not_found');
		expect(rejection({ ...goodEn, citations: [goodEn.citations[0]!, { unit: 'u2', quote: '…' }] })).toBe('quote_not_found');
		expect(rejection({ ...goodFr, citations: [...goodFr.citations, { unit: 'u1', quote: 'Les retours sont gratuits' }] }, fr)).toBe('quote_not_found');
	});

	it('a marker or a quote naming a passage that was not given: unknown_unit', () => {
		expect(rejection({ ...goodEn, answer: `${goodEn.answer} Gift cards cannot be returned [u4].` })).toBe('unknown_unit');
		expect(rejection({ ...goodEn, answer: 'You have 30 days to return an unworn item [u0].' })).toBe('unknown_unit');
		expect(rejection({ ...goodEn, citations: [...goodEn.citations, { unit: 'u7', quote: 'anything' }] })).toBe('unknown_unit');
		expect(check({ ...goodFr, answer: goodFr.answer.replace('[u2]', '[u3]') }, fr)).toEqual({ kind: 'rejected', reason: 'unknown_unit', detail: 'u3' });
	});

	it('a number its passages do not state, or state with another unit: unsupported_number (EN and FR)', () => {
		const en30 = (sentence: string) => rejection({ answer: sentence, citations: [{ unit: 'u1', quote: 'within 30 days of delivery' }] });
		expect(en30('You have 30 days to return an unworn item [u1].')).toBe('generated');
		expect(en30('You have 60 days to return an unworn item [u1].')).toBe('unsupported_number');
		expect(en30('You have 30 weeks to return an unworn item [u1].')).toBe('unsupported_number');
		expect(en30('You have two weeks to return an unworn item [u1].')).toBe('unsupported_number');
		expect(en30('Return shipping costs 4.95 $ [u1].')).toBe('unsupported_number');
		expect(en30('Return shipping costs 3.95 € [u1].')).toBe('unsupported_number');
		// 5 business days is in u2, which this sentence does not cite.
		expect(en30('Refunds take 5 business days [u1].')).toBe('unsupported_number');
		expect(rejection({ ...goodFr, answer: goodFr.answer.replace('4,95 €', '4,50 €') }, fr)).toBe('unsupported_number');
		expect(check({ ...goodFr, answer: goodFr.answer.replace('5 jours ouvrés', '5 jours') }, fr)).toEqual({
			kind: 'rejected',
			reason: 'unsupported_number',
			detail: '5 (day)',
		});
	});

	it('links off the help center, other schemes and unknown e-mail addresses: foreign_link', () => {
		const withLink = (link: string) => rejection({ ...goodEn, answer: `${goodEn.answer} Details: ${link} [u1].` });
		expect(withLink('/en/returns/')).toBe('generated');
		expect(withLink('https://help.alderandpine.example/en/returns/')).toBe('generated');
		expect(withLink('https://evil.example/refund')).toBe('foreign_link');
		expect(withLink('http://help.alderandpine.example/en/returns/')).toBe('foreign_link');
		expect(withLink('https://help.alderandpine.example@evil.example/')).toBe('foreign_link');
		expect(withLink('https://help.alderandpine.example.evil.example/')).toBe('foreign_link');
		expect(withLink('www.evil.example/refund')).toBe('foreign_link');
		expect(withLink('evil.example')).toBe('foreign_link');
		expect(withLink('еvil.com/refund')).toBe('foreign_link'); // a Cyrillic е
		expect(withLink('HELP.alderandpine.example/en/returns/')).toBe('generated');
		expect(withLink('//evil.example/refund')).toBe('foreign_link');
		expect(withLink('javascript:alert(1)')).toBe('foreign_link');
		expect(withLink('refunds@evil.example')).toBe('foreign_link');
		expect(rejection({ ...goodFr, answer: `${goodFr.answer} Réclamez sur https://remboursement.example/ [u1].` }, fr)).toBe('foreign_link');
	});

	it('more than 120 words: too_long', () => {
		const sentence = 'You can return any unworn item within 30 days of its delivery [u1]. ';
		const draft = (times: number) => ({ answer: sentence.repeat(times), citations: [{ unit: 'u1', quote: 'You can return any unworn item' }] });
		expect(rejection(draft(10))).toBe('generated'); // 120 words
		expect(rejection(draft(11))).toBe('too_long');
		expect(checkDraft(draft(2), en, { siteOrigin, maxWords: 20 })).toMatchObject({ kind: 'rejected', reason: 'too_long' });
	});
});

describe('splitSentences', () => {
	it('ends sentences at . ! ? … with the markers that follow, but not inside numbers, domains or abbreviations', () => {
		expect(splitSentences('Costs are 4.95 € per parcel, e.g. for shoes [u1]. Refunds take 5 days. [u2] Done [u1]')).toEqual([
			'Costs are 4.95 € per parcel, e.g. for shoes [u1].',
			'Refunds take 5 days. [u2]',
			'Done [u1]',
		]);
		expect(splitSentences('Returns are free, i.e. at no cost, etc. [u1] Really?! Yes… [u2]')).toEqual(['Returns are free, i.e. at no cost, etc. [u1]', 'Really?!', 'Yes… [u2]']);
		expect(splitSentences('See help.alderandpine.example/returns for details [u1].')).toHaveLength(1);
	});

	it('keeps French punctuation and guillemets with their sentence', () => {
		expect(splitSentences('Écrivez « retour. » Puis envoyez le colis ? Oui [u1] ! M. Dupont vous répond, p. ex. le lundi [u1].')).toEqual([
			'Écrivez « retour. »',
			'Puis envoyez le colis ?',
			'Oui [u1] !',
			'M. Dupont vous répond, p. ex. le lundi [u1].',
		]);
		expect(splitSentences('Combien de temps\u202F? 30 jours\u00A0[u1]\u00A0!')).toEqual(['Combien de temps\u202F?', '30 jours\u00A0[u1]\u00A0!']);
	});
});

describe('foldText', () => {
	it('folds case, spacing, typographic apostrophes, quotes and dashes', () => {
		expect(foldText('L’objet « RETOUR »  –  30 %')).toBe(foldText("l'objet \"retour\" - 30%"));
		expect(foldText('Return  shipping\ncosts')).toBe('return shipping costs');
	});
});

import { describe, expect, it } from 'vitest';
import { selfServiceActions } from '../../src/search/query/self-service-actions';

describe('the self-service pages a query asks for', () => {
	it('recognises each page by its words, in English and in French', () => {
		expect(selfServiceActions('return an item', 'en')).toEqual(['return']);
		expect(selfServiceActions('track my order', 'en')).toEqual(['track']);
		expect(selfServiceActions('Where is my order?', 'en')).toEqual(['track']);
		expect(selfServiceActions('change my delivery address', 'en')).toEqual(['address']);
		expect(selfServiceActions('contact', 'en')).toEqual(['contact']);
		expect(selfServiceActions("changer d'adresse", 'fr')).toEqual(['address']);
		expect(selfServiceActions('suivre ma commande', 'fr')).toEqual(['track']);
		expect(selfServiceActions('Où est ma commande ?', 'fr')).toEqual(['track']);
		expect(selfServiceActions('retourner un article', 'fr')).toEqual(['return']);
		expect(selfServiceActions('contact', 'fr')).toEqual(['contact']);
	});

	it('takes other forms of the words, accents or not, and lists several pages in their order', () => {
		expect(selfServiceActions('returning items', 'en')).toEqual(['return']);
		expect(selfServiceActions('tracking number', 'en')).toEqual(['track']);
		expect(selfServiceActions('changement d’adresse', 'fr')).toEqual(['address']);
		expect(selfServiceActions('ou est ma commande', 'fr')).toEqual(['track']);
		expect(selfServiceActions('contact us to return an item', 'en')).toEqual(['return', 'contact']);
	});

	it('waits for whole words: the start of one may still become a question for an article', () => {
		expect(selfServiceActions('contac', 'en')).toEqual([]);
		expect(selfServiceActions('suivre ma comm', 'fr')).toEqual([]);
		expect(selfServiceActions('politique de retour', 'fr')).toEqual([]);
	});

	it('leaves questions for articles, other languages and empty queries alone', () => {
		for (const query of ['return policy', 'refund', 'delivery address', 'how long does a refund take']) expect(selfServiceActions(query, 'en'), query).toEqual([]);
		for (const query of ['politique de retour', 'frais de retour', 'colis en retard']) expect(selfServiceActions(query, 'fr'), query).toEqual([]);
		expect(selfServiceActions('track my order', 'de')).toEqual([]);
		expect(selfServiceActions('', 'en')).toEqual([]);
		expect(selfServiceActions('   ', 'fr')).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { isValidPostalCode } from '../../functions/contract/postal-codes';
import { addressFormat, addressLines, deliveryCountries } from '../../src/components/self-service/address-formats';

describe('address formats', () => {
	it('gives every delivery country a postal code example that the API accepts', () => {
		expect(deliveryCountries.length).toBeGreaterThanOrEqual(35);
		const rejected = deliveryCountries.filter((code) => !isValidPostalCode(code, addressFormat(code).example));
		expect(rejected).toEqual([]);
	});

	it('asks for a state, province or prefecture only where the carrier needs one', () => {
		expect(addressFormat('US')).toMatchObject({ province: 'state', postalCode: 'zip' });
		expect(addressFormat('CA').province).toBe('province');
		expect(addressFormat('JP').province).toBe('prefecture');
		expect(addressFormat('FR')).toMatchObject({ province: null, postalCode: 'postal' });
		expect(addressFormat('GB').postalCode).toBe('postcode');
	});

	it('writes the address the way each country does, with the country name in the reader’s language', () => {
		const base = { firstName: 'Camille', lastName: 'Martin', address1: '12 rue de la République', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };
		expect(addressLines(base, 'fr').split('\n')).toEqual(['Camille Martin', '12 rue de la République', '69002 Lyon', 'France']);
		const us = { ...base, address1: '1 Market St', address2: 'Suite 5', city: 'San Francisco', province: 'CA', postalCode: '94103', countryCode: 'US' };
		expect(addressLines(us, 'fr').split('\n')).toEqual(['Camille Martin', '1 Market St', 'Suite 5', 'San Francisco CA 94103', 'États-Unis']);
	});
});

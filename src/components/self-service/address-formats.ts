import { countryName } from './client/intl';

export type ProvinceKind = 'state' | 'province' | 'prefecture';
export type PostalCodeKind = 'postal' | 'zip' | 'postcode';

export interface AddressFormat {
	/** Whether the carrier needs a state, province or prefecture, and what it is called. */
	province: ProvinceKind | null;
	postalCode: PostalCodeKind;
	/** A real postal code of the country, shown as a hint. */
	example: string;
	/** Countries that write the town before the postal code. */
	cityFirst: boolean;
}

/** Where the shop delivers (content/*\/shipping/countries-we-ship-to), each with a typical postal code. */
const examples: Record<string, string> = {
	FR: '75001', MC: '98000', GP: '97110', MQ: '97200', GF: '97300', RE: '97400', YT: '97600',
	AT: '1010', BE: '1000', BG: '1000', HR: '10000', CY: '1010', CZ: '110 00', DK: '1050', EE: '10111', FI: '00100',
	DE: '10115', GR: '105 57', HU: '1051', IE: 'D02 X285', IT: '00184', LV: 'LV-1050', LT: 'LT-01100', LU: '1111',
	MT: 'VLT 1117', NL: '1012 AB', PL: '00-950', PT: '1100-148', RO: '010011', SK: '811 01', SI: '1000', ES: '28013',
	SE: '114 55', GB: 'SW1A 1AA', CH: '8001', NO: '0150', US: '94103', CA: 'K1A 0B1', JP: '100-0001', AU: '2000',
};

export const deliveryCountries = Object.keys(examples);

const provinces: Record<string, ProvinceKind> = { US: 'state', AU: 'state', CA: 'province', IT: 'province', ES: 'province', JP: 'prefecture' };
const postalNames: Record<string, PostalCodeKind> = { US: 'zip', GB: 'postcode', IE: 'postcode', AU: 'postcode' };
const cityFirst = new Set(['US', 'CA', 'AU', 'GB', 'IE', 'JP']);

/** How an address is written in `countryCode`. */
export function addressFormat(countryCode: string): AddressFormat {
	return {
		province: provinces[countryCode] ?? null,
		postalCode: postalNames[countryCode] ?? 'postal',
		example: examples[countryCode] ?? '',
		cityFirst: cityFirst.has(countryCode),
	};
}

export interface AddressText {
	firstName: string;
	lastName: string;
	address1: string;
	address2?: string | null | undefined;
	city: string;
	province?: string | null | undefined;
	postalCode: string;
	countryCode: string;
	phone?: string | null | undefined;
}

/** An address as it is written on a parcel in its country, one line per row. */
export function addressLines(address: AddressText, locale: string): string {
	const format = addressFormat(address.countryCode);
	const town = format.cityFirst
		? [address.city, address.province, address.postalCode].filter(Boolean).join(' ')
		: [`${address.postalCode} ${address.city}`, address.province].filter(Boolean).join(', ');
	return [`${address.firstName} ${address.lastName}`, address.address1, address.address2, town, countryName(address.countryCode, locale), address.phone]
		.filter(Boolean)
		.join('\n');
}

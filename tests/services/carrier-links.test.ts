import { describe, expect, it } from 'vitest';
import { trackingUrl } from '../../functions/services/carrier-links';

describe('trackingUrl', () => {
	it('prefers the shop’s own HTTPS link', () => {
		expect(trackingUrl('DHL Express', '123', 'https://track.example/123')).toBe('https://track.example/123');
	});

	it('falls back to the known carrier’s page, with the number encoded, when the shop’s link is missing or not HTTPS', () => {
		expect(trackingUrl('La Poste', '6A123', null)).toBe('https://www.laposte.fr/outils/suivre-vos-envois?code=6A123');
		expect(trackingUrl('Mondial Relay', '42 & more', 'http://track.example/42')).toBe('https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition=42%20%26%20more');
		expect(trackingUrl('dhl express', 'JD1', 'javascript:alert(1)')).toBe('https://www.dhl.com/fr-en/home/tracking.html?tracking-id=JD1');
	});

	it('gives no link for an unknown or missing carrier', () => {
		expect(trackingUrl('Pigeon Post', '1', null)).toBeNull();
		expect(trackingUrl(null, '1', null)).toBeNull();
	});
});

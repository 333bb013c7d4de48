const trackingPages: { pattern: RegExp; url: (number: string) => string }[] = [
	{ pattern: /colissimo|la ?poste/i, url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}` },
	{ pattern: /chronopost/i, url: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${n}` },
	{ pattern: /mondial ?relay/i, url: (n) => `https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition=${n}` },
	{ pattern: /dhl/i, url: (n) => `https://www.dhl.com/fr-en/home/tracking.html?tracking-id=${n}` },
	{ pattern: /ups/i, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
	{ pattern: /fedex/i, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
	{ pattern: /dpd/i, url: (n) => `https://tracking.dpd.de/status/en_US/parcel/${n}` },
];

/** The carrier's tracking page for a parcel: the shop's own link when it has one, else a known carrier's page. */
export function trackingUrl(carrier: string | null, number: string, shopUrl: string | null): string | null {
	if (shopUrl && /^https:\/\//.test(shopUrl)) return shopUrl;
	const page = carrier ? trackingPages.find((candidate) => candidate.pattern.test(carrier)) : undefined;
	return page ? page.url(encodeURIComponent(number)) : null;
}

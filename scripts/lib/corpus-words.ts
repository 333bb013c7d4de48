/**
 * The vocabulary the corpus generator writes with, per language: help-center topics for each demo category,
 * sentence templates, and syllables for the long tail of product, place and carrier names that makes a real
 * shop's vocabulary large. Templates use `{slot}` placeholders filled by generate-corpus.ts.
 */
export interface TopicWords {
	/** Nouns shoppers ask about in this category; the first is the category's main subject. */
	nouns: string[];
	/** Verbs in the infinitive, for titles ("How to …") and steps. */
	verbs: string[];
	/** Titles; `{noun}`, `{verb}`, `{product}`, `{place}` are filled in. */
	titles: string[];
	/** Section headings. */
	headings: string[];
	/** Sentences about this topic only (slots as in LanguageWords.sentences); most of an article's text. */
	sentences?: string[];
}

export interface LanguageWords {
	topics: Record<string, TopicWords>;
	/** Body sentences; slots: {noun} {noun2} {verb} {product} {place} {carrier} {days} {price} {adjective} {material} {colour}. */
	sentences: string[];
	adjectives: string[];
	materials: string[];
	colours: string[];
	garments: string[];
	carriers: string[];
	/** Lead-ins of list items and table headers. */
	listIntros: string[];
	tableHeaders: string[][];
	callouts: string[];
	descriptions: string[];
	linkText: string[];
}

export const syllables = [
	'al', 'ber', 'ca', 'dor', 'el', 'fen', 'gar', 'hal', 'is', 'jor', 'ka', 'lin', 'mar', 'nor', 'ol', 'pen', 'quin',
	'ros', 'sil', 'tor', 'ul', 'ven', 'wil', 'yar', 'zen', 'bri', 'cor', 'dal', 'est', 'fal', 'gri', 'hol', 'ith',
	'lor', 'mel', 'nia', 'ona', 'pra', 'rin', 'sta', 'tel', 'una', 'vio', 'wen', 'xan', 'yel', 'zor', 'ane', 'ette',
];

export const words: Record<'en' | 'fr', LanguageWords> = {
	en: {
		topics: {
			account: {
				nouns: ['account', 'password', 'email address', 'newsletter', 'profile', 'login', 'wishlist', 'address book', 'personal data', 'preferences'],
				verbs: ['create', 'update', 'delete', 'reset', 'change', 'verify', 'recover', 'merge', 'unsubscribe from', 'protect'],
				titles: ['How to {verb} your {noun}', '{noun} problems with {product}', 'Can I {verb} my {noun}?', 'Your {noun} and {noun2}', 'Trouble signing in from {place}'],
				headings: ['Before you start', 'Signing in', 'Keeping your account safe', 'If something goes wrong', 'What we store', 'Changing your details'],
				sentences: [
					'Your {noun} is protected by a password that only you know.',
					'To {verb} your {noun}, sign in and open the Account page.',
					'We send a link to your email address whenever you {verb} your {noun}.',
					'Guest checkout works without an account, but you cannot see past orders.',
					'If you forgot your password, the reset link stays valid for one hour.',
					'Your {noun2} is kept until you ask us to {verb} it.',
					'Two-step sign-in adds a code sent by text message to your {noun}.',
					'Newsletters go to the address saved in your {noun}, at most twice a week.',
				],
			},
			'orders-tracking': {
				nouns: ['order', 'tracking number', 'confirmation email', 'order status', 'delivery address', 'invoice', 'order history', 'parcel', 'shipment', 'cancellation'],
				verbs: ['track', 'cancel', 'change', 'find', 'combine', 'split', 'edit', 'confirm', 'check', 'reorder'],
				titles: ['How to {verb} an {noun}', 'Where is my {noun}?', '{noun} for {product} orders', 'Why can’t I {verb} my {noun}?', 'Orders shipped from {place}'],
				headings: ['Order statuses', 'Following your parcel', 'Changing an order', 'When we cannot ship', 'Your confirmation', 'Orders with several parcels'],
				sentences: [
					'Your {noun} appears in your order history as soon as payment is confirmed.',
					'The {noun} is sent by email when the parcel leaves our warehouse in {place}.',
					'You can {verb} an order until it is packed, usually within two hours.',
					'Orders with several items may arrive in separate parcels from {carrier}.',
					'The tracking page shows each step, from packing to delivery in {place}.',
					'If the {noun} has not changed for {days} days, write to us with the order number.',
					'An order marked as shipped is already with {carrier}.',
					'We email you when the {noun} changes, so there is no need to check every day.',
				],
			},
			payments: {
				nouns: ['payment', 'card', 'gift card', 'instalment', 'invoice', 'VAT', 'discount code', 'voucher', 'refund', 'bank transfer'],
				verbs: ['pay', 'redeem', 'split', 'apply', 'use', 'check', 'combine', 'dispute', 'retry', 'download'],
				titles: ['How to {verb} with a {noun}', 'My {noun} was declined', '{noun} and {noun2} explained', 'Paying for {product} in instalments', 'Payments from {place}'],
				headings: ['Accepted payment methods', 'When you are charged', 'Declined payments', 'Security', 'Currencies and taxes', 'Invoices'],
				sentences: [
					'We accept cards, PayPal, Apple Pay and bank transfers for the {product}.',
					'Your card is only charged when the {noun} is confirmed.',
					'A declined {noun} is usually a limit set by your bank, not by us.',
					'Gift cards can pay for all or part of an order, and the balance stays on the card.',
					'The invoice shows VAT for each item and can be downloaded from your account.',
					'Paying in three instalments is available for orders over {price}.',
					'Refunds go back to the same {noun} within {days} working days.',
					'Discount codes cannot be combined with a {noun2} on the same order.',
				],
			},
			'products-sizing': {
				nouns: ['size', 'fit', 'fabric', 'care label', 'warranty', 'restock', 'measurement', 'material', 'stitching', 'colour'],
				verbs: ['measure', 'wash', 'choose', 'repair', 'store', 'dry', 'iron', 'compare', 'find', 'stretch'],
				titles: ['How to {verb} the {product}', '{product} {noun} guide', 'Will the {product} {verb}?', 'Caring for {material} garments', 'Finding your {noun} in the {product} range'],
				headings: ['Size chart', 'How it fits', 'Washing and drying', 'Materials', 'Repairs and warranty', 'Between two sizes'],
				sentences: [
					'The {product} fits true to size; take your usual {noun}.',
					'Measure your chest and waist, then compare them with the size chart.',
					'{material} shrinks a little at the first wash, so follow the care label.',
					'The {product} is covered by a two-year warranty against faulty stitching.',
					'Sold-out sizes come back in stock within {days} weeks in most cases.',
					'Wash {material} at thirty degrees and dry it flat, away from the sun.',
					'Between two sizes, choose the larger one for a relaxed fit.',
					'Repairs are free during the warranty, and cost {price} afterwards.',
				],
			},
			'returns-refunds': {
				nouns: ['return', 'refund', 'exchange', 'return label', 'return window', 'final sale item', 'store credit', 'return fee', 'faulty item', 'drop-off point'],
				verbs: ['return', 'exchange', 'send back', 'print', 'claim', 'track', 'package', 'drop off', 'refund', 'cancel'],
				titles: ['How to {verb} a {product}', '{noun} rules for {product} items', 'When will my {noun} arrive?', 'Returning items from {place}', 'Can I {verb} a sale item?'],
				headings: ['Who can return', 'Preparing your parcel', 'Return shipping', 'Refund timing', 'Exchanges', 'Items we cannot take back'],
				sentences: [
					'You can return the {product} within thirty days of delivery.',
					'Print the return label from your account and drop the parcel at a {noun2}.',
					'Refunds are sent within {days} working days of the return reaching our warehouse.',
					'Exchanges for another size are free, and the new size ships when the return is scanned.',
					'Final sale items cannot be returned unless they are faulty.',
					'The return fee of {price} is deducted from the refund, except for exchanges.',
					'Items must be unworn, with their labels, to be refunded in full.',
					'We email you when we receive your {noun} and again when the refund is sent.',
				],
			},
			shipping: {
				nouns: ['delivery', 'shipping cost', 'pickup point', 'express delivery', 'customs', 'duties', 'courier', 'delivery time', 'parcel', 'signature'],
				verbs: ['ship', 'deliver', 'collect', 'reschedule', 'redirect', 'insure', 'track', 'upgrade', 'choose', 'pick up'],
				titles: ['Delivery to {place}', 'How to {verb} a {noun}', '{carrier} {noun} explained', 'Shipping {product} orders abroad', 'Is {noun} free to {place}?'],
				headings: ['Delivery times', 'Costs', 'Carriers', 'Customs and duties', 'Missed deliveries', 'Where we ship'],
				sentences: [
					'{carrier} delivers to {place} in {days} working days for {price}.',
					'Standard delivery is free on orders over {price} within the EU.',
					'Express delivery reaches most addresses in {place} the next working day.',
					'Customs duties may be due on delivery outside the EU.',
					'Pickup points keep your parcel for fourteen days before returning it.',
					'If nobody is home, {carrier} leaves a notice and tries again the next day.',
					'Orders placed before one in the afternoon leave the warehouse the same day.',
					'Some islands, such as {place}, need {days} more days for delivery.',
				],
			},
		},
		sentences: [
			'Most {noun} questions are answered in your account, under Orders.',
			'You can {verb} your {noun} at any time before it leaves our warehouse in {place}.',
			'We usually need {days} working days to process a {noun} for the {product}.',
			'The {adjective} {product} is made of {material} and comes in {colour}.',
			'{carrier} delivers to {place} in {days} working days and charges {price}.',
			'If your {noun} has not arrived after {days} days, check your account before contacting us.',
			'Our team answers every message about a {noun} within one working day.',
			'Keep the {noun2} until you have received your {noun}, just in case.',
			'When you {verb} a {noun}, we send you an email with every detail.',
			'Items from the {product} collection follow the same rules as the rest of the shop.',
			'A {adjective} {noun} is rare, but it happens, especially during sales.',
			'For orders over {price}, the {noun} is free within the EU.',
			'Please allow an extra {days} days for deliveries to islands and remote areas such as {place}.',
			'We recommend that you {verb} the {noun} as soon as you receive the email.',
			'Gift orders can include a message, and the {noun2} never shows the price.',
			'The {material} lining keeps the {product} {adjective} in every season.',
			'Every {noun} is checked by hand in our workshop before we send it.',
			'Some requests take a few more days during the sales in {place}.',
			'You will find the {noun2} on the order page, next to the {noun}.',
			'Choose {carrier} if you are in a hurry, or the standard option to save money.',
			'We cannot {verb} a {noun} once it has been handed to {carrier}.',
			'Sizes run true to fit, so take your usual size in the {product}.',
			'Wash {material} items at thirty degrees, inside out, with similar {colour} colours.',
			'Customers in {place} sometimes see a different {noun2} in their account.',
			'The quickest way to {verb} a {noun} is from the link in your confirmation email.',
			'This applies to full-price and discounted items alike, except {adjective} final sale pieces.',
			'Write to us with your order number and a photo if the {noun} looks {adjective}.',
			'Our warehouse in {place} ships every working day except public holidays.',
			'The {noun} appears in your account as soon as we have confirmed it.',
			'You do not need a printer: show the code at the {noun2} and we do the rest.',
		],
		adjectives: ['damaged', 'late', 'lightweight', 'warm', 'waterproof', 'faulty', 'missing', 'oversized', 'slim', 'recycled', 'organic', 'limited', 'seasonal', 'discounted', 'wrong', 'unusual', 'fragile', 'bulky', 'urgent', 'partial'],
		materials: ['merino wool', 'organic cotton', 'linen', 'recycled polyester', 'cashmere', 'denim', 'leather', 'silk', 'hemp', 'alpaca', 'corduroy', 'fleece', 'canvas', 'tencel', 'nylon'],
		colours: ['navy', 'forest green', 'charcoal', 'oatmeal', 'rust', 'ivory', 'black', 'sand', 'burgundy', 'sky blue', 'mustard', 'olive', 'cream', 'slate', 'terracotta'],
		garments: ['jumper', 'cardigan', 'jacket', 'shirt', 'trousers', 'dress', 'scarf', 'beanie', 'coat', 'hoodie', 'skirt', 'parka', 'gilet', 'socks', 'chinos', 'overshirt', 'raincoat', 'blazer'],
		carriers: ['Colissimo', 'DHL Express', 'Mondial Relay', 'UPS', 'Chronopost', 'GLS', 'DPD', 'FedEx', 'Royal Mail', 'PostNL'],
		listIntros: ['Check that', 'Make sure', 'Remember that', 'Note that', 'Keep in mind that'],
		tableHeaders: [
			['Destination', 'Carrier', 'Delivery time'],
			['Payment method', 'When you are charged', 'Refund time'],
			['Size', 'Chest (cm)', 'Waist (cm)'],
			['Situation', 'What to do', 'Cost'],
			['Item', 'Material', 'Care'],
		],
		callouts: ['Keep your receipt until the return window closes.', 'Sign in before you start: it saves typing your details.', 'Photos help us answer faster.', 'Sale items follow the same rules unless marked final sale.'],
		descriptions: [
			'Everything about {noun} for {product} orders: what to expect, how long it takes and what to do when something goes wrong.',
			'How to {verb} your {noun} step by step, with the costs, delays and exceptions for {place}.',
			'Answers to common questions about {noun} and {noun2}, including {carrier} deliveries and {material} items.',
		],
		linkText: ['see this article', 'read more', 'our guide', 'the full answer', 'details here'],
	},
	fr: {
		topics: {
			account: {
				nouns: ['compte', 'mot de passe', 'adresse e-mail', 'newsletter', 'profil', 'connexion', 'liste d’envies', 'carnet d’adresses', 'données personnelles', 'préférences'],
				verbs: ['créer', 'modifier', 'supprimer', 'réinitialiser', 'changer', 'vérifier', 'récupérer', 'fusionner', 'désactiver', 'protéger'],
				titles: ['Comment {verb} votre {noun}', 'Problèmes de {noun} avec {product}', 'Puis-je {verb} mon {noun} ?', 'Votre {noun} et {noun2}', 'Connexion impossible depuis {place}'],
				headings: ['Avant de commencer', 'Se connecter', 'Protéger votre compte', 'En cas de problème', 'Ce que nous conservons', 'Modifier vos informations'],
			},
			'orders-tracking': {
				nouns: ['commande', 'numéro de suivi', 'e-mail de confirmation', 'statut de commande', 'adresse de livraison', 'facture', 'historique', 'colis', 'expédition', 'annulation'],
				verbs: ['suivre', 'annuler', 'modifier', 'retrouver', 'regrouper', 'diviser', 'corriger', 'confirmer', 'vérifier', 'recommander'],
				titles: ['Comment {verb} une {noun}', 'Où est ma {noun} ?', '{noun} des commandes {product}', 'Pourquoi ne puis-je pas {verb} ma {noun} ?', 'Commandes expédiées depuis {place}'],
				headings: ['Statuts de commande', 'Suivre votre colis', 'Modifier une commande', 'Quand nous ne pouvons pas expédier', 'Votre confirmation', 'Commandes en plusieurs colis'],
			},
			payments: {
				nouns: ['paiement', 'carte', 'carte cadeau', 'échéance', 'facture', 'TVA', 'code promo', 'bon d’achat', 'remboursement', 'virement'],
				verbs: ['payer', 'utiliser', 'fractionner', 'appliquer', 'vérifier', 'cumuler', 'contester', 'réessayer', 'télécharger', 'régler'],
				titles: ['Comment {verb} avec une {noun}', 'Mon {noun} a été refusé', '{noun} et {noun2} expliqués', 'Payer {product} en plusieurs fois', 'Paiements depuis {place}'],
				headings: ['Moyens de paiement acceptés', 'Quand vous êtes débité', 'Paiements refusés', 'Sécurité', 'Devises et taxes', 'Factures'],
			},
			'products-sizing': {
				nouns: ['taille', 'coupe', 'tissu', 'étiquette d’entretien', 'garantie', 'réassort', 'mesure', 'matière', 'couture', 'couleur'],
				verbs: ['mesurer', 'laver', 'choisir', 'réparer', 'ranger', 'sécher', 'repasser', 'comparer', 'trouver', 'ajuster'],
				titles: ['Comment {verb} le {product}', 'Guide des {noun} {product}', 'Le {product} va-t-il {verb} ?', 'Entretenir les vêtements en {material}', 'Trouver votre {noun} dans la gamme {product}'],
				headings: ['Tableau des tailles', 'La coupe', 'Lavage et séchage', 'Matières', 'Réparations et garantie', 'Entre deux tailles'],
			},
			'returns-refunds': {
				nouns: ['retour', 'remboursement', 'échange', 'étiquette de retour', 'délai de retour', 'article soldé', 'avoir', 'frais de retour', 'article défectueux', 'point de dépôt'],
				verbs: ['retourner', 'échanger', 'renvoyer', 'imprimer', 'réclamer', 'suivre', 'emballer', 'déposer', 'rembourser', 'annuler'],
				titles: ['Comment {verb} un {product}', 'Règles de {noun} pour les articles {product}', 'Quand vais-je recevoir mon {noun} ?', 'Retours depuis {place}', 'Puis-je {verb} un article soldé ?'],
				headings: ['Qui peut retourner', 'Préparer votre colis', 'Frais de retour', 'Délai de remboursement', 'Échanges', 'Articles non repris'],
			},
			shipping: {
				nouns: ['livraison', 'frais de port', 'point relais', 'livraison express', 'douane', 'taxes', 'transporteur', 'délai de livraison', 'colis', 'signature'],
				verbs: ['expédier', 'livrer', 'retirer', 'reprogrammer', 'rediriger', 'assurer', 'suivre', 'accélérer', 'choisir', 'récupérer'],
				titles: ['Livraison vers {place}', 'Comment {verb} un {noun}', '{carrier} : {noun} expliqué', 'Expédier des commandes {product} à l’étranger', 'La {noun} est-elle gratuite vers {place} ?'],
				headings: ['Délais de livraison', 'Tarifs', 'Transporteurs', 'Douane et taxes', 'Livraison manquée', 'Où nous livrons'],
			},
		},
		sentences: [
			'La plupart des questions sur votre {noun} trouvent leur réponse dans votre compte, rubrique Commandes.',
			'Vous pouvez {verb} votre {noun} à tout moment avant son départ de notre entrepôt de {place}.',
			'Il nous faut en général {days} jours ouvrés pour traiter une demande de {noun} pour le {product}.',
			'Le {product} {adjective} est en {material} et existe en {colour}.',
			'{carrier} livre à {place} en {days} jours ouvrés pour {price}.',
			'Si votre {noun} n’est pas arrivé après {days} jours, consultez la page de suivi avant de nous écrire.',
			'Notre équipe répond à chaque message sur une {noun} en un jour ouvré.',
			'Gardez votre {noun2} jusqu’à la réception de votre {noun}, par précaution.',
			'Quand vous choisissez de {verb} une {noun}, nous vous envoyons un e-mail détaillé.',
			'Les articles de la collection {product} suivent les mêmes règles que le reste de la boutique.',
			'Une {noun} {adjective} est rare, mais cela arrive, surtout pendant les soldes.',
			'Au-delà de {price}, la {noun} est offerte dans l’Union européenne.',
			'Comptez {days} jours de plus pour les îles et les zones éloignées comme {place}.',
			'Nous vous conseillons de {verb} la {noun} dès réception de l’e-mail.',
			'Chaque {noun} est contrôlée à la main dans notre atelier avant l’envoi.',
			'Votre banque peut mettre quelques jours de plus à afficher le {noun} sur votre relevé.',
			'Choisissez {carrier} si vous êtes pressé, ou un point relais pour payer moins.',
			'Nous ne pouvons plus {verb} une {noun} une fois le colis remis à {carrier}.',
			'Lavez les articles en {material} à trente degrés, sur l’envers, avec des couleurs {colour}.',
			'Le moyen le plus rapide de {verb} une {noun} est le lien de votre e-mail de confirmation.',
		],
		adjectives: ['endommagé', 'en retard', 'léger', 'chaud', 'imperméable', 'défectueux', 'manquant', 'ample', 'ajusté', 'recyclé', 'biologique', 'limité', 'saisonnier', 'soldé', 'erroné'],
		materials: ['laine mérinos', 'coton biologique', 'lin', 'polyester recyclé', 'cachemire', 'denim', 'cuir', 'soie', 'chanvre', 'alpaga', 'velours côtelé', 'polaire', 'toile'],
		colours: ['marine', 'vert forêt', 'anthracite', 'écru', 'rouille', 'ivoire', 'noir', 'sable', 'bordeaux', 'bleu ciel', 'moutarde', 'olive', 'crème'],
		garments: ['pull', 'gilet', 'veste', 'chemise', 'pantalon', 'robe', 'écharpe', 'bonnet', 'manteau', 'sweat', 'jupe', 'parka', 'chaussettes', 'chino', 'surchemise', 'imperméable'],
		carriers: ['Colissimo', 'DHL Express', 'Mondial Relay', 'UPS', 'Chronopost', 'GLS', 'DPD', 'FedEx'],
		listIntros: ['Vérifiez que', 'Assurez-vous que', 'N’oubliez pas que', 'Notez que'],
		tableHeaders: [
			['Destination', 'Transporteur', 'Délai'],
			['Moyen de paiement', 'Débit', 'Remboursement'],
			['Taille', 'Poitrine (cm)', 'Taille (cm)'],
			['Situation', 'Que faire', 'Coût'],
		],
		callouts: ['Gardez votre preuve d’achat jusqu’à la fin du délai de retour.', 'Connectez-vous avant de commencer.', 'Une photo nous aide à répondre plus vite.'],
		descriptions: [
			'Tout sur la {noun} des commandes {product} : à quoi vous attendre, les délais et que faire en cas de problème.',
			'Comment {verb} votre {noun} étape par étape, avec les coûts, les délais et les exceptions pour {place}.',
			'Réponses aux questions fréquentes sur la {noun} et le {noun2}, y compris les livraisons {carrier}.',
		],
		linkText: ['voir cet article', 'en savoir plus', 'notre guide', 'la réponse complète'],
	},
};

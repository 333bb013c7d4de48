/**
 * The help center's page-weight budgets, in bytes. The site tests hold every build to them (the demo content and
 * a generated corpus); `npm run bench:search` holds search to its own budget on a 10,000-article site.
 */
export const pageWeightBudgets = {
	/**
	 * Every page's HTML with its inline CSS, gzipped: what arrives in the first round trip (10 TCP packets of
	 * 1,460 bytes), so a shopper on a phone sees the page after one round trip.
	 */
	firstRoundTrip: 14_600,
	/** The JavaScript a page loads before any interaction, gzipped (self-service pages are the heaviest). */
	javaScriptPerPage: 20 * 1024,
	/** Any one JavaScript file, gzipped (the search interface, loaded when the search box gets focus, is the largest). */
	javaScriptFile: 32 * 1024,
	/** Any one image of the site (illustrations, logo, social card), as stored. */
	image: 100 * 1024,
	/** Any one pack of Markdown twins or search fragments: what the Worker reads to answer one of them. */
	pack: 1024 * 1024,
	/** The storefront widget's loader (widget.js), gzipped: every page of the shop that carries it pays for it. */
	widgetLoader: 3 * 1024,
	/** The storefront widget's panel in one locale, gzipped: loaded when the shopper first opens the widget. */
	widgetPanel: 30 * 1024,
} as const;

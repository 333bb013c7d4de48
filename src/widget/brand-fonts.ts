/** A web font of the brand (content/site.yaml `brand.fonts.files`), as the widget's panel gets it. */
export interface WidgetFont {
	family: string;
	/** Its path on the help center (`/fonts/figtree-latin-wght.woff2`). */
	file: string;
	/** One weight ("400") or a variable font's range ("300 900"). */
	weight: string;
	style: string;
}

/**
 * The name the widget gives its copy of a brand font on a shop's page: a name of its own, so a font the shop declares
 * under the brand's name is left as the shop set it (its weights, its files).
 */
export function widgetFontFamily(family: string): string {
	return `${family} (help center)`;
}

/**
 * A CSS font list for the widget: the brand's list, with the widget's own copy of a family right after that family.
 * A shop that already declares the brand's font is drawn in it, with no second download; elsewhere the widget's copy
 * comes next, before the system fonts.
 */
export function widgetFontList(list: string, fonts: readonly { family: string }[]): string {
	const families = new Set(fonts.map((font) => font.family));
	return list
		.split(',')
		.map((entry) => entry.trim())
		.flatMap((entry) => {
			const family = entry.replace(/^["']|["']$/g, '');
			return families.has(family) ? [entry, `"${widgetFontFamily(family)}"`] : [entry];
		})
		.join(', ');
}

/**
 * Declares the brand's web fonts on the shop's page, from the help center (`origin`), swapped in when they arrive.
 * Not with @font-face in the widget's style sheet: browsers ignore @font-face inside a shadow root, so the faces go
 * into the page's `document.fonts`, where the shadow root finds them (the FontFace API is not a `<style>`, so a shop's
 * style-src does not block it). A shop whose Content-Security-Policy leaves the help center out of `font-src`, or a
 * browser without the API, keeps the fallback fonts of the list: the widget reads the same, in the shop's system font.
 * Called when the panel first opens, so a shop's page that only shows the launcher downloads no font.
 */
export function addBrandFonts(fonts: readonly WidgetFont[], origin: string): void {
	if (typeof FontFace === 'undefined' || !('fonts' in document)) return;
	for (const font of fonts) {
		const source = `url(${JSON.stringify(new URL(font.file, origin).href)}) format("woff2")`;
		document.fonts.add(new FontFace(widgetFontFamily(font.family), source, { weight: font.weight, style: font.style, display: 'swap' }));
	}
}

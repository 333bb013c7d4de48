/**
 * Gives the shadow root `css` as a constructed stylesheet. A shop's Content-Security-Policy without
 * 'unsafe-inline' in style-src blocks `<style>` elements, but not stylesheets built from script it already
 * allowed; a browser too old for constructed stylesheets (before Safari 16.4) gets a `<style>` element instead.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
	if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(css);
		root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
		return;
	}
	const style = document.createElement('style');
	style.textContent = css;
	root.appendChild(style);
}

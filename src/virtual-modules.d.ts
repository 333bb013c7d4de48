declare module 'virtual:help-center/redirects' {
	/** Old address → new address, built from the content's `redirectFrom` (src/integrations/redirect-map.ts). */
	const redirects: import('./worker/redirects').RedirectMap;
	export default redirects;
}

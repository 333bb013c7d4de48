declare module 'virtual:search-ui-url' {
	/** The address of the search interface's script (see src/integrations/search-ui-plugin.ts). */
	const url: string;
	export default url;
}

declare module 'virtual:pagefind-web' {
	/** Pagefind's browser API (see src/integrations/search-ui-plugin.ts). */
	export const options: import('../query/pagefind-api.ts').Pagefind['options'];
	export const init: import('../query/pagefind-api.ts').Pagefind['init'];
	export const search: import('../query/pagefind-api.ts').Pagefind['search'];
}

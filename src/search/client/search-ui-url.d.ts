declare module 'virtual:search-ui-url' {
	/** The address of the search interface's script (see src/integrations/search-ui-plugin.ts). */
	const url: string;
	export default url;
}

import type { Plugin } from 'vite';

const virtualId = 'virtual:search-ui-url';
const resolvedId = `\0${virtualId}`;

/**
 * Gives the page's bootstrap script the address of the search interface's script, built as a chunk of its own,
 * without importing it: an import (even a dynamic one) would stop Astro from inlining the bootstrap, and the
 * interface must not load before the shopper shows interest in searching.
 */
export function searchUiPlugin(entry: string): Plugin {
	let serving = false;
	return {
		name: 'help-center:search-ui-url',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return id === virtualId ? resolvedId : undefined;
		},
		load(id) {
			if (id !== resolvedId) return undefined;
			if (serving) return `export default ${JSON.stringify(`/@fs${entry}`)};`;
			const reference = this.emitFile({ type: 'chunk', id: entry, name: 'search-ui' });
			return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
		},
		resolveFileUrl({ fileName }) {
			return JSON.stringify(`/${fileName}`);
		},
	};
}

import * as pagefind from 'pagefind';
import type { Plugin } from 'vite';

const uiUrlId = 'virtual:search-ui-url';
const pagefindWebId = 'virtual:pagefind-web';

/** Pagefind's browser script, as the installed Pagefind writes it into every bundle. */
async function pagefindWebScript(): Promise<string> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	try {
		await index.addCustomRecord({ url: '/', content: 'placeholder', language: 'en' });
		const { files } = await index.getFiles();
		const script = files.find((file) => file.path === 'pagefind.js');
		if (!script) throw new Error('Pagefind wrote no pagefind.js');
		return new TextDecoder().decode(script.content);
	} finally {
		// Only this throwaway index: the Pagefind process may be indexing the site at the same time.
		await index.deleteIndex();
	}
}

/**
 * Two modules for the search interface:
 * - `virtual:search-ui-url`, the address of the interface's script, built as a chunk of its own, for the page's
 *   bootstrap to load on demand: importing it (even dynamically) would stop Astro from inlining the bootstrap,
 *   and the interface must not load before the shopper shows interest in searching;
 * - `virtual:pagefind-web`, Pagefind's browser script bundled into that chunk, which saves a request and a round
 *   trip before the first results (it is the same file the build publishes at /pagefind/pagefind.js, written by
 *   the same Pagefind, so it always matches the index).
 */
export function searchUiPlugin(entry: string): Plugin {
	let serving = false;
	return {
		name: 'help-center:search-ui',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return id === uiUrlId || id === pagefindWebId ? `\0${id}` : undefined;
		},
		async load(id) {
			if (id === `\0${pagefindWebId}`) return pagefindWebScript();
			if (id !== `\0${uiUrlId}`) return undefined;
			if (serving) return `export default ${JSON.stringify(`/@fs${entry}`)};`;
			const reference = this.emitFile({ type: 'chunk', id: entry, name: 'search-ui' });
			return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
		},
		resolveFileUrl({ fileName }) {
			return JSON.stringify(`/${fileName}`);
		},
	};
}

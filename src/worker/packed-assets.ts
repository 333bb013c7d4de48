import { articleUrlOfMarkdown } from '../config/page-urls.ts';
import { searchBundlePath } from '../search/bundle-layout.ts';
import { fragmentPackFolder, fragmentPackName, markdownPackFolder, markdownPackName, openPack, type AssetPack } from './asset-pack.ts';

export interface PackedFile {
	/** The pack's address among the static assets. */
	packPath: string;
	/** The file's name inside the pack. */
	name: string;
	headers: Record<string, string>;
}

/** Which packed file answers a path, if any: a Markdown twin (`/en/shipping/customs.md`) or a search fragment. */
export function packedFileFor(pathname: string): PackedFile | undefined {
	const fragment = pathname.startsWith(`${searchBundlePath}fragment/`) ? pathname.slice(`${searchBundlePath}fragment/`.length) : undefined;
	if (fragment !== undefined) {
		const pack = fragmentPackName(fragment);
		if (!pack) return undefined;
		return {
			packPath: `${searchBundlePath}${fragmentPackFolder}${pack}.pack`,
			name: fragment,
			// A fragment's name carries its index's tag (src/search/bundle-layout.ts): a name never changes meaning.
			headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000, immutable' },
		};
	}
	const article = articleUrlOfMarkdown(pathname);
	if (article) {
		return {
			packPath: `${markdownPackFolder}${markdownPackName(article)}.pack`,
			name: article,
			headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
		};
	}
	return undefined;
}

// Packs stay open between requests of the same isolate; a small bound keeps memory flat on large sites.
const openPacks = new Map<string, Promise<AssetPack | undefined>>();
const maxOpenPacks = 32;

async function loadPack(assets: Fetcher, packPath: string, origin: string): Promise<AssetPack | undefined> {
	const response = await assets.fetch(new URL(packPath, origin));
	if (!response.ok) return undefined;
	return openPack(new Uint8Array(await response.arrayBuffer()));
}

function pack(assets: Fetcher, packPath: string, origin: string): Promise<AssetPack | undefined> {
	let opened = openPacks.get(packPath);
	if (opened) {
		// Most recently used last, so the oldest is the first to go.
		openPacks.delete(packPath);
	} else {
		opened = loadPack(assets, packPath, origin).catch(() => undefined);
	}
	openPacks.set(packPath, opened);
	if (openPacks.size > maxOpenPacks) openPacks.delete(openPacks.keys().next().value ?? '');
	return opened;
}

/** The bytes of a packed file (see {@link packedFileFor}), or undefined when its pack does not hold it. */
export async function readPackedFile(assets: Fetcher, file: PackedFile, origin: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
	return (await pack(assets, file.packPath, origin))?.get(file.name);
}

/**
 * Answers a request for a file the build packed (Markdown twins, search fragments) from its pack among the static
 * assets, or returns undefined when the path is not one of them or the file does not exist.
 */
export async function servePackedAsset(request: Request, assets: Fetcher): Promise<Response | undefined> {
	if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
	const url = new URL(request.url);
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return undefined;
	}
	const file = packedFileFor(pathname);
	if (!file) return undefined;
	const content = await readPackedFile(assets, file, url.origin);
	if (!content) return undefined;
	return new Response(request.method === 'HEAD' ? null : content, {
		headers: { ...file.headers, 'Content-Length': String(content.byteLength), 'X-Content-Type-Options': 'nosniff' },
	});
}

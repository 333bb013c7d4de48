/**
 * Asset packs: many small files of the built site (Markdown twins, search fragments) stored as a few larger
 * files, which the Worker opens to answer a request for one of them. Workers static assets count files (20,000 on
 * the Free plan), and these two kinds would otherwise add two files per article.
 *
 * Format: a 4-byte big-endian length, a JSON table `{ name: [offset, length] }`, then the files' bytes one after
 * the other (offsets count from the end of the table). Names are sorted, so the same files give the same pack.
 */

import { localeOfUrl } from '../config/page-urls.ts';
import { parseFragmentName } from '../search/bundle-layout.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs `files` (name → bytes) into one file. */
export function encodePack(files: Map<string, Uint8Array>): Uint8Array<ArrayBuffer> {
	const names = [...files.keys()].sort();
	const table: Record<string, [number, number]> = {};
	let offset = 0;
	for (const name of names) {
		const length = files.get(name)?.byteLength ?? 0;
		table[name] = [offset, length];
		offset += length;
	}
	const header = encoder.encode(JSON.stringify(table));
	const pack = new Uint8Array(4 + header.byteLength + offset);
	new DataView(pack.buffer).setUint32(0, header.byteLength);
	pack.set(header, 4);
	let position = 4 + header.byteLength;
	for (const name of names) {
		const content = files.get(name) ?? new Uint8Array();
		pack.set(content, position);
		position += content.byteLength;
	}
	return pack;
}

/** An opened pack: the names it holds and each file's bytes (views into the pack, not copies). */
export interface AssetPack {
	names(): string[];
	get(name: string): Uint8Array<ArrayBuffer> | undefined;
}

/** Opens a pack made by {@link encodePack}; throws on bytes that are not one. */
export function openPack(bytes: Uint8Array<ArrayBuffer>): AssetPack {
	if (bytes.byteLength < 4) throw new Error('Not an asset pack: too short.');
	const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
	if (4 + headerLength > bytes.byteLength) throw new Error('Not an asset pack: the table runs past the end.');
	const table = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as Record<string, [number, number]>;
	const start = 4 + headerLength;
	return {
		names: () => Object.keys(table),
		get(name) {
			const place = Object.hasOwn(table, name) ? table[name] : undefined;
			if (!place) return undefined;
			const [offset, length] = place;
			return bytes.subarray(start + offset, start + offset + length);
		},
	};
}

/** FNV-1a, 32 bits: a tiny stable hash, identical in Node and in the Worker, to spread names over packs. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (const byte of encoder.encode(text)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** Where Markdown twins are packed: one folder, packs named by locale and a two-hex-digit share of the addresses. */
export const markdownPackFolder = '/markdown-packs/';

/**
 * The pack holding the Markdown twin of the article at `articlePath` (`/en/shipping/customs`): 256 packs per locale
 * at most, so 20,000 articles in one language make about 80 twins per pack.
 */
export function markdownPackName(articlePath: string): string {
	return `${localeOfUrl(articlePath)}-${(fnv1a(articlePath) & 0xff).toString(16).padStart(2, '0')}`;
}

/** Where search fragments are packed, inside the search bundle. */
export const fragmentPackFolder = 'fragment-packs/';

/**
 * The pack holding a search fragment (`en_a491c621-7ps.pf_fragment`, see src/search/bundle-layout.ts): its
 * language and its position modulo 256, so at most 256 packs per language, evenly filled. Undefined for names that
 * are not fragments.
 */
export function fragmentPackName(fragment: string): string | undefined {
	const parsed = parseFragmentName(fragment);
	return parsed ? `${parsed.language}_${(parsed.position % 256).toString(16).padStart(2, '0')}` : undefined;
}

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { brotliSuffix, hasBrotliCopy } from '../bundle-layout.ts';

/** Writes the Brotli copy of every file of the search bundle in `bundleDir` that gets one. */
export async function writeBrotliCopies(bundleDir: string): Promise<void> {
	const paths = (await readdir(bundleDir, { recursive: true })).map((path) => path.split('\\').join('/')).filter(hasBrotliCopy).sort();
	for (const path of paths) {
		const data = gunzipSync(await readFile(join(bundleDir, path)));
		const compressed = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength } });
		await writeFile(join(bundleDir, `${path}${brotliSuffix}`), compressed);
	}
}

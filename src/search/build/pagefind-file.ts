import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Pagefind's file format: gzip of a signature followed by the data (JSON for fragments, CBOR for the index). Its
 * browser code skips the unzipping when a file arrives already decompressed, which it tells by the signature.
 */
export const pagefindSignature = 'pagefind_dcd';

/** The data of a Pagefind file; throws when it does not unzip or lacks the signature. */
export function readPagefindFile(content: Uint8Array): Buffer {
	const data = gunzipSync(content);
	if (data.subarray(0, pagefindSignature.length).toString('latin1') !== pagefindSignature) throw new Error('no Pagefind signature');
	return data.subarray(pagefindSignature.length);
}

/** A Pagefind file holding `data`, as Pagefind writes it. */
export function writePagefindFile(data: Uint8Array): Uint8Array {
	return gzipSync(Buffer.concat([Buffer.from(pagefindSignature, 'latin1'), data]), { level: 9 });
}

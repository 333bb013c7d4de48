import { describe, expect, it } from 'vitest';
import { encodePack, fragmentPackName, markdownPackName, openPack } from '../../src/worker/asset-pack';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (content: Uint8Array | undefined) => (content === undefined ? undefined : new TextDecoder().decode(content));

describe('asset packs', () => {
	it('give back every file packed, byte for byte, and nothing else', () => {
		const files = new Map([
			['/en/shipping/customs', bytes('# Customs\n\nDuties are paid on delivery. Éàü ✓\n')],
			['/en/shipping/empty', new Uint8Array()],
			['/fr/livraison/douane', bytes('# Douane\n')],
		]);
		const pack = openPack(encodePack(files));
		expect(pack.names().sort()).toEqual([...files.keys()].sort());
		for (const [name, content] of files) expect(text(pack.get(name))).toBe(text(content));
		expect(pack.get('/en/shipping/missing')).toBeUndefined();
		// Names are data, not object keys to inherit from.
		expect(pack.get('__proto__')).toBeUndefined();
		expect(pack.get('constructor')).toBeUndefined();
	});

	it('are the same bytes for the same files, whatever order they come in', () => {
		const a = encodePack(new Map([['b', bytes('2')], ['a', bytes('1')]]));
		const b = encodePack(new Map([['a', bytes('1')], ['b', bytes('2')]]));
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});

	it('refuse bytes that are not a pack', () => {
		expect(() => openPack(new Uint8Array([0, 0]))).toThrow(/too short/);
		expect(() => openPack(new Uint8Array([0, 0, 1, 0, 123]))).toThrow(/past the end/);
	});

	it('spread Markdown twins over at most 256 packs per locale, the same way every time', () => {
		const names = new Set(Array.from({ length: 5000 }, (_, index) => markdownPackName(`/en/catalogue/product-${index}`)));
		expect(names.size).toBe(256);
		for (const name of names) expect(name).toMatch(/^en-[0-9a-f]{2}$/);
		expect(markdownPackName('/fr/livraison/douane')).toMatch(/^fr-[0-9a-f]{2}$/);
		expect(markdownPackName('/fr/livraison/douane')).toBe(markdownPackName('/fr/livraison/douane'));
	});

	it('file a search fragment by its language and its position, 256 packs at most per language', () => {
		expect(fragmentPackName('en_a491c621-0.pf_fragment')).toBe('en_00');
		expect(fragmentPackName('en_a491c621-73.pf_fragment')).toBe('en_ff'); // 7 × 36 + 3 = 255
		expect(fragmentPackName('en_a491c621-74.pf_fragment')).toBe('en_00');
		expect(fragmentPackName('pt-br_9c1b3f20-a.pf_fragment')).toBe('pt-br_0a');
		for (const name of ['en_a491c621-0.pf_index', '../secret_00000000-1.pf_fragment', 'en_0daa3fd.pf_fragment', 'en_a491c621-.pf_fragment']) {
			expect(fragmentPackName(name)).toBeUndefined();
		}
	});
});

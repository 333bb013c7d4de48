import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { slugify } from '../scaffold-article.ts';
import { ImportError } from './model.ts';

/** Zendesk's own limit per attachment; anything larger is not an article image. */
const maxBytes = 20 * 1024 * 1024;

const imageTypes: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/avif': 'avif',
	'image/svg+xml': 'svg',
};
const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg']);
const fileExtensions = new Set([...imageExtensions, 'pdf', 'zip', 'txt', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'mp3', 'mp4', 'webm']);

/** What kind of file a body refers to; images are checked to really be images. */
export type MediaKind = 'image' | 'file';

export type MediaResult = { url: string } | { error: string };

export interface MediaOptions {
	/** Where staged public files go (the import's temporary copy of public/). */
	stagePublicDir: string;
	/** The project's public/ folder: a file already there with the same bytes is not written again. */
	publicDir?: string;
	/** A local folder to take files from before trying the network (`--media`). */
	mediaDir?: string;
	timeoutMs: number;
	/** Downloads at the same time. */
	concurrency?: number;
	fetch?: typeof fetch;
}

/** The image format the bytes start with, or undefined. SVG is recognised by its root element. */
function sniffImage(bytes: Uint8Array): string | undefined {
	const hex = Buffer.from(bytes.subarray(0, 12)).toString('hex');
	if (hex.startsWith('89504e47')) return 'png';
	if (hex.startsWith('ffd8ff')) return 'jpg';
	if (hex.startsWith('47494638')) return 'gif';
	if (hex.startsWith('52494646') && hex.slice(16, 24) === '57454250') return 'webp';
	if (hex.slice(8, 16) === '66747970') return 'avif';
	const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8');
	if (/<svg[\s>]/i.test(head)) return 'svg';
	return undefined;
}

function extensionOf(name: string): string | undefined {
	return /\.([a-z0-9]{2,5})$/i.exec(name)?.[1]?.toLowerCase();
}

function fileNameFor(name: string, extension: string): string {
	const base = slugify(name.replace(/\.[a-z0-9]{2,5}$/i, '')).slice(0, 60) || 'file';
	return `${base}.${extension === 'jpeg' ? 'jpg' : extension}`;
}

async function listFiles(directory: string): Promise<string[]> {
	const entries = await readdir(directory, { withFileTypes: true });
	const nested = await Promise.all(
		// A Markdown folder can be a whole repository: its history is not media.
		entries.map((entry) => (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules' ? listFiles(join(directory, entry.name)) : Promise.resolve(entry.isFile() ? [join(directory, entry.name)] : []))),
	);
	return nested.flat();
}

async function sameFile(path: string, hash: string): Promise<boolean> {
	try {
		return createHash('sha256').update(await readFile(path)).digest('hex') === hash;
	} catch {
		return false;
	}
}

function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/**
 * Gets the images and files of imported articles — from a local folder, a data: address or over HTTP(S) — and
 * stores them under public/images/articles/<folder>/ in the staging area. Never throws for one file: a file
 * it cannot get comes back as an error the report shows.
 */
export class MediaStore {
	readonly #options: MediaOptions;
	readonly #fetch: typeof fetch;
	/** Local media files by their path relative to the media folder, and by their name alone. */
	#byPath = new Map<string, string>();
	#byName = new Map<string, string>();
	#results = new Map<string, Promise<MediaResult>>();
	/** Hash of the bytes written at each public path, to share identical files and rename different ones. */
	#written = new Map<string, string>();
	#active = 0;
	#waiting: (() => void)[] = [];
	/** Files stored, as public paths. */
	readonly stored: string[] = [];

	constructor(options: MediaOptions) {
		this.#options = options;
		this.#fetch = options.fetch ?? fetch;
	}

	/** Indexes the local media folder; a folder that cannot be read stops the import before anything is written. */
	async init(): Promise<void> {
		const { mediaDir } = this.#options;
		if (!mediaDir) return;
		try {
			if (!(await stat(mediaDir)).isDirectory()) throw new Error('not a folder');
			for (const file of await listFiles(mediaDir)) {
				const path = relative(mediaDir, file).split(sep).join('/');
				this.#byPath.set(path.toLowerCase(), file);
				const name = path.split('/').pop() ?? path;
				if (!this.#byName.has(name.toLowerCase())) this.#byName.set(name.toLowerCase(), file);
			}
		} catch (error) {
			throw new ImportError(`The media folder ${mediaDir} cannot be read (${(error as Error).message}). Check the --media path.`);
		}
	}

	/**
	 * Stores the file at `address` for the article whose images live in `folder`; the same address asked twice
	 * for one folder is fetched once.
	 */
	get(address: string, folder: string, kind: MediaKind, fileName?: string): Promise<MediaResult> {
		const key = `${folder}\n${kind}\n${address}`;
		let result = this.#results.get(key);
		if (!result) {
			result = this.#limited(() => this.#get(address, folder, kind, fileName));
			this.#results.set(key, result);
		}
		return result;
	}

	async #limited<T>(task: () => Promise<T>): Promise<T> {
		if (this.#active >= (this.#options.concurrency ?? 6)) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		this.#active += 1;
		try {
			return await task();
		} finally {
			this.#active -= 1;
			this.#waiting.shift()?.();
		}
	}

	async #get(address: string, folder: string, kind: MediaKind, fileName?: string): Promise<MediaResult> {
		const loaded = await this.#load(address, fileName);
		if ('error' in loaded) return loaded;
		const { bytes } = loaded;
		if (bytes.byteLength > maxBytes) return { error: `larger than ${maxBytes / 1024 / 1024} MB` };
		const name = fileName ?? decodePath(loaded.name);
		let extension = extensionOf(name) ?? (loaded.type ? imageTypes[loaded.type] : undefined);
		if (kind === 'image') {
			const sniffed = sniffImage(bytes);
			if (!sniffed) return { error: `not an image${loaded.type ? ` (${loaded.type})` : ''}` };
			if (sniffed === 'svg' && /<script|\son[a-z]+\s*=|javascript:/i.test(Buffer.from(bytes).toString('utf8'))) {
				return { error: 'an SVG image with scripts in it, refused' };
			}
			extension = extension && imageExtensions.has(extension) && (extension === sniffed || (sniffed === 'jpg' && extension === 'jpeg')) ? extension : sniffed;
		} else if (!extension || !fileExtensions.has(extension)) {
			return { error: `a file type we do not publish (${extension ? `.${extension}` : 'no extension'})` };
		}
		return this.#store(folder, fileNameFor(name, extension), bytes);
	}

	async #store(folder: string, name: string, bytes: Uint8Array): Promise<MediaResult> {
		const hash = createHash('sha256').update(bytes).digest('hex');
		const dot = name.lastIndexOf('.');
		for (let attempt = 1; ; attempt += 1) {
			const candidate = attempt === 1 ? name : `${name.slice(0, dot)}-${attempt}${name.slice(dot)}`;
			const url = `/images/articles/${folder}/${candidate}`;
			const existing = this.#written.get(url);
			if (existing === hash) return { url };
			if (existing !== undefined) continue;
			this.#written.set(url, hash);
			if (this.#options.publicDir && (await sameFile(join(this.#options.publicDir, url), hash))) return { url };
			const path = join(this.#options.stagePublicDir, 'images/articles', folder, candidate);
			await mkdir(join(this.#options.stagePublicDir, 'images/articles', folder), { recursive: true });
			await writeFile(path, bytes);
			this.stored.push(url);
			return { url };
		}
	}

	async #load(address: string, fileName?: string): Promise<{ bytes: Uint8Array; name: string; type?: string } | { error: string }> {
		const data = /^data:([\w.+-]+\/[\w.+-]+)?(;base64)?,(.*)$/is.exec(address);
		if (data) {
			const type = data[1]?.toLowerCase();
			const payload = data[3] ?? '';
			const bytes = data[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodePath(payload), 'utf8');
			return { bytes, name: `image.${(type && imageTypes[type]) ?? 'bin'}`, ...(type ? { type } : {}) };
		}
		let url: URL | undefined;
		try {
			url = new URL(address.startsWith('//') ? `https:${address}` : address);
		} catch {
			url = undefined;
		}
		const path = decodePath(url ? url.pathname : address.split(/[?#]/)[0] ?? address).replace(/^\/+/, '');
		const local = this.#findLocal(path, fileName);
		if (local) {
			try {
				return { bytes: await readFile(local), name: path.split('/').pop() ?? path };
			} catch (error) {
				return { error: `${local} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
			}
		}
		if (!url || !/^https?:$/.test(url.protocol)) {
			return { error: this.#options.mediaDir ? `not found in the media folder ${this.#options.mediaDir}` : 'a relative address: give the folder that holds it with --media' };
		}
		try {
			const response = await this.#fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs), redirect: 'follow' });
			if (!response.ok) {
				await response.body?.cancel();
				return { error: `HTTP ${response.status} from ${url.host}` };
			}
			const length = Number(response.headers.get('content-length') ?? 0);
			if (length > maxBytes) {
				await response.body?.cancel();
				return { error: `larger than ${maxBytes / 1024 / 1024} MB` };
			}
			const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
			const bytes = new Uint8Array(await response.arrayBuffer());
			return { bytes, name: path.split('/').pop() ?? 'file', ...(type ? { type } : {}) };
		} catch (error) {
			const cause = (error as { cause?: { code?: string } }).cause?.code;
			const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.#options.timeoutMs / 1000} s` : (cause ?? (error as Error).message);
			return { error: `unreachable (${reason})` };
		}
	}

	/** A file of the media folder matching the address's path, its last segments, or its name. */
	#findLocal(path: string, fileName?: string): string | undefined {
		if (!this.#options.mediaDir) return undefined;
		const segments = path.toLowerCase().split('/').filter(Boolean);
		for (let start = 0; start < segments.length; start += 1) {
			const found = this.#byPath.get(segments.slice(start).join('/'));
			if (found) return found;
		}
		const name = segments.at(-1);
		return (fileName && this.#byName.get(fileName.toLowerCase())) || (name && this.#byName.get(name)) || undefined;
	}
}

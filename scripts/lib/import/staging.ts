import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Files an import writes, kept in a staging folder inside the project until `commit` moves them all into
 * content/ and public/ together. Staging inside the project keeps every move a same-disk rename.
 */
export class Staging {
	readonly root: string;
	readonly dir: string;
	readonly #files = new Set<string>();

	private constructor(root: string, dir: string) {
		this.root = root;
		this.dir = dir;
	}

	static async create(root: string): Promise<Staging> {
		const dir = join(root, `.import-staging-${process.pid}-${Date.now().toString(36)}`);
		await mkdir(dir, { recursive: true });
		return new Staging(root, dir);
	}

	/** Writes a file at `path`, relative to the project root (content/… or public/…). */
	async write(path: string, data: string | Uint8Array): Promise<void> {
		const target = join(this.dir, path);
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, data);
		this.#files.add(path);
	}

	/** Takes note of a file written straight into the staging folder by someone else (the media store). */
	async adopt(subdir: string): Promise<void> {
		const base = join(this.dir, subdir);
		if (!existsSync(base)) return;
		const walk = async (directory: string): Promise<void> => {
			for (const entry of await readdir(directory, { withFileTypes: true })) {
				const path = join(directory, entry.name);
				if (entry.isDirectory()) await walk(path);
				else this.#files.add(relative(this.dir, path).split(sep).join('/'));
			}
		};
		await walk(base);
	}

	/** Takes a staged file out again, so that the commit leaves the project's file as it is. */
	async remove(path: string): Promise<void> {
		await rm(join(this.dir, path), { force: true });
		this.#files.delete(path);
	}

	get files(): string[] {
		return [...this.#files].sort();
	}

	/**
	 * Moves every staged file into the project, replacing what is there. If any move fails, every file already
	 * moved is put back as it was, and the error is thrown. Returns a handle to undo the whole commit later: `rollback`
	 * restores the project and discards the staging folder, `unstage` restores the project and puts the files back
	 * into the staging folder, to change what is staged and commit again.
	 */
	async commit(): Promise<{ rollback(): Promise<void>; unstage(): Promise<void>; finish(): Promise<void> }> {
		const backupDir = join(this.dir, '.replaced');
		const moved: { target: string; backup?: string }[] = [];
		const createdDirs: string[] = [];
		// Undoes the moves; `keep` moves the files back into the staging folder instead of deleting them.
		const rollback = async (keep = false) => {
			for (const { target, backup } of moved.reverse()) {
				if (keep) await rename(target, join(this.dir, relative(this.root, target)));
				else await rm(target, { force: true });
				if (backup) await rename(backup, target);
			}
			// Deepest first, so that a folder is empty by the time it is removed.
			for (const directory of createdDirs.sort((a, b) => b.length - a.length)) await rmdir(directory).catch(() => undefined);
			moved.length = 0;
		};
		try {
			for (const path of this.files) {
				const target = join(this.root, path);
				for (let directory = dirname(target); !existsSync(directory); directory = dirname(directory)) createdDirs.push(directory);
				await mkdir(dirname(target), { recursive: true });
				const entry: { target: string; backup?: string } = { target };
				if (existsSync(target)) {
					const backup = join(backupDir, path);
					await mkdir(dirname(backup), { recursive: true });
					await rename(target, backup);
					entry.backup = backup;
				}
				moved.push(entry);
				await rename(join(this.dir, path), target);
			}
		} catch (error) {
			await rollback();
			await this.discard();
			throw error;
		}
		return {
			rollback: async () => {
				await rollback();
				await this.discard();
			},
			unstage: () => rollback(true),
			finish: () => this.discard(),
		};
	}

	/** Removes the staging folder and anything left in it. */
	async discard(): Promise<void> {
		await rm(this.dir, { recursive: true, force: true });
	}
}

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { lastCommitDates } from './git-dates.ts';
import { ignoredFolders } from './markdown-layout.ts';
import { ImportError } from './model.ts';

const run = promisify(execFile);

/** A folder laid out as one language folder per language, to read as parallel translations; removed by `dispose`. */
export interface LanguageFolders {
	folder: string;
	/** Last-change dates of every file, from the git history of the branch it came from. */
	dates: Map<string, Date>;
	dispose(): void;
}

/**
 * Puts a folder of Markdown and its translations kept on other git branches side by side, as the parallel language
 * folders the reader knows: `<locale>/` holds the folder as it is, and each `<language>/` the same folder on its
 * branch (`branches`: language → branch, tag or commit). Pages of the same path, or the same `id`, become translations.
 */
export async function languageFoldersFromBranches(folder: string, locale: string, branches: ReadonlyMap<string, string>): Promise<LanguageFolders> {
	let prefix: string;
	let top: string;
	try {
		[top = '', prefix = ''] = (await run('git', ['-C', folder, 'rev-parse', '--show-toplevel', '--show-prefix'])).stdout.split('\n');
	} catch {
		throw new ImportError(`${folder} is not in a git repository, so its translations cannot be read from branches. Check the branches out side by side (en/, fr/) instead.`);
	}
	const root = mkdtempSync(join(tmpdir(), 'import-languages-'));
	const dispose = () => rmSync(root, { recursive: true, force: true });
	try {
		const dates = new Map<string, Date>();
		const own = join(root, locale);
		cpSync(folder, own, { recursive: true, filter: (source) => !ignoredFolders.has(basename(source)) || source === folder });
		for (const [path, date] of await lastCommitDates(folder, undefined, own)) dates.set(path, date);
		for (const [language, ref] of branches) {
			if (language === locale) throw new ImportError(`--branch ${language}=${ref}: ${language} is the language of the folder itself (--locale).`);
			const target = join(root, language);
			mkdirSync(target);
			try {
				// From the top: run in a subfolder, git archive would also keep only that subfolder of the tree it is given.
				const archive = await run('git', ['-C', top, 'archive', '--format=tar', `${ref}:${prefix}`], { encoding: 'buffer', maxBuffer: 2 * 1024 * 1024 * 1024 });
				await new Promise<void>((resolve, reject) => {
					const tar = execFile('tar', ['-x', '-C', target], (error) => (error ? reject(error) : resolve()));
					tar.stdin?.end(archive.stdout);
				});
			} catch (error) {
				const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
				throw new ImportError(`--branch ${language}=${ref}: git could not read ${prefix || 'the repository root'} on "${ref}" (${detail}). Name a branch, tag or commit that has this folder.`);
			}
			for (const [path, date] of await lastCommitDates(folder, ref, target)) dates.set(path, date);
		}
		return { folder: root, dates, dispose };
	} catch (error) {
		dispose();
		throw error;
	}
}


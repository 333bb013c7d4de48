import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The date of the last commit of every file under `folder`, by absolute path, from one `git log` pass (not one
 * process per file); on the branch or commit `ref` when given (its files then named as if under `as`). Empty when the
 * folder is not in a git repository or git is missing.
 */
export async function lastCommitDates(folder: string, ref?: string, as = folder): Promise<Map<string, Date>> {
	const dates = new Map<string, Date>();
	try {
		const { stdout } = await promisify(execFile)('git', ['-C', folder, '-c', 'core.quotepath=off', 'log', '--format=%x01%cI', '--name-only', '--relative', '--no-renames', ...(ref ? [ref] : []), '--', '.'], {
			maxBuffer: 512 * 1024 * 1024,
		});
		let current: Date | undefined;
		for (const line of stdout.split('\n')) {
			if (line.startsWith('\u0001')) current = new Date(line.slice(1));
			else if (line && current && !Number.isNaN(current.getTime())) {
				const path = join(as, line);
				// Newest first: the first date seen for a file is its last change.
				if (!dates.has(path)) dates.set(path, current);
			}
		}
	} catch {
		return dates;
	}
	return dates;
}

import { redirectsFileSchema } from '../schemas/redirects.ts';
import { redirectKey } from '../worker/redirects.ts';
import type { ContentProblem } from './check-content.ts';
import type { YamlSource } from './read-content.ts';
import { issuesToProblems } from './schema-problems.ts';

/** Where an old address is declared: the file, its line, and the field (redirectFrom) or the old address itself. */
export interface RedirectPlace {
	file: string;
	line?: number;
	field: string;
}

/**
 * Collects every old address the content declares (articles', categories' and groups' `redirectFrom`, the
 * redirects file) under the key the Worker looks it up by, and reports one that is the address of a live page
 * (the redirect would hide the page) or that another file claims already (the Worker can answer only one).
 */
export class RedirectClaims {
	readonly problems: ContentProblem[] = [];
	readonly #live: Set<string>;
	readonly #owners = new Map<string, RedirectPlace>();

	constructor(livePaths: Iterable<string>) {
		this.#live = new Set([...livePaths].map(redirectKey));
	}

	/** Records `path` as claimed at `place`; false when it cannot be served. */
	claim(path: string, place: RedirectPlace): boolean {
		const key = redirectKey(path);
		const at = { file: place.file, ...(place.line ? { line: place.line } : {}), field: place.field };
		if (this.#live.has(key)) {
			this.problems.push({
				...at,
				message: `The old address "${path}" is the address of a live page; the redirect would hide it.`,
				fix: 'Remove this entry, or rename the page that lives at that address.',
			});
			return false;
		}
		const owner = this.#owners.get(key);
		if (owner !== undefined && owner.file !== place.file) {
			this.problems.push({
				...at,
				message: `The old address "${path}" is also claimed by ${owner.file}.`,
				fix: 'An old address can only lead to one page. Remove it from one of the two files.',
			});
			return false;
		}
		// One entry may list an address twice (Zendesk's by number and with its title); two entries may not.
		if (owner !== undefined && owner.field !== place.field) {
			this.problems.push({
				...at,
				message: `The old address "${path}" is listed twice in this file (addresses are compared without case or trailing slash).`,
				fix: 'Keep one of the two lines.',
			});
			return false;
		}
		this.#owners.set(key, place);
		return true;
	}
}

/**
 * Checks content/redirects.yaml: each old address has the shape of a path, is not a live page nor claimed elsewhere,
 * and leads to a live page (with its heading, for `#anchor`) or an https address — so no redirect leads to another
 * redirect, or back to itself.
 */
export function checkRedirectsFile(source: YamlSource, livePaths: Map<string, Set<string>>, claims: RedirectClaims): ContentProblem[] {
	if (source.readError) return [{ file: source.file, ...source.readError }];
	const result = redirectsFileSchema.safeParse(source.data ?? {});
	if (!result.success) return issuesToProblems(source.file, source.keyLines, result.error.issues);
	const problems: ContentProblem[] = [];
	for (const [from, to] of Object.entries(result.data)) {
		const line = source.keyLines.get(from);
		const at = { file: source.file, ...(line ? { line } : {}), field: from };
		claims.claim(from, at);
		if (to.startsWith('https://')) continue;
		const [path = '', hash] = to.split('#');
		const target = path.replace(/\/+$/, '') || '/';
		const anchors = livePaths.get(target);
		if (redirectKey(target) === redirectKey(from)) {
			problems.push({ ...at, message: `"${from}" leads to itself.`, fix: 'Give the address of the page that replaces it, or remove the line.' });
		} else if (!anchors) {
			problems.push({
				...at,
				message: `"${from}" leads to ${to}, which is not a page of the help center.`,
				fix: 'Give the address of a page (/<language>/<category>/<file name>) or a full https:// address, and check the spelling.',
			});
		} else if (hash && !anchors.has(hash)) {
			problems.push({ ...at, message: `"${from}" leads to ${to}, but ${target} has no heading "#${hash}".`, fix: `Use one of: ${[...anchors].map((anchor) => `#${anchor}`).join(', ') || 'no anchor'}.` });
		}
	}
	return problems;
}

/** How many one-letter edits (insert, delete, replace) turn `a` into `b`. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/**
 * The known name an editor most likely meant by `name`: the same letters in another case, else one at most two
 * letters away (ignoring case); undefined when none is that close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
	const lower = name.toLowerCase();
	const sameLetters = known.find((candidate) => candidate.toLowerCase() === lower);
	if (sameLetters) return sameLetters;
	const ranked = known
		.map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
		.sort((a, b) => a.distance - b.distance);
	const [best] = ranked;
	return best && best.distance <= 2 ? best.candidate : undefined;
}

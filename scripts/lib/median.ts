/** The value below which half of the samples fall; samples that are not finite numbers are left out. */
export function median(values: number[]): number {
	const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

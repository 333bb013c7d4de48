/**
 * Reports how long a phase of building the search index took, as `search-phase <name> <milliseconds>` on stderr
 * (a process indexing part of the site prints its summary on stdout), when HELP_CENTER_BUILD_MARKS is set: `npm run
 * bench:build` splits the index step with these. Returns the time the next phase starts.
 */
export function reportIndexPhase(name: 'pages added' | 'Pagefind write' | 'renamed and counted' | 'packed and written', since: number): number {
	const now = performance.now();
	if (process.env['HELP_CENTER_BUILD_MARKS']) console.error(`search-phase ${name} ${(now - since).toFixed(0)}`);
	return now;
}

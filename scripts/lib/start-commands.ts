import type { Command } from './commands.ts';

/** `wrangler dev`'s port when none is given: the address the README promises. */
export const defaultPort = 8787;

/** Takes `--port <n>` or `--port=<n>` out of the arguments; throws with a message for the terminal when it is wrong. */
function takePort(argv: readonly string[]): { port: number; rest: string[] } {
	const rest: string[] = [];
	const given: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--port') given.push(argv[++index] ?? '');
		else if (argument.startsWith('--port=')) given.push(argument.slice('--port='.length));
		else rest.push(argument);
	}
	if (given.length > 1) throw new Error('--port is given more than once.');
	if (given.length === 0) return { port: defaultPort, rest };
	const port = Number(given[0]);
	if (!/^\d+$/.test(given[0]!) || port < 1 || port > 65_535) throw new Error(`--port expects a port number from 1 to 65535, not "${given[0]}".`);
	return { port, rest };
}

/**
 * What `npm start` runs (and `npm run preview`, which does not build): the build, the local D1 migrations, then
 * `wrangler dev` on `--port` (8787 by default). Other arguments go to `wrangler dev` (`--ip 0.0.0.0` …).
 */
export function startCommands(argv: readonly string[]): Command[] {
	const build = !argv.includes('--no-build');
	const { port, rest } = takePort(argv.filter((argument) => argument !== '--no-build'));
	return [
		...(build ? [{ program: 'npm', args: ['run', 'build'] }] : []),
		{ program: 'npm', args: ['run', 'db:migrate'] },
		{ program: 'wrangler', args: ['dev', '--port', String(port), ...rest] },
	];
}

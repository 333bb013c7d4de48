/**
 * `npm start [-- --port 8799]` — builds the help center, applies the D1 migrations to the local database and
 * serves it with `wrangler dev` at http://localhost:8787 (or the port given). `npm run preview [-- --port 8799]`
 * does the same without building (`--no-build`). Any other argument goes to `wrangler dev`.
 */
import { runInOrder } from './lib/commands.ts';
import { startCommands } from './lib/start-commands.ts';

let commands;
try {
	commands = startCommands(process.argv.slice(2));
} catch (error) {
	console.error((error as Error).message);
	process.exit(2);
}
process.exitCode = await runInOrder(commands);

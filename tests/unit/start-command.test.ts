import { describe, expect, it } from 'vitest';
import { startCommands } from '../../scripts/lib/start-commands.ts';
import { fakeCommands } from '../support/fake-commands.ts';

const build = { program: 'npm', args: ['run', 'build'] };
const migrate = { program: 'npm', args: ['run', 'db:migrate'] };
const serve = (...args: string[]) => ({ program: 'wrangler', args: ['dev', ...args] });

describe('npm start and npm run preview', () => {
	it('run what npm start always ran when given nothing: build, local migrations, wrangler dev on 8787', () => {
		expect(startCommands([])).toEqual([build, migrate, serve('--port', '8787')]);
		expect(startCommands(['--no-build'])).toEqual([migrate, serve('--port', '8787')]);
	});

	it('serve on the port given, either way it is written, and pass any other argument to wrangler dev', () => {
		expect(startCommands(['--port', '8799'])).toEqual([build, migrate, serve('--port', '8799')]);
		expect(startCommands(['--no-build', '--port=8799'])).toEqual([migrate, serve('--port', '8799')]);
		expect(startCommands(['--ip', '0.0.0.0', '--port', '8799', '--test-scheduled'])).toEqual([build, migrate, serve('--port', '8799', '--ip', '0.0.0.0', '--test-scheduled')]);
	});

	it('refuse a port that is not one, or two of them', () => {
		expect(() => startCommands(['--port'])).toThrow('--port expects a port number from 1 to 65535, not "".');
		expect(() => startCommands(['--port', 'abc'])).toThrow('not "abc"');
		expect(() => startCommands(['--port', '70000'])).toThrow('not "70000"');
		expect(() => startCommands(['--port', '8799', '--port', '8800'])).toThrow('--port is given more than once.');
	});

	it('run the commands in order through npm and wrangler, and stop at the first that fails', async () => {
		const fakes = fakeCommands({ npm: [], wrangler: [] });
		expect((await fakes.runScript('start.ts', ['--port', '8799'])).code).toBe(0);
		expect(fakes.calls()).toEqual([['npm', 'run', 'build'], ['npm', 'run', 'db:migrate'], ['wrangler', 'dev', '--port', '8799']]);

		const failing = fakeCommands({ npm: [{ match: '^run build$', code: 3 }], wrangler: [] });
		expect((await failing.runScript('start.ts', [])).code).toBe(3);
		expect(failing.calls()).toEqual([['npm', 'run', 'build']]);
		expect(await failing.runScript('start.ts', ['--port', 'x'])).toMatchObject({ code: 2, stderr: '--port expects a port number from 1 to 65535, not "x".\n' });
	});
});

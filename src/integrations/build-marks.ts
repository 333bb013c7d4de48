import type { AstroIntegration } from 'astro';

/**
 * Prints `build-mark <name> <milliseconds since start>` at each build stage when HELP_CENTER_BUILD_MARKS is set,
 * for `npm run bench:build` to split a build into stages. Added first and last among the integrations, so
 * the `astro:build:done` marks frame what the other integrations and the adapter do then.
 */
export function buildMarks(position: 'first' | 'last'): AstroIntegration {
	const enabled = Boolean(process.env['HELP_CENTER_BUILD_MARKS']);
	const mark = (name: string) => {
		if (enabled) console.log(`build-mark ${name} ${performance.now().toFixed(0)}`);
	};
	if (position === 'last') {
		return { name: 'help-center:build-marks-last', hooks: { 'astro:build:done': () => mark('build-done-last') } };
	}
	return {
		name: 'help-center:build-marks',
		hooks: {
			'astro:config:done': () => mark('config-done'),
			'astro:build:start': () => mark('build-start'),
			'astro:build:generated': () => mark('build-generated'),
			'astro:build:done': () => mark('build-done-first'),
		},
	};
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This project's folder, whatever folder a script runs in. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteBuildStep {
	/** How reports name the step. */
	name: 'astro build' | 'search index';
	/** Arguments for this Node (`process.execPath`), to run in the project's folder. */
	args: string[];
}

/**
 * The steps of `npm run build` for the project at `root`, each a process of its own: Astro's build, then the search
 * index of what it wrote, once Astro has exited. The scripts are this project's, so a copy of the project (a
 * benchmark's, a test's) builds without scripts of its own; `scriptsRoot` names another code's folder (an earlier
 * version's, which a benchmark compares with).
 */
export function siteBuildSteps(root: string, astroFlags: string[] = [], scriptsRoot = projectRoot): SiteBuildStep[] {
	return [
		{ name: 'astro build', args: [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroFlags] },
		{ name: 'search index', args: [join(scriptsRoot, 'scripts/build-search-index.ts'), '--root', root] },
	];
}

export interface SiteBuildResult {
	/** 0 when every step succeeded, else the exit code of the step that failed. */
	status: number | null;
	/** The step that failed, if one did. */
	failed?: SiteBuildStep['name'];
	/** What the steps printed, stdout and stderr in the order they came. */
	output: string;
}

/**
 * Builds the project at `root` the way `npm run build` does, without blocking this process (a test's local server
 * can answer meanwhile); stops at the first step that fails. `flags` go to `astro build` (`--force`).
 */
export async function buildSite(root: string, options: { flags?: string[]; env?: Record<string, string> } = {}): Promise<SiteBuildResult> {
	let output = '';
	for (const step of siteBuildSteps(root, options.flags)) {
		const status = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(process.execPath, step.args, {
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe'],
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
			});
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.once('error', reject);
			child.once('close', resolve);
		});
		if (status !== 0) return { status, failed: step.name, output };
	}
	return { status: 0, output };
}

/** {@link buildSite}, throwing with the end of the output when a step fails; returns the output. */
export async function buildSiteOrThrow(root: string, options: Parameters<typeof buildSite>[1] = {}): Promise<string> {
	const result = await buildSite(root, options);
	if (result.status !== 0) throw new Error(`${result.failed} failed (exit code ${result.status}):\n${result.output.slice(-4000)}`);
	return result.output;
}

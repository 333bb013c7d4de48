import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cmsConfig, type CmsConfigOptions } from './cms-config.ts';

/** The admin page: no inline script or style, so that its Content-Security-Policy needs no hash. */
const adminPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Help center editor</title>
</head>
<body>
<script src="cms.js"></script>
</body>
</html>
`;

const entry = fileURLToPath(new URL('./admin.ts', import.meta.url));

/** What the admin weighs, to report it. */
export interface AdminBuild {
	bytes: number;
}

/**
 * Writes the editors' admin page into `outDir` (index.html and cms.js): Decap CMS from npm, bundled with the
 * configuration made from the project's content tree and schema, so it loads nothing from a CDN.
 */
export async function buildAdmin(outDir: string, options: CmsConfigOptions): Promise<AdminBuild> {
	mkdirSync(outDir, { recursive: true });
	const result = await build({
		entryPoints: [entry],
		outfile: join(outDir, 'cms.js'),
		bundle: true,
		minify: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		legalComments: 'linked',
		define: { __CMS_CONFIG__: JSON.stringify(cmsConfig(options)), 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
		loader: { '.wasm': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'text' },
		metafile: true,
		logLevel: 'error',
	});
	writeFileSync(join(outDir, 'index.html'), adminPage);
	const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
	return { bytes };
}

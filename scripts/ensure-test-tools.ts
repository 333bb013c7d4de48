/**
 * Makes sure the system tools the test suite drives are present: Debian's Chromium (browser tests), a Java
 * runtime (the Nu HTML Checker) and xmllint (sitemap validation). Installs them with apt-get when missing and running as root; otherwise says
 * what to install. Run by `npm test` before anything else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
const hasJava = () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

const missing: string[] = [];
if (!existsSync(chromium)) missing.push('chromium', 'fonts-liberation');
if (!hasJava()) missing.push('default-jre-headless');
if (spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('libxml2-utils');

if (missing.length > 0) {
	const isRoot = process.getuid?.() === 0;
	if (!isRoot) {
		console.error(`The tests need these Debian packages: ${missing.join(' ')}.\nInstall them with: sudo apt-get install -y ${missing.join(' ')}`);
		process.exit(1);
	}
	console.log(`Installing ${missing.join(', ')} for the tests…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

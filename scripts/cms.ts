/**
 * `npm run cms` — the visual editor on this machine, with no account: open http://localhost:4322/admin/ and write
 * articles; they are saved straight into content/ (and images into public/images/articles/). Run `npm run dev`
 * beside it to see the pages. `--port` and `--proxy-port` change the ports (4322 and 8081).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCms } from './lib/local-cms.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4322' }, 'proxy-port': { type: 'string', default: '8081' } } });
const root = resolve('.');
const cms = await startLocalCms({ root, adminDir: resolve(root, 'node_modules/.cache/help-center-admin'), port: Number(values.port), proxyPort: Number(values['proxy-port']), log: (line) => console.error(line) });
console.log(`The editor is ready: open ${cms.adminUrl} and choose "Login".\nIt saves into ${root}/content. Stop it with Ctrl+C.`);
const stop = () => void cms.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

/**
 * `npm start`: build and launch the desktop app, or explain plainly why it
 * cannot launch and point at web mode, which needs no Electron binary.
 */
import { spawn } from 'node:child_process';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.error(`Cannot start the desktop app: ${binary.missing}.`);
  console.error('Fix: on a machine that can reach GitHub, run `rm -rf node_modules/electron && npm install`.');
  console.error('Or use the same app in a browser: `npm run serve`.');
  process.exit(1);
}
const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));

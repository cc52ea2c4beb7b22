#!/usr/bin/env node
// The `vibe` command. `npm run build` compiles it with the app (out/main/cli.js), which starts in
// a few tens of milliseconds. A clone that was not built, or whose sources changed after the build,
// runs the TypeScript sources through tsx (a dev dependency) instead, which takes over a second:
// a stale build is never run in place of the code being edited. VIBE_CLI=source|built forces one.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'main', 'cli.js');
const sources = join(root, 'src');

/** The newest modification time under `dir`: of any file, and of any folder (a file deleted or renamed changes its folder's). */
function newest(dir) {
  let latest = lstatSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // lstat: a dangling link is a change like any other, not a crash.
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : lstatSync(path).mtimeMs);
  }
  return latest;
}

function useBuilt() {
  if (process.env.VIBE_CLI === 'source') return false;
  if (!existsSync(built)) return false;
  if (process.env.VIBE_CLI === 'built' || !existsSync(sources)) return true;
  return statSync(built).mtimeMs >= newest(sources);
}

let main;
if (useBuilt()) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const tsx = await import('tsx/esm/api').catch(() => null);
  if (!tsx) {
    process.stderr.write('vibe: this checkout has no build (run `npm run build`) and no tsx to run its sources (run `npm ci`).\n');
    process.exit(1);
  }
  tsx.register();
  ({ main } = await import('../src/cli/run-cli.ts'));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Native model code can keep the event loop alive after the work is done; do not hang on it.
setTimeout(() => process.exit(code), 200).unref();

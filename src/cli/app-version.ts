import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The version from the app's package.json, read once: found by walking up from
 * this file, which is src/cli/ in the source tree and out/main/ (or a chunk
 * folder below it) in the build.
 */
export function appVersion(): string {
  if (cached === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5 && cached === undefined; i++, dir = dirname(dir)) {
      const path = join(dir, 'package.json');
      if (!existsSync(path)) continue;
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vibethinker-workbench' && pkg.version) cached = pkg.version;
    }
    cached ??= '0.0.0';
  }
  return cached;
}

import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the built renderer (`out/renderer`) by walking up from this file, so
 * it works from the source tree (tsx), from the bundled main process, and
 * from any working directory.
 */
export function findRendererDir(fromUrl: string = import.meta.url): string | null {
  let dir = dirname(fileURLToPath(fromUrl));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    // Inside the build itself (out/main/… → out/renderer). Never src/renderer: that is source.
    const sibling = join(dir, 'renderer');
    if (basename(dir) === 'out' && existsSync(join(sibling, 'index.html'))) return sibling;
    dir = resolve(dir, '..');
  }
  return null;
}

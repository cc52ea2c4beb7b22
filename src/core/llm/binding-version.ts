import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * node-llama-cpp's version, read from its package.json (its export map does
 * not expose the file, so the entry point is resolved and the folders above it
 * searched). Null when it cannot be found; only shown to people.
 */
export function nodeLlamaCppVersion(): string | null {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve('node-llama-cpp'));
    for (let i = 0; i < 4; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'node-llama-cpp' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // Not here; one folder up.
      }
      dir = dirname(dir);
    }
  } catch {
    // Not installed where this file can see it.
  }
  return null;
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's models/ folder: the CLI runs from a checkout, where developers keep GGUF files. */
export function repoModelsDirs(): string[] {
  const dir = fileURLToPath(new URL('../../models', import.meta.url));
  return existsSync(dir) ? [dir] : [];
}

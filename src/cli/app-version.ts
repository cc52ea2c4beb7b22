import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The version from package.json, read once; the CLI runs from the source tree. */
export function appVersion(): string {
  if (cached === undefined) {
    const path = fileURLToPath(new URL('../../package.json', import.meta.url));
    cached = (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  return cached;
}

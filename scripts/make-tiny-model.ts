/**
 * Writes the tiny test model: `npm run make:tiny-model [-- <path>]`.
 * Default path: models/vibethinker-tiny-test.gguf (git-ignored).
 */
import { resolve } from 'node:path';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const target = resolve(process.argv[2] ?? 'models/vibethinker-tiny-test.gguf');
await writeTinyModel(target);
console.log(`Wrote ${target}`);

/**
 * Writes the tiny test model: `npm run make:tiny-model [-- [--scripted] [<path>]]`.
 * Default path: models/vibethinker-tiny-test.gguf (git-ignored). `--scripted`
 * writes the deterministic variant that answers in VibeThinker's shape
 * (<think> reasoning, then an answer with \boxed{4}).
 */
import { resolve } from 'node:path';
import { vibeThinkerScript, writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const args = process.argv.slice(2);
const scripted = args.includes('--scripted');
const path = args.find((a) => !a.startsWith('--'));
const target = resolve(path ?? (scripted ? 'models/vibethinker-tiny-scripted.gguf' : 'models/vibethinker-tiny-test.gguf'));
await writeTinyModel(target, scripted ? { script: vibeThinkerScript(), name: 'VibeThinker Tiny Scripted' } : {});
console.log(`Wrote ${target}`);

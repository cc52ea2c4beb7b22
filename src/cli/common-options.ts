import { resolve } from 'node:path';
import { defaultDataDir } from '../core/storage/default-data-dir';
import type { CliIo } from './command';

/** The `--data-dir` option every command touching user data accepts. */
export const dataDirOption = { 'data-dir': { type: 'string' } } as const;

export const dataDirHelp = `  --data-dir <dir>   user data directory (default: the desktop app's, e.g. ~/.config/VibeThinker Workbench)`;

export function resolveDataDir(value: string | undefined, io: CliIo): string {
  return resolve(value ?? defaultDataDir(io.env));
}

import { WorkbenchCore } from '../core/workbench-core';
import type { CliIo } from './command';
import { resolveDataDir } from './common-options';
import { appVersion } from './app-version';
import { repoModelsDirs } from './repo-models-dir';

/** The core for a command that runs once (ask, solve, eval): the user's data, the checkout's models too, only errors printed. */
export function commandCore(dataDir: string | undefined, io: CliIo): Promise<WorkbenchCore> {
  return WorkbenchCore.create({
    dataDir: resolveDataDir(dataDir, io),
    extraModelDirs: repoModelsDirs(),
    appVersion: appVersion(),
    mode: 'web',
    log: { info: () => {}, warn: () => {}, error: (m) => io.err(`error: ${m}`) },
  });
}

import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';
import { WorkbenchCore } from '../../core/workbench-core';
import { appVersion } from '../app-version';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'show version, data directory, models directory and settings',
  usage: `Usage: vibe info [--data-dir <dir>] [--json]

Options:
${dataDirHelp}
  --json             print machine-readable JSON`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...dataDirOption, json: { type: 'boolean' } }, strict: true });
    const core = await WorkbenchCore.create({
      dataDir: resolveDataDir(values['data-dir'], io),
      appVersion: appVersion(),
      mode: 'web',
      log: { info: () => {}, warn: (m) => io.err(`warning: ${m}`), error: (m) => io.err(m) },
    });
    const info = await core.handlers.getAppInfo();
    const settings = await core.handlers.getSettings();
    if (values.json) {
      io.out(JSON.stringify({ ...info, settings }, null, 2));
      return 0;
    }
    io.out(`${info.name} ${info.version} (${info.platform}-${info.arch}, Node ${info.nodeVersion})`);
    io.out(`data:     ${info.dataDir}`);
    io.out(`models:   ${info.modelsDir}`);
    io.out(`settings: ${JSON.stringify(settings)}`);
    return 0;
  },
};

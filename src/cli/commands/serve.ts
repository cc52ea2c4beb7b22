import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';
import { WorkbenchCore } from '../../core/workbench-core';
import { findRendererDir } from '../../core/static/renderer-dir';
import { startWebServer } from '../../server/web-server';
import { createAccessToken } from '../../server/access-token';
import { isLoopbackHost } from '../../server/request-guards';
import { appVersion } from '../app-version';
import { repoModelsDirs } from '../repo-models-dir';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the workbench to a browser (web mode, http://127.0.0.1:7860)',
  usage: `Usage: vibe serve [options]

Serves the workbench UI and API to a browser. Prints the address to open,
which carries a random access token; requests without it are refused.

Options:
  --port <n>         port to listen on (default: 7860; 0 picks a free port)
  --host <addr>      address to bind (default: 127.0.0.1)
  --allow-remote     required to bind an address other machines can reach
${dataDirHelp}
  --models-dir <dir> where GGUF models are looked for (default: <data-dir>/models)
  --companion-port <n>  port for Competitive Companion imports (default: the setting, 10043; 0 = off)`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...dataDirOption,
        port: { type: 'string', default: '7860' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-remote': { type: 'boolean', default: false },
        'models-dir': { type: 'string' },
        'companion-port': { type: 'string' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
    // VIBE_RENDERER_DIR serves another build (tests, a custom UI); default: this checkout's out/renderer.
    const rendererDir = io.env.VIBE_RENDERER_DIR || findRendererDir();
    if (!rendererDir) throw new UsageError('The web UI is not built yet. Run `npm run build` first (`npm run serve` does both).');

    const dataDir = resolveDataDir(values['data-dir'], io);
    const core = await WorkbenchCore.create({
      dataDir,
      modelsDir: values['models-dir'],
      // With an explicit --models-dir, only that folder; otherwise also the checkout's models/.
      extraModelDirs: values['models-dir'] ? [] : repoModelsDirs(),
      appVersion: appVersion(),
      mode: 'web',
      log: { info: (m) => io.out(m), warn: (m) => io.err(`warning: ${m}`), error: (m) => io.err(`error: ${m}`) },
    });
    const server = await startWebServer({
      core,
      rendererDir,
      token: io.env.VIBE_TOKEN || createAccessToken(),
      host: values.host,
      port,
      allowRemote: values['allow-remote'],
    });
    const companionPort = values['companion-port'] === undefined ? core.settings.get().companionPort : Number(values['companion-port']);
    if (!Number.isInteger(companionPort) || companionPort < 0 || companionPort > 65535) throw new UsageError('--companion-port must be a port number (0 turns import off).');
    if (companionPort > 0) {
      const companion = await core.judging.listen(companionPort);
      if (companion.error) io.err(`warning: ${companion.error}`);
      else io.out(`Competitive Companion: send problems to port ${companion.port}.`);
    }
    if (!isLoopbackHost(server.host)) {
      io.err(`warning: listening on ${server.host}: anyone on your network who has the address below can use this workbench.`);
    }
    io.out(`VibeThinker Workbench (web mode) is running.`);
    io.out(`Open: ${server.url}`);
    io.out(`Data: ${dataDir}`);
    io.out(`Press Ctrl+C to stop.`);

    await waitForStopSignal();
    await server.close();
    await core.dispose();
    return 0;
  },
};

function waitForStopSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

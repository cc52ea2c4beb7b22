import { parseArgs } from 'node:util';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { autoOrNumber, dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';
import { WorkbenchCore } from '../../core/workbench-core';
import { findRendererDir } from '../../core/static/renderer-dir';
import { startWebServer } from '../../server/web-server';
import { accessTokenProblem, createAccessToken } from '../../server/access-token';
import { keptAccessToken, keptTokenFileName } from '../../server/kept-token';
import { isLoopbackHost } from '../../server/request-guards';
import { appVersion } from '../app-version';
import { repoModelsDirs } from '../repo-models-dir';
import { errorMessage } from '../../shared/api/errors';
import { onInterrupt } from '../interrupt';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the workbench to a browser (web mode, http://127.0.0.1:7860)',
  usage: `Usage: vibe serve [options]

Serves the workbench UI and API to a browser. Prints the address to open,
which carries an access token; requests without it are refused. The token is
new at every start (so open tabs must open the new address after a restart)
unless --token or --keep-token fixes it.

Options:
  --port <n>         port to listen on (default: 7860; 0 picks a free port)
  --host <addr>      address to bind (default: 127.0.0.1)
  --allow-remote     required to bind an address other machines can reach
  --token <t>        use this access token (at least 16 of A-Z a-z 0-9 . _ ~ -)
  --keep-token       keep the token in <data-dir>/${keptTokenFileName} (owner-only) and
                     reuse it at every start, so open tabs survive a restart;
                     anyone who can read that file can open the workbench
${dataDirHelp}
  --models-dir <dir> where GGUF models are looked for (default: <data-dir>/models)
  --companion-port <n>  port for Competitive Companion imports (default: the setting, 10043; 0 = off;
                        any = a free one, printed: for tests and scripts)
  --model <file.gguf>   load this model at start (a headless GPU box serving a class or the API)
  --gpu-layers <n|auto> layers on the GPU for that model (default: the setting)
  --context-size <n|auto> its context size in tokens (default: the setting)`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...dataDirOption,
        port: { type: 'string', default: '7860' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-remote': { type: 'boolean', default: false },
        token: { type: 'string' },
        'keep-token': { type: 'boolean', default: false },
        'models-dir': { type: 'string' },
        'companion-port': { type: 'string' },
        model: { type: 'string' },
        'gpu-layers': { type: 'string' },
        'context-size': { type: 'string' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
    // VIBE_RENDERER_DIR serves another build (tests, a custom UI); default: this checkout's out/renderer.
    const rendererDir = io.env.VIBE_RENDERER_DIR || findRendererDir();
    if (!rendererDir) throw new UsageError('The web UI is not built yet. Run `npm run build` first (`npm run serve` does both).');

    const modelPath = values.model === undefined ? null : resolve(values.model);
    if (modelPath !== null && !existsSync(modelPath)) throw new UsageError(`--model: no file at ${modelPath}.`);
    if (modelPath === null && (values['gpu-layers'] !== undefined || values['context-size'] !== undefined)) throw new UsageError('--gpu-layers and --context-size go with --model.');
    const loadOptions = {
      ...(values['gpu-layers'] !== undefined ? { gpuLayers: autoOrNumber('--gpu-layers', values['gpu-layers']) } : {}),
      ...(values['context-size'] !== undefined ? { contextSize: autoOrNumber('--context-size', values['context-size']) } : {}),
    };
    const dataDir = resolveDataDir(values['data-dir'], io);
    const access = await chooseAccessToken(values.token, values['keep-token'], dataDir, io);
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
      token: access.token,
      host: values.host,
      port,
      allowRemote: values['allow-remote'],
    });
    const anyPort = values['companion-port'] === 'any';
    const companionPort = values['companion-port'] === undefined ? (await core.handlers.getSettings()).companionPort : anyPort ? 0 : Number(values['companion-port']);
    if (!Number.isInteger(companionPort) || companionPort < 0 || companionPort > 65535) throw new UsageError('--companion-port must be a port number (0 turns import off), or any.');
    if (companionPort > 0 || anyPort) {
      // Asked for any: the system picks a free one, so parallel servers never race for one.
      const companion = await core.listenForCompanion(companionPort);
      if (companion.error) io.err(`warning: ${companion.error}`);
      else io.out(`Competitive Companion: send problems to port ${companion.port}.`);
    }
    if (!isLoopbackHost(server.host)) {
      io.err(`warning: listening on ${server.host}: anyone on your network who has the address below can use this workbench.`);
    }
    io.out(`VibeThinker Workbench (web mode) is running.`);
    io.out(`Open: ${server.url}`);
    io.out(`Data: ${dataDir}`);
    io.out(access.note);
    io.out(`Press Ctrl+C to stop.`);
    if (modelPath !== null) {
      // Loaded while the server already answers: a tab opened meanwhile shows the load's progress.
      io.out(`Loading ${modelPath}…`);
      core.handlers.loadModel({ path: modelPath, ...loadOptions }).then(
        (status) =>
          status.state === 'ready'
            ? io.out(`Model ready: ${status.model?.name ?? modelPath} · ${status.backend} · ${status.gpuLayers}/${status.totalLayers} layers on GPU · context ${status.contextSize}`)
            : io.err(`error: the model was not loaded (${status.error ?? status.state}). The server keeps running; load a model from the Models view.`),
        (err: unknown) => io.err(`error: the model could not be loaded: ${errorMessage(err)} The server keeps running; load a model from the Models view.`),
      );
    }

    // Ctrl+C or SIGTERM stops it; a second one does not wait for anything.
    await new Promise<void>((stop) => onInterrupt(stop, ['SIGINT', 'SIGTERM']));
    io.out('Stopping…');
    // core.dispose() kills every judging's sandboxes and stops generation; server.close() drops the
    // connections. Whatever is not done within the deadline is left to the process exit.
    const finished = await settleWithin(stopDeadlineMs, [server.close(), core.dispose()]);
    if (!finished) io.err(`warning: some work had not stopped after ${stopDeadlineMs / 1000} s; exiting anyway.`);
    return 0;
  },
};

/**
 * The access token and a line saying how long it lasts. Order: --token, then $VIBE_TOKEN (what tests
 * and scripts set; not length-checked, as before, but held to the same characters and no leading "-"), then the
 * kept one, else a new random one.
 */
async function chooseAccessToken(given: string | undefined, keep: boolean, dataDir: string, io: CliIo): Promise<{ token: string; note: string }> {
  const fromEnv = io.env.VIBE_TOKEN || undefined;
  if (keep && (given !== undefined || fromEnv !== undefined)) {
    throw new UsageError(`--keep-token keeps a token of its own; it cannot be combined with ${given !== undefined ? '--token' : 'VIBE_TOKEN'}.`);
  }
  const explicit = given ?? fromEnv;
  if (explicit !== undefined) {
    const problem = accessTokenProblem(explicit, given !== undefined ? undefined : 1);
    if (problem) throw new UsageError(`The ${given !== undefined ? '--token' : 'VIBE_TOKEN'} value cannot be used: ${problem}.`);
    return { token: explicit, note: 'Access token: the one you gave; open tabs reconnect after a restart with the same token.' };
  }
  if (keep) {
    const kept = await keptAccessToken(dataDir);
    if (kept.warning) io.err(`warning: ${kept.warning}`);
    const how = kept.created ? 'a new one, kept' : 'the one kept';
    return { token: kept.token, note: `Access token: ${how} in ${kept.path} and reused at the next start (open tabs reconnect). Anyone who can read that file can open the workbench; delete it for a new token.` };
  }
  return { token: createAccessToken(), note: 'Access token: new at every start, so open tabs need the new address after a restart (--keep-token or --token keeps it).' };
}

/** How long `vibe serve` waits for work in flight when asked to stop. */
const stopDeadlineMs = 5000;

/** True if every promise settled (fulfilled or not) within `ms`. */
async function settleWithin(ms: number, work: Promise<unknown>[]): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = Promise.allSettled(work).then(() => true as const);
  const result = await Promise.race([done, deadline]);
  clearTimeout(timer);
  return result;
}

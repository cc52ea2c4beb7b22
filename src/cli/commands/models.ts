import { parseArgs } from 'node:util';
import type { DownloadState } from '../../shared/models';
import { WorkbenchCore } from '../../core/workbench-core';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';
import { appVersion } from '../app-version';
import { formatBytes, formatDuration } from '../format';
import { formatCount } from '../../shared/format';
import { repoModelsDirs } from '../repo-models-dir';
import { onInterrupt } from '../interrupt';

export const modelsCommand: CliCommand = {
  name: 'models',
  summary: 'list model files and built-in downloads, or download one (pull)',
  usage: `Usage: vibe models [list] [--json]
       vibe models pull <id | quantization>     e.g. vibe models pull q4_k_m

list   GGUF files in the models folder with architecture, parameters, quantization,
       size, context length and chat template, and the built-in VibeThinker downloads.
pull   downloads a built-in model with progress; an interrupted download resumes.
       Ctrl+C cancels. HF_ENDPOINT points at a Hugging Face mirror.

Options:
  --json             machine-readable output
${dataDirHelp}
  --models-dir <dir> models folder (default: <data-dir>/models)`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...dataDirOption, json: { type: 'boolean' }, 'models-dir': { type: 'string' } },
      strict: true,
    });
    const [sub = 'list', target] = positionals;
    if (sub !== 'list' && sub !== 'pull') throw new UsageError(`Unknown models command "${sub}"; use list or pull.`);
    const core = await WorkbenchCore.create({
      dataDir: resolveDataDir(values['data-dir'], io),
      modelsDir: values['models-dir'],
      extraModelDirs: values['models-dir'] ? [] : repoModelsDirs(),
      appVersion: appVersion(),
      mode: 'web',
      log: { info: () => {}, warn: () => {}, error: (m) => io.err(`error: ${m}`) },
      env: io.env,
    });
    try {
      return sub === 'list' ? await list(core, io, values.json === true) : await pull(core, io, target, values.json === true);
    } finally {
      await core.dispose();
    }
  },
};

async function list(core: WorkbenchCore, io: CliIo, json: boolean): Promise<number> {
  const catalog = await core.handlers.listModels();
  if (json) {
    io.out(JSON.stringify(catalog, null, 2));
    return 0;
  }
  io.out(`Models (folder: ${catalog.modelsDir}):`);
  if (catalog.models.length === 0) io.out('  (none yet: `vibe models pull q4_k_m` downloads VibeThinker-1.5B)');
  for (const m of catalog.models) {
    const params = m.parameterCount === null ? '?' : formatCount(m.parameterCount);
    io.out(`  ${m.path}`);
    io.out(
      m.problem
        ? `      unusable: ${m.problem}`
        : `      ${m.name} · ${m.architecture} · ${params} params · ${m.quantization ?? '?'} · ${formatBytes(m.sizeBytes)} · context ${m.contextLength ?? '?'} · template ${m.chatTemplate ?? 'none'}`,
    );
  }
  io.out('Downloads:');
  for (const d of catalog.downloads) {
    io.out(`  ${d.id.padEnd(26)} ${d.label}${d.recommended ? ' (recommended)' : ''} · ~${formatBytes(d.approxBytes)} · ${d.installedPath ? 'installed' : 'not installed'}`);
  }
  return 0;
}

async function pull(core: WorkbenchCore, io: CliIo, target: string | undefined, json: boolean): Promise<number> {
  if (!target) throw new UsageError('Name the model to pull, e.g. `vibe models pull q4_k_m`.');
  const catalog = await core.handlers.listModels();
  const wanted = target.toLowerCase();
  const entry = catalog.downloads.find((d) => d.id === wanted || d.quantization.toLowerCase() === wanted);
  if (!entry) throw new UsageError(`No built-in model "${target}". Choose one of: ${catalog.downloads.map((d) => d.quantization.toLowerCase()).join(', ')}.`);
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name !== 'downloadState' || json) return;
    const s = payload as DownloadState;
    if (s.id === entry.id && s.state === 'downloading') io.err(progressLine(s));
  });
  const started = core.download(entry.id);
  const stopListening = onInterrupt(started.cancel);
  const final = await started.done.finally(() => {
    stopListening();
    unsubscribe();
  });
  if (json) io.out(JSON.stringify(final, null, 2));
  else if (final.state === 'done') io.out(`Downloaded ${entry.label} to ${final.path}`);
  if (final.state === 'failed') throw new Error(final.error ?? 'Download failed.');
  return final.state === 'done' ? 0 : 130;
}

function progressLine(s: DownloadState): string {
  const percent = s.totalBytes ? `${((100 * s.receivedBytes) / s.totalBytes).toFixed(1)}%` : '';
  const total = s.totalBytes ? ` of ${formatBytes(s.totalBytes)}` : '';
  return `${percent.padStart(6)} ${formatBytes(s.receivedBytes)}${total} · ${formatBytes(s.bytesPerSecond)}/s · ETA ${formatDuration(s.etaSeconds)}`;
}

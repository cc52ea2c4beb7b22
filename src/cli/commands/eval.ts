import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runEval, type EvalProgress } from '../../core/eval/eval-runner';
import { parseProblemSet } from '../../core/eval/problem-set';
import { evalSetup } from '../../core/eval/eval-setup';
import { commandCore } from '../command-core';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { dataDirHelp, dataDirOption, integerOption, remoteBackendOption, remoteServerOptions, samplingOverrideOptions, samplingOverrides } from '../common-options';
import { onInterrupt } from '../interrupt';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'run a problem set through the model and grade it (pass@1, pass@k, majority vote)',
  usage: `Usage: vibe eval <set.jsonl> --out <dir> [options]

Each line of the set is a math item {"id", "problem", "answer"} or a code item
{"id", "problem", "tests": [{"input", "output"}], "timeLimit"?, "memoryLimit"?}
(or a Competitive Companion problem). The whole file is checked first.
Math is graded like the official scorer (the last \\boxed{} after </think>,
equivalent forms accepted); code by the Python judge in its sandbox.
Rerunning with the same --out continues where the last run stopped.

Options:
  --out <dir>             where samples.jsonl, summary.json and report.html go (required)
  --template <id>         prompt template (default: math for math-only sets, else cp-python)
  --samples <k>           samples per problem (default: 1)
  --concurrency <n>       samples generated at once (default: 4)
  --temperature <t>       override the template's temperature
  --max-tokens <n>        override the template's max tokens
  --model <file|name>     the GGUF (default: the first usable one), or with --backend the server's model
  --backend <url>         an OpenAI-compatible server (vLLM, llama.cpp, Ollama, a workbench) instead
  --api-key <key>         key for that server (default: $VIBE_API_KEY)
${dataDirHelp}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...dataDirOption,
        out: { type: 'string' },
        template: { type: 'string' },
        samples: { type: 'string', default: '1' },
        concurrency: { type: 'string', default: '4' },
        ...samplingOverrideOptions,
        model: { type: 'string' },
        ...remoteServerOptions,
      },
      strict: true,
    });
    const setFile = positionals[0];
    if (!setFile) throw new UsageError('Name the problem set, e.g. `vibe eval aime25.jsonl --out runs/aime25`.');
    if (!values.out) throw new UsageError('Give --out <dir>: samples and the report go there, and a rerun continues from it.');
    const samples = integerOption('--samples', values.samples ?? '1', 1, 1024);
    const concurrency = integerOption('--concurrency', values.concurrency ?? '4', 1, 64);
    const setText = await readFile(resolve(setFile), 'utf8').catch(() => {
      throw new UsageError(`Cannot read ${setFile}.`);
    });
    const items = parseProblemSet(setText, setFile);

    const core = await commandCore(values['data-dir'], io);
    let dispose = async () => {};
    try {
      const { template, sampling } = await evalSetup(items, { get: (id) => core.template(id) }, {
        ...(values.template !== undefined ? { templateId: values.template } : {}),
        ...samplingOverrides(values),
      });

      let generate;
      const backend = remoteBackendOption(values.backend, values, io);
      if (values.backend !== undefined && !backend) throw new UsageError('--backend must be the http(s) base URL of an OpenAI-compatible server.');
      if (backend) {
        generate = core.evalGenerator({ remote: backend, concurrency, maxTokens: sampling.maxTokens }).generate;
        io.err(`backend ${values.backend}${values.model ? ` · model ${values.model}` : ''}`);
      } else {
        const catalog = await core.handlers.listModels();
        const path = values.model ?? catalog.models.find((m) => m.problem === null)?.path;
        if (!path) throw new UsageError('No usable GGUF model found; pass --model <file.gguf> or --backend <url>.');
        const status = await core.handlers.loadModel({ path });
        const embedded = core.evalGenerator({ remote: null, concurrency, maxTokens: sampling.maxTokens });
        generate = embedded.generate;
        dispose = embedded.dispose;
        io.err(`${status.model?.name} · ${status.backend} · context ${status.contextSize}`);
      }
      io.err(`${items.length} problems × ${samples} samples · template ${template.id} · T ${sampling.temperature} · max ${sampling.maxTokens} tokens · ${concurrency} at once`);

      const controller = new AbortController();
      const stopListening = onInterrupt(() => controller.abort());
      const progress = progressPrinter(io);
      const summary = await runEval({ items, setText, template, samples, concurrency, sampling, outDir: resolve(values.out), generate, python: (await core.handlers.getSettings()).python, onProgress: progress, signal: controller.signal }).finally(stopListening);
      progress(null);
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      io.out(`pass@1 ${pct(summary.passAt1)} · pass@${samples} ${pct(summary.passAtK)} · majority ${pct(summary.majority)} · truncated ${pct(summary.truncationRate)} · mean ${Math.round(summary.meanAnswerTokens)} tokens · ${summary.tokensPerSecond.toFixed(1)} tok/s`);
      io.out(`Report: ${resolve(values.out, 'report.html')}`);
      if (controller.signal.aborted) {
        io.err('Stopped; rerun the same command to continue.');
        return 130;
      }
      return 0;
    } finally {
      await dispose();
      await core.dispose();
    }
  },
};

/** A progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise. */
function progressPrinter(io: CliIo): (p: EvalProgress | null) => void {
  const tty = process.stderr.isTTY === true;
  let lastPrint = 0;
  return (p) => {
    if (p === null) {
      if (tty) io.err('');
      return;
    }
    const width = 24;
    const filled = Math.round((p.samplesDone / Math.max(1, p.samples)) * width);
    const eta = p.etaSeconds === null ? '–' : `${Math.floor(p.etaSeconds / 60)}m${String(Math.round(p.etaSeconds % 60)).padStart(2, '0')}s`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] problems ${p.problemsDone}/${p.problems} · samples ${p.samplesDone}/${p.samples} · ${p.tokensPerSecond.toFixed(1)} tok/s · ETA ${eta}`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Date.now() - lastPrint > 2000 || p.samplesDone === p.samples) {
      lastPrint = Date.now();
      io.err(line);
    }
  };
}

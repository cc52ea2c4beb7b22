import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { maxTokensLimit, samplingPresets, type Sampling } from '../../shared/generation';
import { backendChoices } from '../../shared/models';
import type { WorkbenchCore } from '../../core/workbench-core';
import { commandCore } from '../command-core';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { autoOrNumber, dataDirHelp, dataDirOption, numberOption, readStdin, remoteBackendOption, remoteServerOptions, samplingOverrideOptions, samplingOverrides } from '../common-options';
import { formatStats } from '../format';
import { onInterrupt } from '../interrupt';

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'ask the model a question and stream its reasoning and answer',
  usage: `Usage: vibe ask [options] "problem"        (or - to read the problem from stdin)

Loads a GGUF model and streams the reasoning, then the answer, to the terminal.
Ctrl+C stops the answer and keeps what was written.

Options:
  --model <file.gguf>     the model (default: the first usable one in the catalog)
  --math | --code         sampling preset from the model card (default: --code; --math uses T 1.0)
  --temperature <t>       override the preset's temperature
  --max-tokens <n>        longest answer (default: 40960, capped by the context)
  --reasoning-budget <n>  close the reasoning after n tokens and let the model answer (default: none)
  --system <text>         system prompt (VibeThinker's official usage has none)
  --backend <b>           auto, cuda, vulkan, metal or cpu (default: the setting), or the base URL
                          of an OpenAI-compatible server (vLLM, llama.cpp's server, Ollama, another
                          workbench), e.g. http://gpu-box:8000/v1; then --model is the server's model name
  --api-key <key>         key for that server (default: $VIBE_API_KEY)
  --continuation <how>    how that server continues a reply, which --reasoning-budget needs there:
                          prefill (llama.cpp's server, a workbench), continue_final_message (vLLM),
                          none (default)
  --gpu-layers <n|auto>   layers on the GPU (default: the setting)
  --context-size <n|auto> context size in tokens (default: the setting)
  --no-reasoning          print only the answer
  --json                  print one JSON result (reasoning, answer, boxed answer, stats)
${dataDirHelp}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...dataDirOption,
        model: { type: 'string' },
        math: { type: 'boolean' },
        code: { type: 'boolean' },
        ...samplingOverrideOptions,
        'reasoning-budget': { type: 'string' },
        system: { type: 'string' },
        ...remoteServerOptions,
        'gpu-layers': { type: 'string' },
        'context-size': { type: 'string' },
        'no-reasoning': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const prompt = positionals[0] === '-' ? await readStdin() : positionals.join(' ');
    if (!prompt.trim()) throw new UsageError('Give the problem as an argument, or - to read it from stdin.');
    const sampling: Partial<Sampling> = { ...(values.math ? samplingPresets.math : samplingPresets.code), ...samplingOverrides(values) };
    if (values['reasoning-budget'] !== undefined) sampling.reasoningBudget = numberOption('--reasoning-budget', values['reasoning-budget'], 0, maxTokensLimit);

    const core = await commandCore(values['data-dir'], io);
    const backend = remoteBackendOption(values.backend, values, io);
    try {
      // A remote server: no model to load here; the same streaming and output.
      const path = backend ? backend.baseUrl : (values.model ?? (await firstUsableModel(core)));
      const status = backend ? await core.handlers.getModelStatus() : await core.handlers.loadModel({
        path,
        ...(values.backend ? { backend: backendOption(values.backend) } : {}),
        ...(values['gpu-layers'] ? { gpuLayers: autoOrNumber('--gpu-layers', values['gpu-layers']) } : {}),
        ...(values['context-size'] ? { contextSize: autoOrNumber('--context-size', values['context-size']) } : {}),
      });
      if (backend && !values.json) io.err(`${values.model ?? 'server default model'} · remote ${backend?.baseUrl ?? ''}`);
      else if (!values.json) io.err(`${status.model?.name} · ${status.backend} · ${status.gpuLayers}/${status.totalLayers} layers on GPU · context ${status.contextSize}${status.notice ? ` · ${status.notice}` : ''}`);

      const stream = new TerminalStream(io, { reasoning: !values['no-reasoning'] && !values.json });
      const id = randomUUID();
      const runner = core.chatBackend(backend);
      const stopListening = onInterrupt(() => runner.stop(id));
      const result = await runner
        .generate(
          { id, prompt, sampling, ...(values.system !== undefined ? { system: values.system } : {}), newConversation: true },
          { onDelta: (d) => !values.json && stream.write(d) },
        )
        .finally(stopListening);
      if (values.json) {
        io.out(JSON.stringify({ reasoning: result.reasoning, answer: result.answer, boxed: result.boxed, stats: result.stats, reasoningCut: result.reasoningCut ?? null, model: backend ? (values.model ?? null) : (status.model?.path ?? path) }, null, 2));
      } else {
        stream.end();
        if (result.boxed !== null) io.out(`\nFinal answer: ${result.boxed}`);
        if (result.reasoningCut) io.err(`The reasoning was closed at ${result.reasoningCut.atTokens} tokens (reasoning budget).`);
        io.err(formatStats(result.stats));
      }
      if (result.error) throw new Error(result.error);
      return result.stats.stopReason === 'stopped' ? 130 : 0;
    } finally {
      await core.dispose();
    }
  },
};

/** Writes reasoning (dimmed on a terminal) and then the answer as deltas arrive. */
class TerminalStream {
  #phase: 'none' | 'reasoning' | 'answer' = 'none';
  readonly #dim: boolean;

  constructor(
    private readonly io: CliIo,
    private readonly options: { reasoning: boolean },
  ) {
    this.#dim = process.stdout.isTTY === true && !io.env.NO_COLOR;
  }

  write(delta: { reasoning: string; answer: string }): void {
    if (delta.reasoning && this.options.reasoning) {
      if (this.#phase === 'none') this.#raw(this.#dim ? '\x1b[2m── reasoning ──\n' : '── reasoning ──\n');
      this.#phase = 'reasoning';
      this.#raw(delta.reasoning);
    }
    if (delta.answer) {
      if (this.#phase !== 'answer') this.#raw(`${this.#phase === 'reasoning' && this.#dim ? '\x1b[0m' : ''}${this.#phase === 'none' ? '' : '\n'}── answer ──\n`);
      this.#phase = 'answer';
      this.#raw(delta.answer);
    }
  }

  end(): void {
    if (this.#phase === 'reasoning' && this.#dim) this.#raw('\x1b[0m');
    if (this.#phase !== 'none') this.#raw('\n');
  }

  #raw(text: string): void {
    process.stdout.write(text);
  }
}

export async function firstUsableModel(core: WorkbenchCore): Promise<string> {
  const catalog = await core.handlers.listModels();
  const usable = catalog.models.find((m) => m.problem === null);
  if (!usable) throw new UsageError(`No model found in ${catalog.modelsDir}. Pass --model <file.gguf> or run \`vibe models pull\`.`);
  return usable.path;
}

function backendOption(raw: string): (typeof backendChoices)[number] {
  const found = backendChoices.find((b) => b === raw);
  if (!found) throw new UsageError(`--backend must be one of ${backendChoices.join(', ')}.`);
  return found;
}

import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { isInsufficientMemory, llamaModule } from './llama-module';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { backendChoices, LoadModelInput, ModelFileInfo, ModelStatus } from '../../shared/models';
import type { Logger } from '../logger';
import { inspectGguf } from './gguf-inspector';
import { autoThreadCount } from './physical-cores';

export type Backend = (typeof backendChoices)[number];

export interface LoadDefaults {
  backend: Backend;
  gpuLayers: 'auto' | number;
  contextSize: 'auto' | number;
  threads: 'auto' | number;
}

export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  info: ModelFileInfo;
}

const emptyStatus: ModelStatus = {
  state: 'empty',
  loadProgress: 0,
  model: null,
  backend: null,
  devices: [],
  gpuLayers: 0,
  totalLayers: 0,
  vramUsedBytes: 0,
  vramTotalBytes: 0,
  ramUsedBytes: 0,
  contextSize: 0,
  contextUsed: 0,
  threads: 0,
  notice: null,
  error: null,
};

/**
 * Owns the loaded model: picks the backend, fits GPU layers and context to
 * memory (falling back, and saying so, when the requested amount does not
 * fit), streams load progress, lets a load be cancelled, and frees the old
 * model when another is loaded. A file that cannot be used is rejected
 * before the current model is touched.
 */
export class ModelHost {
  #status: ModelStatus = { ...emptyStatus };
  #loaded: LoadedModel | null = null;
  #loading: { controller: AbortController; done: Promise<LoadedModel | null> } | null = null;
  readonly #llamas = new Map<Backend, Promise<Llama>>();
  readonly #defaults: () => LoadDefaults;
  readonly #onStatus: (status: ModelStatus) => void;
  readonly #log: Logger;

  constructor(options: { defaults: () => LoadDefaults; onStatus: (status: ModelStatus) => void; log: Logger }) {
    this.#defaults = options.defaults;
    this.#onStatus = options.onStatus;
    this.#log = options.log;
  }

  get loaded(): LoadedModel | null {
    return this.#loaded;
  }

  /** Resolves with the model once a load in progress ends (null if it failed or was cancelled). */
  async whenReady(): Promise<LoadedModel | null> {
    return this.#loading ? this.#loading.done : this.#loaded;
  }

  async status(): Promise<ModelStatus> {
    const loaded = this.#loaded;
    if (loaded && this.#status.state === 'ready') {
      const vram = await loaded.llama.getVramState().catch(() => null);
      this.#status = {
        ...this.#status,
        vramUsedBytes: vram?.used ?? 0,
        vramTotalBytes: vram?.total ?? 0,
        ramUsedBytes: process.memoryUsage().rss,
      };
    }
    return { ...this.#status };
  }

  /** Records how many tokens of the context the conversation uses, for the status bar. */
  noteContextUse(tokens: number): void {
    if (this.#status.state !== 'ready') return;
    this.#setStatus({ contextUsed: tokens, ramUsedBytes: process.memoryUsage().rss });
  }

  async load(input: LoadModelInput): Promise<ModelStatus> {
    const info = await inspectGguf(input.path);
    if (info.problem) {
      throw new WorkbenchError('ValidationError', 'unusable_model', `Cannot load ${info.fileName}: ${info.problem}`);
    }
    await this.cancelLoad();
    const previous = this.#loaded?.info ?? null;
    await this.unload({ keepStatus: true });
    const controller = new AbortController();
    const done = this.#loadInto(info, input, controller.signal);
    this.#loading = { controller, done };
    try {
      const loaded = await done;
      if (loaded) return this.status();
      if (controller.signal.aborted) return this.status();
      // The new model failed after the old one was freed: bring the old one back.
      if (previous) {
        const failure = this.#status.error;
        const restored = await this.#loadInto(previous, {}, new AbortController().signal);
        if (restored) this.#setStatus({ notice: `Kept ${previous.name}: ${failure ?? 'the new model could not be loaded'}` });
      }
      throw new WorkbenchError('UnavailableError', 'load_failed', this.#status.error ?? `Could not load ${info.fileName}.`);
    } finally {
      if (this.#loading?.done === done) this.#loading = null;
    }
  }

  async cancelLoad(): Promise<void> {
    const loading = this.#loading;
    if (!loading) return;
    loading.controller.abort();
    await loading.done.catch(() => null);
  }

  async unload(options: { keepStatus?: boolean } = {}): Promise<void> {
    const loaded = this.#loaded;
    this.#loaded = null;
    if (loaded) {
      await loaded.context.dispose();
      await loaded.model.dispose();
    }
    if (!options.keepStatus) this.#setStatus({ ...emptyStatus });
  }

  async dispose(): Promise<void> {
    await this.cancelLoad();
    await this.unload();
    for (const llama of this.#llamas.values()) await (await llama.catch(() => null))?.dispose();
    this.#llamas.clear();
  }

  async #loadInto(info: ModelFileInfo, input: Partial<LoadModelInput>, signal: AbortSignal): Promise<LoadedModel | null> {
    const defaults = this.#defaults();
    const backend = input.backend ?? defaults.backend;
    const threads = defaults.threads === 'auto' ? autoThreadCount() : defaults.threads;
    this.#setStatus({ ...emptyStatus, state: 'loading', model: info, threads });
    const notices: string[] = [];
    try {
      const llama = await this.#llama(backend, notices);
      const model = await this.#loadModel(llama, info, input.gpuLayers ?? defaults.gpuLayers, signal, notices);
      if (!model) return this.#cancelled();
      const context = await this.#createContext(model, input.contextSize ?? defaults.contextSize, threads, notices).catch(async (err: unknown) => {
        await model.dispose();
        throw err;
      });
      if (signal.aborted) {
        await context.dispose();
        await model.dispose();
        return this.#cancelled();
      }
      this.#loaded = { llama, model, context, info };
      const vram = await llama.getVramState().catch(() => null);
      this.#setStatus({
        vramUsedBytes: vram?.used ?? 0,
        vramTotalBytes: vram?.total ?? 0,
        ramUsedBytes: process.memoryUsage().rss,
        state: 'ready',
        loadProgress: 1,
        backend: llama.gpu === false ? 'cpu' : llama.gpu,
        devices: await llama.getGpuDeviceNames().catch(() => []),
        gpuLayers: model.gpuLayers,
        totalLayers: model.fileInsights.totalLayers,
        contextSize: context.contextSize,
        contextUsed: 0,
        notice: notices.length > 0 ? notices.join(' ') : null,
      });
      return this.#loaded;
    } catch (err) {
      if (signal.aborted) return this.#cancelled();
      const message = describeLoadError(err, info);
      this.#log.warn(message);
      this.#setStatus({ ...emptyStatus, state: 'failed', model: info, error: message });
      return null;
    }
  }

  #cancelled(): null {
    this.#setStatus({ ...emptyStatus, notice: 'Loading was cancelled.' });
    return null;
  }

  async #llama(backend: Backend, notices: string[]): Promise<Llama> {
    const existing = this.#llamas.get(backend);
    if (existing) return existing;
    const gpu = backend === 'auto' ? 'auto' : backend === 'cpu' ? false : backend;
    const created = llamaModule().then(({ getLlama, LlamaLogLevel }) => getLlama({ gpu, build: 'never', logLevel: LlamaLogLevel.error, logger: (level, text) => this.#log.warn(text.trim()) }));
    this.#llamas.set(backend, created);
    try {
      return await created;
    } catch (err) {
      this.#llamas.delete(backend);
      if (backend === 'auto' || backend === 'cpu') throw err;
      notices.push(`${backend.toUpperCase()} is not available here (${firstLine(err)}); using the automatic choice.`);
      return this.#llama('auto', notices);
    }
  }

  async #loadModel(llama: Llama, info: ModelFileInfo, gpuLayers: 'auto' | number, signal: AbortSignal, notices: string[]): Promise<LlamaModel | null> {
    const attempt = (layers: 'auto' | number) =>
      llama.loadModel({
        modelPath: info.path,
        gpuLayers: layers,
        loadSignal: signal,
        onLoadProgress: (progress) => this.#setStatus({ loadProgress: progress }, { throttle: true }),
      });
    try {
      return await attempt(gpuLayers);
    } catch (err) {
      if (signal.aborted) return null;
      if (!isInsufficientMemory(err) || gpuLayers === 0) throw err;
      const next = gpuLayers === 'auto' ? 0 : 'auto';
      notices.push(`Not enough GPU memory for ${gpuLayers === 'auto' ? 'the automatic layer count' : `${gpuLayers} layers`}; loaded with ${next === 0 ? 'the CPU only' : 'as many layers as fit'}.`);
      return this.#loadModel(llama, info, next, signal, notices);
    }
  }

  async #createContext(model: LlamaModel, contextSize: 'auto' | number, threads: number, notices: string[]): Promise<LlamaContext> {
    try {
      return await model.createContext({ contextSize, threads, sequences: 1 });
    } catch (err) {
      if (!isInsufficientMemory(err) || contextSize === 'auto') throw err;
      notices.push(`A context of ${contextSize} tokens does not fit in memory; using the largest that does.`);
      return model.createContext({ contextSize: 'auto', threads, sequences: 1 });
    }
  }

  #lastEmit = 0;
  #setStatus(change: Partial<ModelStatus>, options: { throttle?: boolean } = {}): void {
    this.#status = { ...this.#status, ...change };
    const now = performance.now();
    if (options.throttle && now - this.#lastEmit < 100) return;
    this.#lastEmit = now;
    this.#onStatus({ ...this.#status });
  }
}

function describeLoadError(err: unknown, info: ModelFileInfo): string {
  if (isInsufficientMemory(err)) return `Not enough memory to load ${info.fileName}, even on the CPU alone.`;
  const text = firstLine(err);
  if (/unknown model architecture/i.test(text)) return `Unsupported architecture in ${info.fileName}.`;
  if (/failed to load model/i.test(text)) return `${info.fileName} could not be loaded: the file may be damaged or truncated. Download it again.`;
  return `Could not load ${info.fileName}: ${text}`;
}

function firstLine(err: unknown): string {
  return errorMessage(err).split('\n')[0] ?? 'unknown error';
}

import type { WorkbenchHandlers } from '../../shared/api/contract';
import { answerNowBlockedBy, answerNowRemoteReason, type GenerateInput, type GenerationResult } from '../../shared/generation';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../logger';
import { ChatRunner } from './chat-runner';
import type { ChatBackend } from './chat-backend';
import { CompletionPool } from './completion-pool';
import { hostOf, RemoteChatRunner } from './remote-chat-runner';
import type { ModelStatus } from '../../shared/models';
import { DownloadManager } from './download-manager';
import { ModelCatalog } from './model-catalog';
import { ModelHost } from './model-host';

export type LlmHandlers = Pick<
  WorkbenchHandlers,
  | 'listModels'
  | 'openModelFile'
  | 'startDownload'
  | 'cancelDownload'
  | 'loadModel'
  | 'cancelLoad'
  | 'unloadModel'
  | 'getModelStatus'
  | 'generate'
  | 'stopGeneration'
  | 'answerNow'
  | 'resetConversation'
>;

export interface LlmServiceOptions {
  dataDir: string;
  modelsDir: string;
  /** Also scanned for GGUF files (the repository's models/ in development). */
  extraModelDirs: readonly string[];
  settings: () => Settings;
  events: EventHub;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/**
 * Everything about models behind the API: catalog, downloads, the loaded
 * model and generation. Long work (downloads, answers) runs in the
 * background and reports through events, so no request is held open.
 */
export class LlmService {
  readonly catalog: ModelCatalog;
  readonly downloads: DownloadManager;
  readonly host: ModelHost;
  readonly runner: ChatRunner;
  /** Generation on an OpenAI-compatible server, when Settings name one. */
  readonly remote: RemoteChatRunner;
  /** Batched completions for the OpenAI-compatible API. */
  readonly pool: CompletionPool;
  readonly handlers: LlmHandlers;

  readonly #settings: () => Settings;
  readonly #events: EventHub;

  constructor(options: LlmServiceOptions) {
    const { events, settings } = options;
    this.#settings = settings;
    this.#events = events;
    this.catalog = new ModelCatalog(options.modelsDir, options.extraModelDirs, options.dataDir);
    this.downloads = new DownloadManager({ modelsDir: options.modelsDir, env: options.env, onState: (s) => events.emit('downloadState', s) });
    this.host = new ModelHost({ defaults: settings, onStatus: (s) => events.emit('modelStatus', s), log: options.log });
    this.runner = new ChatRunner({ host: this.host, repetitionGuard: () => settings().repetitionGuard });
    this.remote = new RemoteChatRunner(() => settings().remote);
    this.pool = new CompletionPool({ host: this.host, parallel: () => settings().apiParallel, contextSize: () => settings().apiContextSize, cache: () => settings().apiCache, maxQueue: () => settings().apiMaxQueue });

    this.handlers = {
      listModels: () => this.catalog.list((id) => this.downloads.state(id)),
      openModelFile: ({ path }) => this.catalog.open(path),
      startDownload: async ({ id }) => this.downloads.begin(id).state,
      cancelDownload: async ({ id }) => ({ cancelled: this.downloads.cancel(id) }),
      loadModel: async (input) => {
        // The answer being written needs the model that is about to be replaced: it ends first, kept.
        await this.runner.stopAndWait('Another model was loaded while this answer was being written: the text so far is kept.');
        return this.host.load(input);
      },
      cancelLoad: async () => {
        await this.host.cancelLoad();
        return this.host.status();
      },
      unloadModel: async () => {
        await this.runner.stopAndWait('The model was unloaded while this answer was being written: the text so far is kept.');
        await this.host.unload();
        return this.host.status();
      },
      getModelStatus: async () => this.status(),
      generate: async (input) => {
        const { started, finished } = this.start(input);
        // A request that fails its checks (no model, prompt too long) is answered with the error.
        await Promise.race([started, finished.then(() => undefined)]);
        return { id: input.id };
      },
      stopGeneration: async (input) => ({ stopped: this.runner.stop(input?.id) || this.remote.stop(input?.id) }),
      answerNow: async (input) => {
        if (this.runner.answerNow(input?.id) || this.remote.answerNow(input?.id)) return { done: true, reason: null };
        if (answerNowBlockedBy(settings().remote)) return { done: false, reason: answerNowRemoteReason };
        return { done: false, reason: 'Nothing is reasoning now: the answer has begun, or it has ended.' };
      },
      resetConversation: async () => {
        this.runner.reset();
        this.remote.reset();
        return { ok: true as const };
      },
    };
  }

  /**
   * Starts a generation where the settings say at this moment (the embedded
   * model or the remote server), reporting deltas, repetition and the end as
   * events. `started` resolves once it runs; `finished` with its result, or
   * rejects when it fails its checks (no model, prompt too long).
   */
  start(input: GenerateInput): { started: Promise<void>; finished: Promise<GenerationResult> } {
    const events = this.#events;
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const finished = this.backend().generate(input, {
      onStart: markStarted,
      onDelta: (delta) => events.emit('generationDelta', delta),
      onRepetition: (finding) => events.emit('repetitionDetected', { id: input.id, period: finding.period, stopped: finding.stopped }),
    });
    finished.then(
      (result: GenerationResult) => events.emit('generationFinished', result),
      () => undefined, // reported to whoever started it, before generation started
    );
    return { started, finished };
  }

  /** What generates the conversation now, as the settings say: the embedded model or the remote server. */
  backend(): ChatBackend {
    return this.#settings().remote ? this.remote : this.runner;
  }

  /** The name of what answers now: the loaded model's, or the remote server's model. */
  async modelName(): Promise<string | null> {
    const status = await this.status();
    return status.remote?.model ?? status.model?.name ?? null;
  }

  /** The embedded model's status, or the remote server standing in for it. */
  async status(): Promise<ModelStatus> {
    const remote = this.#settings().remote;
    const status = await this.host.status();
    if (!remote) return status;
    return { ...status, state: 'ready', backend: 'remote', devices: [hostOf(remote.baseUrl)], notice: null, error: null, remote: { baseUrl: remote.baseUrl, model: remote.model } };
  }

  async dispose(): Promise<void> {
    this.downloads.cancelAll();
    await this.runner.stopAndWait('The workbench was shut down while this answer was being written: the text so far is kept.');
    this.remote.stop();
    await this.pool.dispose();
    await this.host.dispose();
  }
}

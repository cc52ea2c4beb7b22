import type { WorkbenchHandlers } from '../../shared/api/contract';
import type { GenerationResult } from '../../shared/generation';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../logger';
import { ChatRunner } from './chat-runner';
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

  constructor(options: LlmServiceOptions) {
    const { events, settings } = options;
    this.#settings = settings;
    this.catalog = new ModelCatalog(options.modelsDir, options.extraModelDirs, options.dataDir);
    this.downloads = new DownloadManager({ modelsDir: options.modelsDir, env: options.env, onState: (s) => events.emit('downloadState', s) });
    this.host = new ModelHost({ defaults: settings, onStatus: (s) => events.emit('modelStatus', s), log: options.log });
    this.runner = new ChatRunner({ host: this.host, repetitionGuard: () => settings().repetitionGuard });
    this.remote = new RemoteChatRunner(() => settings().remote);
    // Every generation goes where the settings say at the moment it starts.
    const runner = () => (settings().remote ? this.remote : this.runner);
    this.pool = new CompletionPool({ host: this.host, parallel: () => settings().apiParallel, contextSize: () => settings().apiContextSize, cache: () => settings().apiCache, maxQueue: () => settings().apiMaxQueue });

    this.handlers = {
      listModels: () => this.catalog.list((id) => this.downloads.state(id)),
      openModelFile: ({ path }) => this.catalog.open(path),
      startDownload: async ({ id }) => this.downloads.begin(id).state,
      cancelDownload: async ({ id }) => ({ cancelled: this.downloads.cancel(id) }),
      loadModel: (input) => this.host.load(input),
      cancelLoad: async () => {
        await this.host.cancelLoad();
        return this.host.status();
      },
      unloadModel: async () => {
        this.runner.stop();
        await this.host.unload();
        return this.host.status();
      },
      getModelStatus: async () => this.status(),
      generate: async (input) => {
        let markStarted: () => void = () => {};
        const started = new Promise<void>((resolve) => (markStarted = resolve));
        const finished = runner().generate(input, {
          onStart: markStarted,
          onDelta: (delta) => events.emit('generationDelta', delta),
          onRepetition: (finding) => events.emit('repetitionDetected', { id: input.id, period: finding.period, stopped: finding.stopped }),
        });
        finished.then(
          (result: GenerationResult) => events.emit('generationFinished', result),
          () => undefined, // reported to the caller below, before generation started
        );
        // A request that fails its checks (no model, prompt too long) is answered with the error.
        await Promise.race([started, finished.then(() => undefined)]);
        return { id: input.id };
      },
      stopGeneration: async (input) => ({ stopped: this.runner.stop(input?.id) || this.remote.stop(input?.id) }),
      resetConversation: async () => {
        this.runner.reset();
        this.remote.reset();
        return { ok: true as const };
      },
    };
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
    this.runner.stop();
    this.remote.stop();
    await this.pool.dispose();
    await this.host.dispose();
  }
}

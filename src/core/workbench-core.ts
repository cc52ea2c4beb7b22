import { mkdir } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import type { WorkbenchHandlers } from '../shared/api/contract';
import type { AppInfo } from '../shared/app-info';
import { WorkbenchError } from '../shared/api/errors';
import { EventHub } from './api/event-hub';
import { AppService } from './app-service';
import { SettingsStore } from './settings/settings-store';
import { LlmService } from './llm/llm-service';
import { JudgeService } from './problems/judge-service';
import { TemplateService } from './templates/template-service';
import { SolveService } from './solve/solve-service';
import type { TemplateStore } from './templates/template-store';
import { consoleLogger, type Logger } from './logger';
import { nodeLlamaCppVersion } from './llm/binding-version';
import { SessionService } from './sessions/session-service';
import { EvalService } from './eval/eval-service';
import { FixLoopService } from './workspace/fix-loop';
import { StressService } from './workspace/stress-service';
import { WorkspaceService } from './workspace/workspace-service';
import type { SessionStore } from './sessions/session-store';
import { cleanStaleTempFiles } from './storage/stale-temp-files';
import type { DownloadState } from '../shared/models';
import type { Template } from '../shared/templates';
import type { CompanionStatus } from '../shared/judging';
import type { ChatBackend } from './llm/chat-backend';
import { CompletionPool, type CompletionRequest, type CompletionResult } from './llm/completion-pool';
import { RemoteChatRunner, type RemoteBackend } from './llm/remote-chat-runner';
import type { ModelHost } from './llm/model-host';
import { evalGenerator } from './eval/generators';
import { ownedDataFolders } from './storage/owned-data-folders';

/** The OpenAI-compatible API's view of the loaded model. */
export interface OpenAiBackend {
  /** The id clients name it by (the file name without .gguf), or null when none is loaded. */
  modelId(): string | null;
  /** Its name from the GGUF (also accepted as the id). */
  modelName(): string | null;
  complete(request: CompletionRequest): Promise<CompletionResult>;
  /** Requests the pool can take now, and at most (see CompletionPool.room). */
  room(): { now: number; atMost: number };
}

/** The id API clients use for a loaded model: its file name without `.gguf`. */
function modelIdOf(host: ModelHost): string | null {
  const loaded = host.loaded;
  return loaded ? loaded.info.fileName.replace(/\.gguf$/i, '') : null;
}

export interface WorkbenchCoreOptions {
  /** User data directory (settings, templates, sessions). Required: never guessed from cwd. */
  dataDir: string;
  /** Where GGUF files live. Default: `<dataDir>/models`. */
  modelsDir?: string;
  /** Application version shown in the UI. */
  appVersion: string;
  /** Which front door is serving. */
  mode: AppInfo['mode'];
  /** Electron's version when running inside Electron. Default: null. */
  electronVersion?: string | null;
  /** Other folders scanned for GGUF files (the repository's models/ in development). Default: none. */
  extraModelDirs?: string[];
  /** Where warnings go. Default: the console. */
  log?: Logger;
  /** Environment (HF_ENDPOINT for a Hugging Face mirror). Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * All behaviour of the workbench, free of Electron and HTTP. The shells build
 * one of these and hand `handlers` and `events` to their transport.
 */
export class WorkbenchCore {
  readonly handlers: WorkbenchHandlers;
  readonly events = new EventHub();
  readonly dataDir: string;
  readonly modelsDir: string;
  readonly llm: LlmService;
  readonly judging: JudgeService;
  readonly templates: TemplateStore;
  readonly sessions: SessionStore;
  readonly evals: EvalService;
  readonly workspace: WorkspaceService;
  readonly solve: SolveService;
  readonly fixLoops: FixLoopService;
  readonly stress: StressService;
  #disposed = false;

  private constructor(
    options: WorkbenchCoreOptions,
    readonly settings: SettingsStore,
  ) {
    this.dataDir = resolve(options.dataDir);
    this.modelsDir = resolve(options.modelsDir ?? join(this.dataDir, 'models'));
    const info: AppInfo = {
      name: 'VibeThinker Workbench',
      version: options.appVersion,
      mode: options.mode,
      platform: platform(),
      arch: arch(),
      dataDir: this.dataDir,
      modelsDir: this.modelsDir,
      nodeVersion: process.versions.node,
      electronVersion: options.electronVersion ?? null,
      nodeLlamaCppVersion: nodeLlamaCppVersion(),
    };
    this.llm = new LlmService({
      dataDir: this.dataDir,
      modelsDir: this.modelsDir,
      extraModelDirs: (options.extraModelDirs ?? []).map((d) => resolve(d)),
      settings: () => this.settings.get(),
      events: this.events,
      log: options.log ?? consoleLogger,
      env: options.env,
    });
    this.judging = new JudgeService({
      dataDir: this.dataDir,
      events: this.events,
      settings: () => this.settings.get(),
      // Every problem Competitive Companion sends opens as a session of its own: nothing open is overwritten.
      onImported: async (records) => {
        const created = await Promise.all(records.map((r) => this.workspace.create({ problemId: r.id })));
        for (const session of created) this.events.emit('sessionsChanged', { id: session.id });
        this.events.emit('problemImported', { problemIds: records.map((r) => r.id), sessionIds: created.map((c) => c.id) });
      },
    });
    const templates = new TemplateService({ dataDir: this.dataDir, events: this.events, runner: this.llm.runner });
    const sessions = new SessionService({ dataDir: this.dataDir, events: this.events });
    this.evals = new EvalService({ dataDir: this.dataDir, events: this.events, llm: this.llm, templates: templates.store, settings: () => this.settings.get() });
    this.sessions = sessions.store;
    this.templates = templates.store;
    this.workspace = new WorkspaceService({
      sessions: sessions.store,
      problems: this.judging.store,
      templates: templates.store,
      events: this.events,
      // The system prompt is always given (empty for none): a turn never inherits another session's.
      generate: ({ id, prompt, system, sampling, history }) => this.llm.start({ id, prompt, system: system ?? '', sampling, history }),
      judge: (code, problem, options) => this.judging.judgeTracked(code, problem, { ...options, python: this.settings.get().python, compiler: this.settings.get().cppCompiler }),
      modelName: () => this.llm.modelName(),
    });
    this.solve = new SolveService({
      sessions: sessions.store,
      templates: templates.store,
      events: this.events,
      pool: this.llm.pool,
      change: (id, change) => this.workspace.change(id, change),
      python: () => this.settings.get().python,
      compiler: () => this.settings.get().cppCompiler,
      whenReady: async () => (await this.llm.host.whenReady()) !== null,
      remote: () => Boolean(this.settings.get().remote),
    });
    this.fixLoops = new FixLoopService({
      workspace: this.workspace,
      sessions: sessions.store,
      templates: templates.store,
      events: this.events,
      whenReady: async () => (await this.llm.host.whenReady()) !== null || Boolean(this.settings.get().remote),
      stopGeneration: (id) => void this.llm.handlers.stopGeneration({ id }),
    });
    this.stress = new StressService({ sessions: sessions.store, events: this.events, settings: () => this.settings.get() });
    const app = new AppService({
      info,
      settings: this.settings,
      events: this.events,
      modelStatus: () => this.llm.status(),
      damaged: async (kind) => [...(kind === 'problem' ? [] : await this.sessions.listDamaged()), ...(kind === 'session' ? [] : await this.judging.store.listDamaged())],
      assertAlive: () => this.#assertAlive(),
    });
    // One shape for every service: a class whose `handlers` are its slice of the API, spread here.
    this.handlers = {
      ...this.llm.handlers,
      ...this.judging.handlers,
      ...templates.handlers,
      ...sessions.handlers,
      ...this.workspace.handlers,
      ...this.evals.handlers,
      ...this.solve.handlers,
      ...this.fixLoops.handlers,
      ...this.stress.handlers,
      ...app.handlers,
    };
  }

  static async create(options: WorkbenchCoreOptions): Promise<WorkbenchCore> {
    const dataDir = resolve(options.dataDir);
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (err) {
      throw new WorkbenchError(
        'StorageError',
        'data_dir_unavailable',
        `Cannot use data directory ${dataDir}: ${(err as Error).message}`,
      );
    }
    const log = options.log ?? consoleLogger;
    // Before any store reads: leftovers of saves cut short by a crash (only our own temp files).
    const removed = await cleanStaleTempFiles(await ownedDataFolders(dataDir));
    if (removed.length > 0) log.info(`Removed ${removed.length} temporary file(s) left by an interrupted save.`);
    const settings = await SettingsStore.open(dataDir, log);
    return new WorkbenchCore(options, settings);
  }

  // ---- The front doors' view of core (the web server, the CLI): besides `handlers` and `events`, they use
  // these, never the services inside (a lint rule holds them to it). ----

  /** The OpenAI-compatible API's view of the model: its id and name, and batched completions. */
  openAiBackend(): OpenAiBackend {
    return {
      modelId: () => modelIdOf(this.llm.host),
      modelName: () => this.llm.host.loaded?.info.name ?? null,
      complete: (request) => this.llm.pool.complete(request),
      room: () => this.llm.pool.room,
    };
  }

  /** What writes a one-off answer (`vibe ask`): the remote server given, else what the settings say. */
  chatBackend(remote: RemoteBackend | null): ChatBackend {
    return remote ? new RemoteChatRunner(() => remote) : this.llm.backend();
  }

  /** A batched pool of its own on the loaded model, `parallel` answers at once, no cache (`vibe solve`). */
  completionPool(parallel: number): CompletionPool {
    return new CompletionPool({ host: this.llm.host, parallel: () => parallel, contextSize: () => this.settings.get().apiContextSize, cache: () => false, maxQueue: () => parallel });
  }

  /** What an evaluation generates with (the Evaluate view and `vibe eval` alike). */
  evalGenerator(options: { remote: RemoteBackend | null; concurrency: number; maxTokens: number }): ReturnType<typeof evalGenerator> {
    return evalGenerator({ host: this.llm.host, ...options });
  }

  /** Downloads a built-in model (`vibe models pull`): its end, and how to cancel it. */
  download(id: string): { done: Promise<DownloadState>; cancel: () => void } {
    const started = this.llm.downloads.begin(id);
    return { done: started.done, cancel: () => this.llm.downloads.cancel(id) };
  }

  /** A template by id, built-in or the user's (a missing one is a NotFoundError). */
  template(id: string): Promise<Template> {
    return this.templates.get(id);
  }

  /** Starts the Competitive Companion listener on `port` (0: a free one the system picks). */
  listenForCompanion(port: number): Promise<CompanionStatus> {
    return this.judging.listen(port);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Stops downloads and generation and frees the model. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.evals.dispose();
    // Solve runs and fix loops stop first and are waited for: none judges or writes a session once the
    // judge and model are gone, and a stopped run's record is written before the workspace settles.
    await Promise.all([this.solve.dispose(), this.fixLoops.dispose(), this.stress.dispose()]);
    // The model goes last but one: an answer being written is stopped and waited for, then saved as its turn.
    await Promise.all([this.llm.dispose(), this.judging.dispose()]);
    await this.workspace.settle();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  #assertAlive(): void {
    if (this.#disposed) throw new WorkbenchError('UnavailableError', 'disposed', 'The workbench is shutting down.');
  }
}

import { mkdir } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventPayload, WorkbenchHandlers } from '../shared/api/contract';
import type { AppInfo } from '../shared/app-info';
import { WorkbenchError } from '../shared/api/errors';
import { EventHub } from './api/event-hub';
import { SettingsStore } from './settings/settings-store';
import { LlmService } from './llm/llm-service';
import { JudgeService } from './problems/judge-service';
import { templateHandlers } from './templates/template-service';
import type { TemplateStore } from './templates/template-store';
import { consoleLogger, type Logger } from './logger';
import { nodeLlamaCppVersion } from './llm/binding-version';
import { sessionHandlers } from './sessions/session-service';
import { EvalService } from './eval/eval-service';
import type { SessionStore } from './sessions/session-store';

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
  #disposed = false;
  #pingSeq = 0;

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
    this.judging = new JudgeService({ dataDir: this.dataDir, events: this.events, settings: () => this.settings.get() });
    const templates = templateHandlers(this.dataDir, this.events, this.llm.runner);
    const sessions = sessionHandlers(this.dataDir, this.events);
    this.evals = new EvalService({ dataDir: this.dataDir, events: this.events, llm: this.llm, templates: templates.store, settings: () => this.settings.get() });
    this.sessions = sessions.store;
    this.templates = templates.store;
    this.handlers = {
      ...this.llm.handlers,
      ...this.judging.handlers,
      ...templates.handlers,
      ...sessions.handlers,
      ...this.evals.handlers,
      getAppInfo: async () => ({ ...info }),
      // The desktop shell replaces this with its queue (src/main/desktop-commands.ts); web mode has no shell.
      takeDesktopCommands: async () => [],
      getSettings: async () => this.settings.get(),
      updateSettings: async (patch) => {
        this.#assertAlive();
        const next = await this.settings.update(patch);
        this.events.emit('settingsChanged', next);
        // Switching between the embedded model and a remote server changes what "the model" is.
        if ('remote' in patch) this.events.emit('modelStatus', await this.llm.status());
        return next;
      },
      ping: async (input) => {
        const event: EventPayload<'pinged'> = {
          seq: ++this.#pingSeq,
          message: input?.message ?? 'ping',
          at: new Date().toISOString(),
        };
        this.events.emit('pinged', event);
        return event;
      },
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
    const settings = await SettingsStore.open(dataDir, options.log ?? consoleLogger);
    return new WorkbenchCore(options, settings);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Stops downloads and generation and frees the model. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.evals.dispose();
    await Promise.all([this.llm.dispose(), this.judging.dispose()]);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  #assertAlive(): void {
    if (this.#disposed) throw new WorkbenchError('UnavailableError', 'disposed', 'The workbench is shutting down.');
  }
}

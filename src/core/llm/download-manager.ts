import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { DownloadState } from '../../shared/models';
import { builtinModels, hfEndpoint, parseHfUri, resolveHfFile, type BuiltinModel } from './builtin-models';
import { inspectGguf } from './gguf-inspector';
import { httpDownload } from './http-download';

export interface DownloadManagerOptions {
  modelsDir: string;
  /** Receives every state change; progress at most every `progressIntervalMs`. */
  onState: (state: DownloadState) => void;
  /** Default: 250 ms. */
  progressIntervalMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Passed to httpDownload (tests). */
  freeBytes?: (dir: string) => Promise<number>;
}

/**
 * Runs built-in model downloads into the models folder: one at a time per
 * entry, cancellable, resumable (the `.part` file survives a dropped
 * connection or an app restart), and verified (size and a readable GGUF
 * header) before the file takes its final name and appears in the catalog.
 */
export class DownloadManager {
  readonly #options: DownloadManagerOptions;
  readonly #active = new Map<string, AbortController>();
  readonly #states = new Map<string, DownloadState>();

  constructor(options: DownloadManagerOptions) {
    this.#options = options;
  }

  state(id: string): DownloadState | null {
    return this.#states.get(id) ?? null;
  }

  /** Starts (or resumes) a download; resolves with the final state, which is also emitted. */
  start(id: string): Promise<DownloadState> {
    try {
      return this.begin(id).done;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * Starts a download and returns at once with its first state; throws at
   * once for an unknown entry or one already downloading.
   */
  begin(id: string): { state: DownloadState; done: Promise<DownloadState> } {
    const entry = builtinModels.find((m) => m.id === id);
    if (!entry) throw new WorkbenchError('NotFoundError', 'unknown_download', `No built-in model "${id}".`);
    if (this.#active.has(id)) throw new WorkbenchError('UnavailableError', 'already_downloading', `${entry.label} is already downloading.`);
    const controller = new AbortController();
    this.#active.set(id, controller);
    const done = this.#run(entry, controller.signal).finally(() => this.#active.delete(id));
    // #run records its first state before its first await.
    const state = this.#states.get(id);
    if (!state) throw new Error('download did not start');
    return { state, done };
  }

  cancel(id: string): boolean {
    const controller = this.#active.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.#active.values()) controller.abort();
  }

  async #run(entry: BuiltinModel, signal: AbortSignal): Promise<DownloadState> {
    const location = parseHfUri(entry.uri);
    if (!location) throw new WorkbenchError('ValidationError', 'bad_uri', `Bad model address ${entry.uri}.`);
    let state: DownloadState = { id: entry.id, state: 'downloading', receivedBytes: 0, totalBytes: null, bytesPerSecond: 0, etaSeconds: null, path: null, error: null };
    const emit = (next: Partial<DownloadState>) => {
      state = { ...state, ...next };
      this.#states.set(entry.id, state);
      this.#options.onState(state);
    };
    emit({});
    const resolved = await resolveHfFile(hfEndpoint(this.#options.env), location, entry.quantization, signal);
    const target = join(this.#options.modelsDir, resolved.file);
    const part = `${target}.part`;
    let lastEmit = 0;
    try {
      const total = await httpDownload({
        url: resolved.url,
        partPath: part,
        signal,
        freeBytes: this.#options.freeBytes,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastEmit < (this.#options.progressIntervalMs ?? 250)) return;
          lastEmit = now;
          emit({ ...p, state: 'downloading' });
        },
      });
      emit({ state: 'verifying', receivedBytes: total, totalBytes: resolved.size ?? total, etaSeconds: 0 });
      if (resolved.size !== null && resolved.size !== total) {
        await rm(part, { force: true });
        throw new WorkbenchError('ValidationError', 'size_mismatch', `The download has ${total} bytes, the repository lists ${resolved.size}. Try again.`);
      }
      const info = await inspectGguf(part);
      if (info.problem) {
        await rm(part, { force: true });
        throw new WorkbenchError('ValidationError', 'bad_download', `The downloaded file is not a usable model: ${info.problem}`);
      }
      await rename(part, target);
      emit({ state: 'done', path: target, bytesPerSecond: 0 });
      return state;
    } catch (err) {
      if (signal.aborted) {
        // An explicit cancel discards the partial file; an interruption keeps it for resuming.
        await rm(part, { force: true });
        emit({ state: 'cancelled', bytesPerSecond: 0, etaSeconds: null });
        return state;
      }
      emit({ state: 'failed', error: errorMessage(err), bytesPerSecond: 0, etaSeconds: null });
      return state;
    }
  }
}

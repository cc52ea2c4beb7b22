import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WorkbenchError } from '../../shared/api/errors';
import { formatBytes } from '../../shared/format';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface HttpDownloadOptions {
  url: string;
  /** The `.part` file written to; the caller renames it once verified. */
  partPath: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Extra free space kept on the disk beyond the file itself. Default: 256 MiB. */
  spareBytes?: number;
  /** Attempts after a dropped connection, each resuming where the last stopped. Default: 5. */
  retries?: number;
  /** Test seam for the free-space check; default: the file system's. */
  freeBytes?: (dir: string) => Promise<number>;
}

/**
 * Downloads a URL into a `.part` file with HTTP range requests: an existing
 * part is continued rather than restarted, a dropped connection is resumed
 * (a few times, with a pause), and free disk space is checked before any
 * byte is written. Resolves with the total size once the part is complete.
 */
export async function httpDownload(options: HttpDownloadOptions): Promise<number> {
  const retries = options.retries ?? 5;
  const speed = new SpeedMeter();
  for (let attempt = 0; ; attempt++) {
    try {
      return await downloadOnce(options, speed);
    } catch (err) {
      if (options.signal?.aborted) throw new WorkbenchError('UnavailableError', 'cancelled', 'Download cancelled.');
      if (err instanceof WorkbenchError || attempt >= retries) throw asDownloadError(err);
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 4000)));
    }
  }
}

async function downloadOnce(options: HttpDownloadOptions, speed: SpeedMeter): Promise<number> {
  await mkdir(dirname(options.partPath), { recursive: true });
  const have = await sizeOf(options.partPath);
  const response = await fetch(options.url, {
    headers: have > 0 ? { Range: `bytes=${have}-` } : {},
    signal: options.signal,
    redirect: 'follow',
  });
  if (response.status === 416 && have > 0) {
    // Asked past the end: the part already holds the whole file (or the remote changed).
    const total = totalFromContentRange(response.headers.get('content-range'));
    await response.body?.cancel();
    if (total === have) return have;
    await rm(options.partPath, { force: true });
    throw new Error('remote file changed; restarting');
  }
  if (response.status === 404) throw new WorkbenchError('NotFoundError', 'not_found', `Not found on the server: ${options.url}`);
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);

  const resumed = response.status === 206;
  const offset = resumed ? have : 0;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = resumed ? totalFromContentRange(response.headers.get('content-range')) : Number.isFinite(length) ? length : null;
  await ensureFreeSpace(options, total === null ? null : total - offset);

  let received = offset;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    const bytesPerSecond = speed.add(chunk.length);
    options.onProgress?.({
      receivedBytes: received,
      totalBytes: total,
      bytesPerSecond,
      etaSeconds: total !== null && bytesPerSecond > 0 ? (total - received) / bytesPerSecond : null,
    });
  });
  await pipeline(body, createWriteStream(options.partPath, { flags: resumed ? 'a' : 'w' }), { signal: options.signal });
  if (total !== null && received < total) throw new Error(`connection closed at ${received} of ${total} bytes`);
  return received;
}

async function ensureFreeSpace(options: HttpDownloadOptions, needed: number | null): Promise<void> {
  if (needed === null) return;
  const dir = dirname(options.partPath);
  const free = await (options.freeBytes ?? diskFree)(dir);
  const spare = options.spareBytes ?? 256 * 1024 * 1024;
  if (free < needed + spare) {
    throw new WorkbenchError(
      'StorageError',
      'disk_full',
      `Not enough disk space in ${dir}: the download needs ${formatBytes(needed)} (plus ${formatBytes(spare)} spare), ${formatBytes(free)} is free.`,
    );
  }
}

async function diskFree(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function totalFromContentRange(header: string | null): number | null {
  const total = header?.match(/\/(\d+)\s*$/)?.[1];
  return total ? Number(total) : null;
}

function asDownloadError(err: unknown): WorkbenchError {
  if (err instanceof WorkbenchError) return err;
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  const reason = cause === 'ENOTFOUND' || cause === 'ECONNREFUSED' ? 'the server cannot be reached' : (err as Error).message;
  return new WorkbenchError('UnavailableError', 'download_failed', `Download failed: ${reason}. Start it again to resume.`);
}


/** Bytes per second over the last few seconds, so the ETA follows the current speed. */
class SpeedMeter {
  #samples: { at: number; bytes: number }[] = [];

  add(bytes: number): number {
    const now = performance.now();
    this.#samples.push({ at: now, bytes });
    while (this.#samples.length > 1 && now - (this.#samples[0]?.at ?? now) > 3000) this.#samples.shift();
    const first = this.#samples[0]?.at ?? now;
    const elapsed = Math.max(now - first, 50) / 1000;
    return this.#samples.reduce((sum, s) => sum + s.bytes, 0) / elapsed;
  }
}

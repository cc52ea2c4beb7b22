import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

export interface RotatingLogOptions {
  dir: string;
  /** File name of the current log; older ones get `.1`, `.2`, … (`.1` is the newest). */
  name?: string;
  /** Rotate when the current file would grow past this. */
  maxBytes?: number;
  /** How many old files to keep. */
  keep?: number;
  /** Also write to the console (development). */
  echo?: Logger;
  now?: () => Date;
}

/**
 * A log file in the data folder that rotates by size, so months of use never
 * fill the disk: `workbench.log`, then `workbench.log.1` … `.keep`. Writes are
 * synchronous appends (a crash right after a line still has the line); a
 * failing disk never throws into the app, the line is dropped instead.
 */
export class RotatingLog implements Logger {
  readonly dir: string;
  readonly path: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  readonly #echo: Logger | undefined;
  readonly #now: () => Date;
  #size: number | null = null;

  constructor(options: RotatingLogOptions) {
    this.dir = options.dir;
    this.path = join(options.dir, options.name ?? 'workbench.log');
    this.#maxBytes = options.maxBytes ?? 1024 * 1024;
    this.#keep = options.keep ?? 5;
    this.#echo = options.echo;
    this.#now = options.now ?? (() => new Date());
  }

  info(message: string): void {
    this.#echo?.info(message);
    this.#write('INFO', message);
  }

  warn(message: string): void {
    this.#echo?.warn(message);
    this.#write('WARN', message);
  }

  error(message: string): void {
    this.#echo?.error(message);
    this.#write('ERROR', message);
  }

  #write(level: string, message: string): void {
    // One entry per line: newlines in a message are escaped so a log reader can trust line starts.
    const line = `${this.#now().toISOString()} ${level} ${message.replace(/\r?\n/g, '\\n')}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (this.#size === null) {
        mkdirSync(this.dir, { recursive: true });
        this.#size = fileSize(this.path);
      }
      if (this.#size > 0 && this.#size + bytes > this.#maxBytes) this.#rotate();
      appendFileSync(this.path, line, { mode: 0o600 });
      this.#size += bytes;
    } catch {
      // Full disk or no permission: logging must never take the app down.
      this.#size = null;
    }
  }

  #rotate(): void {
    rmSync(`${this.path}.${this.#keep}`, { force: true });
    for (let i = this.#keep - 1; i >= 1; i--) {
      const from = `${this.path}.${i}`;
      if (exists(from)) renameSync(from, `${this.path}.${i + 1}`);
    }
    renameSync(this.path, `${this.path}.1`);
    this.#size = 0;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

import type { ErrorData } from './errors';

/**
 * Every call's answer on the wire. Transports never reject with a bare
 * exception: a failure is data, so it keeps its name and code across
 * Electron IPC (which drops custom error fields) and HTTP alike.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(error: ErrorData): Envelope<never> {
  return { ok: false, error };
}

/**
 * The error taxonomy of the WorkbenchApi. Errors cross process boundaries
 * (IPC, HTTP, WebSocket) as plain data and are recognised by `name`, never by
 * `instanceof`: a class identity does not survive structured cloning or JSON.
 */
export const errorNames = [
  /** A call the API cannot accept: unknown method (code `unknown_method`) or bad arguments (`invalid_input`). */
  'ValidationError',
  /** The caller is not allowed to make this call (wrong frame, missing token). */
  'ForbiddenError',
  /** A named thing (file, model, session) does not exist. */
  'NotFoundError',
  /** A resource needed for the call is busy or missing (port in use, no Python). */
  'UnavailableError',
  /** Reading or writing user data failed (disk full, permissions). */
  'StorageError',
  /** The transport itself failed (connection lost, bad response). */
  'TransportError',
  /** Anything unexpected: a bug. The message is kept, the stack is not sent. */
  'InternalError',
] as const;

export type ErrorName = (typeof errorNames)[number];

/** What an error looks like on the wire. */
export interface ErrorData {
  name: ErrorName;
  /** A stable, machine-readable detail such as `port_in_use` or `invalid_input`. */
  code: string;
  /** One human-readable line, safe to show to the user. */
  message: string;
}

export class WorkbenchError extends Error {
  override readonly name: ErrorName;
  readonly code: string;

  constructor(name: ErrorName, code: string, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }

  static fromData(data: ErrorData): WorkbenchError {
    return new WorkbenchError(data.name, data.code, data.message);
  }

  toData(): ErrorData {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export function isErrorName(value: unknown): value is ErrorName {
  return typeof value === 'string' && (errorNames as readonly string[]).includes(value);
}

/** True for anything shaped like ErrorData, whatever its prototype. */
export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorName(v.name) && typeof v.code === 'string' && typeof v.message === 'string';
}

/** What a thrown value says, for a person: an error's message (ours, also as wire data), else the value as text. */
export function errorMessage(err: unknown): string {
  return isErrorData(err) || err instanceof Error ? err.message : String(err);
}

/** Turns any thrown value into wire data; unknown errors become InternalError. */
export function toErrorData(err: unknown): ErrorData {
  if (isErrorData(err)) return { name: err.name, code: err.code, message: err.message };
  const message = errorMessage(err);
  return { name: 'InternalError', code: 'internal', message: message || 'Unexpected error' };
}

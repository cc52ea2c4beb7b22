import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkbenchHandlers } from '../shared/api/contract';
import { fail, type Envelope } from '../shared/api/envelope';
import { dispatch } from '../core/api/dispatch';

/** Largest request body accepted by the API: a saved session with a long transcript, or an imported one. */
export const maxBodyBytes = 64 * 1024 * 1024;

/**
 * `POST /api/call/<method>` with body `{"input": …}` → an Envelope as JSON.
 * Validation errors and failures are 200 responses carrying `ok: false`, so a
 * client handles them like IPC; malformed bodies are 400 with the same shape.
 */
export async function handleApiCall(
  handlers: WorkbenchHandlers,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (err) {
    sendJson(res, (err as BodyError).status ?? 400, fail({ name: 'ValidationError', code: 'bad_body', message: (err as Error).message }));
    return;
  }
  const input = typeof body === 'object' && body !== null && 'input' in body ? (body as { input: unknown }).input : undefined;
  sendJson(res, 200, await dispatch(handlers, method, input));
}

export function sendJson(res: ServerResponse, status: number, value: Envelope<unknown> | object): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

export interface BodyError extends Error {
  status?: number;
}

function bodyError(status: number, message: string): BodyError {
  return Object.assign(new Error(message), { status });
}

export async function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw bodyError(415, 'Request body must be application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw bodyError(413, `Request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw bodyError(400, 'Request body is not valid JSON.');
  }
}

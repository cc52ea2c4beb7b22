import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompanionStatus } from '../../shared/judging';
import { ProblemSchema } from '../../shared/judging';
import { firstIssue } from '../storage/file-text';
import { isExtensionOrigin, isJsonContentType, isListenerHost } from './companion-guards';

/** Largest body accepted from the extension; real problems are far smaller. */
export const maxCompanionBody = 8 * 1024 * 1024;
/** Most problems in one request (the extension sends one; a JSON array is our own extension). */
export const maxProblemsPerRequest = 100;

/**
 * Receives problems from the Competitive Companion browser extension: JSON
 * POSTed to one of its ports on localhost (10043 by default). One problem per
 * request (contest batches arrive as several requests sharing `batch.id`, or
 * as a JSON array). Every refusal is a 4xx with one plain-text line and stores
 * nothing:
 *
 * - 421 Host is not this listener's loopback address (DNS rebinding)
 * - 403 not from loopback, or an Origin other than a browser extension's
 * - 405 not POST
 * - 415 not `Content-Type: application/json`
 * - 413 body over 8 MiB
 * - 400 not JSON, or not a problem
 * - 409 the problem store is full (`problem_store_full`): delete problems first
 */
export async function startCompanionListener(port: number, onProblems: (problems: unknown[]) => Promise<void>): Promise<{ status: CompanionStatus; close: () => Promise<void> }> {
  // The port actually bound (asked 0: chosen by the system), read once: address() is null after close().
  let listening = port;
  const server: Server = createServer((req, res) => {
    handle(req, res, listening, onProblems).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, `Could not import the problem: ${(err as Error).message}`);
      else res.destroy();
    });
  });
  const status = await new Promise<CompanionStatus>((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      resolve({
        port,
        listening: false,
        error:
          err.code === 'EADDRINUSE'
            ? `Port ${port} is in use, so problems cannot be imported from Competitive Companion. Pick another port in Settings and add it in the extension.`
            : `Cannot listen on port ${port}: ${err.message}`,
      }),
    );
    server.listen(port, '127.0.0.1', () => {
      listening = (server.address() as AddressInfo).port;
      // From now on an error (EMFILE while accepting…) is one failed connection, not the end of the process.
      server.on('error', () => undefined);
      resolve({ port: listening, listening: true, error: null });
    });
  });
  return {
    status,
    close: () =>
      new Promise((done) => {
        if (!status.listening) return done();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, port: number, onProblems: (problems: unknown[]) => Promise<void>): Promise<void> {
  const remote = req.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return reply(res, 403, 'Loopback only.');
  if (!isListenerHost(req.headers.host, port)) {
    return reply(res, 421, `Refused: the Host header must be localhost:${port} or 127.0.0.1:${port} (a web page reaching this port under another name is refused).`);
  }
  if (!isExtensionOrigin(req.headers.origin)) {
    return reply(res, 403, `Refused: only the Competitive Companion browser extension may send problems here, not a web page (Origin: ${req.headers.origin ?? ''}).`);
  }
  if (req.method !== 'POST') return reply(res, 405, 'POST a problem as JSON (Content-Type: application/json).', { Allow: 'POST' });
  if (!isJsonContentType(req.headers['content-type'])) {
    return reply(res, 415, `Refused: send the problem as Content-Type: application/json, not ${req.headers['content-type'] ?? 'no Content-Type'}.`);
  }
  const body = await readBody(req, maxCompanionBody);
  if (body === null) {
    // Close rather than read the rest: the client may keep sending for ever.
    return reply(res, 413, `Refused: the body is over ${maxCompanionBody / 1024 / 1024} MiB; a problem is far smaller.`, { Connection: 'close' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return reply(res, 400, `Refused: the body is not JSON (${(err as Error).message}).`);
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0 || items.length > maxProblemsPerRequest) {
    return reply(res, 400, `Refused: send 1 to ${maxProblemsPerRequest} problems per request, not ${items.length}.`);
  }
  for (const item of items) {
    const problem = ProblemSchema.safeParse(item);
    if (!problem.success) return reply(res, 400, `Refused: not a Competitive Companion problem (${firstIssue(problem.error)}).`);
    if (typeof (item as { name?: unknown }).name !== 'string') return reply(res, 400, 'Refused: not a Competitive Companion problem (it has no "name").');
  }
  try {
    await onProblems(items);
  } catch (err) {
    // Recognised by name and code, not class: the store's errors are plain data across boundaries.
    const e = err as { name?: unknown; code?: unknown; message?: unknown };
    if (e.name === 'StorageError' && e.code === 'problem_store_full') return reply(res, 409, `Refused: ${String(e.message)}`);
    return reply(res, 500, `Could not save the problem: ${String(e.message)}`);
  }
  reply(res, 200, items.length === 1 ? 'Imported.' : `Imported ${items.length} problems.`);
}

/** The body, or null once it passes `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function reply(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(`${text}\n`);
}

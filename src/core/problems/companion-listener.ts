import { createServer, type Server } from 'node:http';
import type { CompanionStatus } from '../../shared/judging';
import { ProblemSchema } from '../../shared/judging';

/** Largest body accepted from the extension; real problems are far smaller. */
export const maxCompanionBody = 8 * 1024 * 1024;

/**
 * Receives problems from the Competitive Companion browser extension: JSON
 * POSTed to one of its ports on localhost (10043 by default). One problem per
 * request (contest batches arrive as several requests sharing `batch.id`, or
 * as a JSON array). Loopback only; a malformed or oversized body gets 400 and
 * changes nothing.
 */
export async function startCompanionListener(port: number, onProblems: (problems: unknown[]) => Promise<void>): Promise<{ status: CompanionStatus; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const remote = req.socket.remoteAddress ?? '';
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return reply(403, 'Loopback only.');
    if (req.method !== 'POST') return reply(405, 'POST a problem as JSON.');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxCompanionBody) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooBig) return reply(400, 'Body too large.');
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, 'Body is not JSON.');
      }
      const items = Array.isArray(body) ? body : [body];
      if (items.length === 0 || items.length > 100 || !items.every((item) => ProblemSchema.safeParse(item).success && typeof (item as { name?: unknown }).name === 'string')) {
        return reply(400, 'Not a Competitive Companion problem.');
      }
      onProblems(items).then(
        () => reply(200, 'Imported.'),
        () => reply(500, 'Could not save the problem.'),
      );
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
    server.listen(port, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, listening: true, error: null }));
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

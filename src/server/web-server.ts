import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WorkbenchCore } from '../core/workbench-core';
import { readStaticFile } from '../core/static/static-files';
import { WorkbenchError } from '../shared/api/errors';
import { tokenCookie, tokenFromRequest, tokensMatch } from './access-token';
import { EventSocket, type EventSocketOptions } from './event-socket';
import { handleApiCall, sendJson } from './http-api';
import { handleOpenAiRequest, openAiError } from './openai-api';
import { hostHeaderAllowed, isLoopbackHost, originAllowed } from './request-guards';
import { sendRefusal } from './refusal-page';
import { securityHeaders } from '../shared/security-headers';

export interface WebServerOptions {
  core: WorkbenchCore;
  /** The renderer build to serve (`out/renderer`). */
  rendererDir: string;
  /** Access token every request must carry. */
  token: string;
  /** Interface to bind. Default: 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default: 7860. */
  port?: number;
  /** Must be true to bind anything but loopback. Default: false. */
  allowRemote?: boolean;
  /**
   * How long a client may take to send its request headers before the
   * connection is closed (slowloris, or an upgrade that stops halfway).
   * Browsers send them in one packet. Default: 20 000.
   */
  headersTimeoutMs?: number;
  /** Heartbeat and backlog limits of the `/api/events` WebSocket (see EventSocketOptions). */
  eventSocket?: EventSocketOptions;
}

export interface RunningWebServer {
  /** The address to open, token included. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

const apiCallPrefix = '/api/call/';

/** Starts web mode: the renderer build and the WorkbenchApi over HTTP + WebSocket. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  if (!loopback && !options.allowRemote) {
    throw new WorkbenchError(
      'ForbiddenError',
      'remote_not_allowed',
      `Refusing to listen on ${host}: other machines could reach the workbench. Pass --allow-remote to do it anyway.`,
    );
  }
  const info = await options.core.handlers.getAppInfo();
  const events = new EventSocket(options.core.events, info.version, options.eventSocket);
  // Tells a tab that reconnects whether this is still the server it loaded from (see /api/health).
  const instance = randomUUID();
  // Known once listening (port 0 picks one); the token's cookie is named after it.
  let port = 0;
  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  // Node checks these deadlines on a timer; check often enough that the deadline means what it says.
  const serverOptions = { headersTimeout, requestTimeout: Math.max(headersTimeout, 300_000), connectionsCheckingInterval: Math.min(5_000, Math.max(50, headersTimeout / 4)) };
  const server = createServer(serverOptions, (req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: (err as Error).message });
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestUrl(req);
    if (!url) return plain(res, 400, 'Malformed request address.');
    if (!hostHeaderAllowed(req, loopback)) return sendRefusal(req, res, 'host');
    const openAi = url.pathname.startsWith('/v1/');
    const token = tokenFromRequest(req, url, port);
    if (openAi && !tokensMatch(options.token, token)) {
      return openAiError(res, 401, 'invalid_request_error', 'invalid_api_key', 'Missing or wrong API key: use the token `vibe serve` printed as the Bearer key.');
    }
    if (!tokensMatch(options.token, token)) return sendRefusal(req, res, 'token');
    if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the token in the address bar for a cookie, so it is not left on screen or in history.
      url.searchParams.delete('token');
      res.writeHead(303, { 'Set-Cookie': tokenCookie(options.token, port), Location: url.pathname + url.search });
      res.end();
      return;
    }
    if (url.pathname.startsWith(apiCallPrefix)) {
      if (req.method !== 'POST') return plain(res, 405, 'Use POST for API calls.');
      if (!originAllowed(req)) return plain(res, 403, 'Cross-origin API calls are not allowed.');
      return handleApiCall(options.core.handlers, url.pathname.slice(apiCallPrefix.length), req, res);
    }
    if (openAi) {
      if (req.method === 'POST' && !originAllowed(req)) return openAiError(res, 403, 'invalid_request_error', 'forbidden_origin', 'Cross-origin requests from web pages are not allowed.');
      return handleOpenAiRequest(url.pathname, req, res, options.core.openAiBackend());
    }
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true, version: info.version, instance });
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return plain(res, 404, 'Not found.');
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off a socket it hands to 'upgrade': without ours, a client that
    // resets the connection (ECONNRESET, EPIPE on our answer) would be an unhandled error that ends the process.
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      // Destroy once written: the HTTP server allows half-open sockets, so a client that never closes its
      // side would otherwise keep this one (outside every HTTP timeout now) for ever.
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
    };
    // Before any check: this runs for every client, authenticated or not, and must not throw.
    const url = parseRequestUrl(req);
    if (!url) return refuse('400 Bad Request');
    if (!hostHeaderAllowed(req, loopback)) return refuse('421 Misdirected Request');
    if (!tokensMatch(options.token, tokenFromRequest(req, url, port))) return refuse('401 Unauthorized');
    if (!originAllowed(req)) return refuse('403 Forbidden');
    if (url.pathname !== '/api/events') return refuse('404 Not Found');
    events.upgrade(req, socket, head);
  });

  port = await listen(server, host, options.port ?? 7860);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${options.token}`,
    host,
    port,
    close: () => closeServer(server, events),
  };
}

/** The request's address, or null for one `new URL` refuses (e.g. `GET http://[ HTTP/1.1`). */
function parseRequestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') {
        reject(new WorkbenchError('UnavailableError', 'port_in_use', `Port ${port} on ${host} is already in use. Stop the other program or choose another port with --port.`));
      } else if (err.code === 'EACCES') {
        reject(new WorkbenchError('UnavailableError', 'port_denied', `Not allowed to listen on port ${port} on ${host}. Choose a port above 1024 with --port.`));
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(new WorkbenchError('UnavailableError', 'bad_host', `Cannot listen on ${host}: no such address on this machine.`));
      } else {
        reject(err);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      // From now on an error (EMFILE while accepting…) is one failed connection, not the end of the process.
      server.on('error', () => undefined);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: Server, events: EventSocket): Promise<void> {
  events.close();
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

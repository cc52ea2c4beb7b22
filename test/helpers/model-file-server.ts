import { createServer, type Server } from 'node:http';

export interface ModelFileServerOptions {
  /** repo ("owner/name") → file name → bytes */
  repos: Record<string, Record<string, Uint8Array>>;
  /** Drop the connection after this many body bytes, for the first `cuts` responses. */
  cutAfterBytes?: number;
  cuts?: number;
  /** Send the body in chunks of this size with this pause between them (to test cancel). */
  chunkBytes?: number;
  chunkDelayMs?: number;
}

export interface ModelFileServer {
  endpoint: string;
  /** Every request's method, path and Range header, in order. */
  requests: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A stand-in for Hugging Face on loopback: the repository listing API and
 * `resolve/main` file downloads with HTTP range support, plus ways to cut
 * the connection mid-file or send slowly. Named as a fake: the real site
 * cannot be reached from here.
 */
export async function startModelFileServer(options: ModelFileServerOptions): Promise<ModelFileServer> {
  const requests: ModelFileServer['requests'] = [];
  let cutsLeft = options.cuts ?? 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname, range: req.headers.range });
    const listing = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/main$/.exec(url.pathname);
    if (listing?.[1]) {
      const files = options.repos[listing[1]];
      if (!files) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(Object.entries(files).map(([path, bytes]) => ({ type: 'file', path, size: bytes.length }))));
    }
    const file = /^\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    const bytes = file?.[1] && file[2] ? options.repos[file[1]]?.[decodeURIComponent(file[2])] : undefined;
    if (!bytes) return void res.writeHead(404).end('Entry not found');

    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range?.[1]) {
      start = Number(range[1]);
      if (start >= bytes.length) return void res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end();
      res.writeHead(206, { 'Content-Length': bytes.length - start, 'Content-Range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`, 'Accept-Ranges': 'bytes' });
    } else {
      res.writeHead(200, { 'Content-Length': bytes.length, 'Accept-Ranges': 'bytes' });
    }
    const body = bytes.subarray(start);
    const cut = cutsLeft > 0 && options.cutAfterBytes !== undefined ? options.cutAfterBytes : null;
    if (cut !== null) cutsLeft--;
    const chunk = options.chunkBytes ?? body.length;
    let sent = 0;
    const sendMore = () => {
      if (res.destroyed) return;
      if (sent >= body.length) return void res.end();
      const end = Math.min(sent + chunk, body.length, cut ?? Infinity);
      const cutHere = cut !== null && end >= cut;
      // At the cut, drop the connection only once the bytes before it are flushed: the client gets exactly `cut`.
      res.write(body.subarray(sent, end), () => {
        if (cutHere) setTimeout(() => res.socket?.destroy(), 20);
      });
      sent = end;
      if (!cutHere) setTimeout(sendMore, options.chunkDelayMs ?? 0);
    };
    sendMore();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

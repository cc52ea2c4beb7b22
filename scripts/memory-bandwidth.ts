import { Worker } from 'node:worker_threads';

/**
 * This machine's memory bandwidth as `threads` threads see it: each copies a
 * 256 MB buffer (far past any cache) over and over, all at once; the figure
 * is the bytes read in that time (a copy also writes as many, which the
 * figure leaves out: decoding a token reads the weights and writes little).
 * Used by `bench:llm --shape` for the physical limit of decode speed.
 */
export async function measureReadBandwidth(threads: number, copies = 6): Promise<number> {
  const source = `
    const { parentPort } = require('node:worker_threads');
    const size = 256 * 1024 * 1024;
    const from = Buffer.alloc(size, 1);
    const to = Buffer.alloc(size);
    from.copy(to);
    parentPort.postMessage('ready');
    parentPort.once('message', () => {
      const started = performance.now();
      for (let i = 0; i < ${copies}; i++) from.copy(to);
      parentPort.postMessage({ bytes: size * ${copies}, ms: performance.now() - started });
    });`;
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const results = await Promise.all(
      workers.map(
        (w) =>
          new Promise<{ bytes: number; ms: number }>((resolve) => {
            w.once('message', resolve);
            w.postMessage('go');
          }),
      ),
    );
    const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
    const ms = Math.max(...results.map((r) => r.ms));
    return bytes / (ms / 1000);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

import { Worker } from 'node:worker_threads';

/**
 * This machine's memory read bandwidth as `threads` threads see it: each
 * compares two equal 256 MB buffers (far past any cache; glibc's memcmp reads
 * both with vector loads and writes nothing) over and over, all at once, as
 * decoding a token reads the weights and writes little. Used by `bench:llm
 * --shape` for the physical limit of decode speed.
 */
export async function measureReadBandwidth(threads: number, passes = 6): Promise<number> {
  const source = `
    const { parentPort } = require('node:worker_threads');
    const size = 256 * 1024 * 1024;
    const a = Buffer.alloc(size, 1);
    const b = Buffer.alloc(size, 1);
    if (a.compare(b) !== 0) throw new Error('unequal');
    parentPort.postMessage('ready');
    parentPort.once('message', () => {
      const started = performance.now();
      let sum = 0;
      for (let i = 0; i < ${passes}; i++) sum += a.compare(b);
      parentPort.postMessage({ bytes: 2 * size * ${passes} + sum, ms: performance.now() - started });
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

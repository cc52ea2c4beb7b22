import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DownloadState } from '../../shared/models';
import { buildTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { startModelFileServer, type ModelFileServer } from '../../../test/helpers/model-file-server';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { DownloadManager } from './download-manager';

const repo = 'mradermacher/VibeThinker-1.5B-GGUF';
const fileName = 'VibeThinker-1.5B.Q4_K_M.gguf';
const id = 'vibethinker-1.5b-q4_k_m';

describe('DownloadManager (against a local stand-in for Hugging Face)', () => {
  const tempDir = useTempDirs();
  let server: ModelFileServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function setup(serverOptions: Partial<Parameters<typeof startModelFileServer>[0]> = {}, free = Number.MAX_SAFE_INTEGER) {
    const model = buildTinyModel();
    server = await startModelFileServer({ repos: { [repo]: { [fileName]: model } }, ...serverOptions });
    const modelsDir = await tempDir();
    const states: DownloadState[] = [];
    const manager = new DownloadManager({
      modelsDir,
      onState: (s) => states.push(s),
      progressIntervalMs: 0,
      env: { HF_ENDPOINT: server.endpoint },
      freeBytes: async () => free,
    });
    return { model, modelsDir, states, manager, server };
  }

  it('downloads, reports progress, verifies, and names the file from the listing', async () => {
    const { model, modelsDir, states, manager } = await setup({ chunkBytes: 64 * 1024 });
    const final = await manager.start(id);
    expect(final).toMatchObject({ state: 'done', receivedBytes: model.length, totalBytes: model.length, path: join(modelsDir, fileName) });
    expect(Buffer.compare(await readFile(join(modelsDir, fileName)), Buffer.from(model))).toBe(0);
    expect(await readdir(modelsDir)).toEqual([fileName]);
    const progress = states.filter((s) => s.state === 'downloading' && s.receivedBytes > 0);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)?.bytesPerSecond).toBeGreaterThan(0);
    expect(states.map((s) => s.state)).toContain('verifying');
  });

  it('resumes with a range request after the connection is cut mid-file', async () => {
    const { model, modelsDir, manager, server } = await setup({ cutAfterBytes: 150_000, cuts: 2 });
    const final = await manager.start(id);
    expect(final.state).toBe('done');
    expect(Buffer.compare(await readFile(join(modelsDir, fileName)), Buffer.from(model))).toBe(0);
    const ranges = server.requests.filter((r) => r.path.includes('/resolve/')).map((r) => r.range);
    expect(ranges).toEqual([undefined, 'bytes=150000-', 'bytes=300000-']);
  });

  it('continues a .part file left by an earlier run', async () => {
    const { model, modelsDir, manager, server } = await setup();
    await writeFile(join(modelsDir, `${fileName}.part`), model.subarray(0, 100_000));
    expect((await manager.start(id)).state).toBe('done');
    expect(server.requests.find((r) => r.path.includes('/resolve/'))?.range).toBe('bytes=100000-');
    expect(Buffer.compare(await readFile(join(modelsDir, fileName)), Buffer.from(model))).toBe(0);
  });

  it('cancels on request and removes the partial file', async () => {
    const { modelsDir, manager, states } = await setup({ chunkBytes: 4096, chunkDelayMs: 20 });
    const running = manager.start(id);
    while (!states.some((s) => s.receivedBytes > 0)) await new Promise((r) => setTimeout(r, 10));
    expect(manager.cancel(id)).toBe(true);
    expect((await running).state).toBe('cancelled');
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('refuses to start when the disk is too small, before writing anything', async () => {
    const { modelsDir, manager } = await setup({}, 1000);
    const final = await manager.start(id);
    expect(final).toMatchObject({ state: 'failed', error: expect.stringMatching(/^Not enough disk space/) });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('rejects a finished file that is not a GGUF model', async () => {
    server = await startModelFileServer({ repos: { [repo]: { [fileName]: Buffer.from('<html>login required</html>') } } });
    const modelsDir = await tempDir();
    const manager = new DownloadManager({ modelsDir, onState: () => {}, env: { HF_ENDPOINT: server.endpoint } });
    expect(await manager.start(id)).toMatchObject({ state: 'failed', error: expect.stringMatching(/not a usable model/) });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('says so when the server cannot be reached', async () => {
    const manager = new DownloadManager({ modelsDir: await tempDir(), onState: () => {}, env: { HF_ENDPOINT: 'http://127.0.0.1:9' } });
    const final = await manager.start(id);
    expect(final.state).toBe('failed');
    expect(final.error).toMatch(/Download failed/);
  }, 60_000);
});

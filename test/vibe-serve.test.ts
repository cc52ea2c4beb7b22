import { createServer } from 'node:net';
import { join } from 'node:path';
import { writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from './helpers/temp-dir';
import { runVibe, stubRendererBuild, waitForOutput as waitFor, type VibeRun as Run } from './helpers/run-vibe';

describe('vibe serve (real process)', () => {
  const tempDir = useTempDirs();
  const running: Run[] = [];
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill('SIGKILL');
  });

  const rendererBuild = async () => stubRendererBuild(await tempDir());

  it('prints a tokened URL, serves it, and stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir();
    const run = runVibe(['serve', '--port', '0', '--data-dir', dataDir], { VIBE_RENDERER_DIR: await rendererBuild() });
    running.push(run);
    const [, url] = await waitFor(run, /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
    expect(run.stdout).toContain(`Data: ${dataDir}`);
    const entry = await fetch(url ?? '', { redirect: 'manual' });
    expect(entry.status).toBe(303);
    const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(new URL('/', url), { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('stub build');
    expect((await fetch((url ?? '').replace(/\?token=.*/, ''))).status).toBe(401);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('fails with one line naming the port when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = runVibe(['serve', '--port', String(port), '--data-dir', await tempDir()], { VIBE_RENDERER_DIR: await rendererBuild() });
      running.push(run);
      expect(await run.exit).toBe(1);
      expect(run.stderr.trim()).toBe(`vibe serve: Port ${port} on 127.0.0.1 is already in use. Stop the other program or choose another port with --port.`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a LAN address without --allow-remote, and warns with it', async () => {
    const renderer = await rendererBuild();
    const refused = runVibe(['serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', await tempDir()], { VIBE_RENDERER_DIR: renderer });
    running.push(refused);
    expect(await refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/--allow-remote/);
    const allowed = runVibe(['serve', '--host', '0.0.0.0', '--allow-remote', '--port', '0', '--data-dir', await tempDir()], { VIBE_RENDERER_DIR: renderer });
    running.push(allowed);
    await waitFor(allowed, /Open: /);
    expect(allowed.stderr).toMatch(/^warning: listening on 0\.0\.0\.0/);
  });

  it('--model loads a model at start (with its context size) and says so; a missing file is refused before serving', async () => {
    const dataDir = await tempDir();
    const model = await writeTinyModel(join(dataDir, 'elsewhere', 'tiny.gguf'));
    const run = runVibe(['serve', '--port', '0', '--data-dir', dataDir, '--model', model, '--context-size', '1024'], { VIBE_RENDERER_DIR: await rendererBuild() });
    running.push(run);
    const [, url] = await waitFor(run, /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
    await waitFor(run, /Model ready: VibeThinker Tiny Test · \w+ · \d+\/\d+ layers on GPU · context 1024/);
    const token = new URL(url ?? '').searchParams.get('token') ?? '';
    const models = await fetch(new URL('/v1/models', url), { headers: { Authorization: `Bearer ${token}` } });
    expect(((await models.json()) as { data: { id: string }[] }).data.map((m) => m.id)).toEqual(['tiny']);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);

    const missing = runVibe(['serve', '--port', '0', '--data-dir', dataDir, '--model', join(dataDir, 'nope.gguf')], { VIBE_RENDERER_DIR: await rendererBuild() });
    running.push(missing);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr).toContain('--model: no file at');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from './helpers/temp-dir';

const repo = join(import.meta.dirname, '..');
const vibe = join(repo, 'bin', 'vibe.mjs');

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

/** Runs the real `vibe` binary as a user would. */
function runVibe(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [vibe, ...args], { cwd: '/', env: { ...process.env, ...env } });
  const run: Run = { child, stdout: '', stderr: '', exit: new Promise((r) => child.on('exit', (code) => r(code))) };
  child.stdout?.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (run.stderr += d.toString()));
  return run;
}

async function waitFor(run: Run, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = run.stdout.match(pattern);
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no ${pattern} in:\n${run.stdout}\n${run.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('vibe serve (real process)', () => {
  const tempDir = useTempDirs();
  const running: Run[] = [];
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill('SIGKILL');
  });

  async function rendererBuild(): Promise<string> {
    const dir = join(await tempDir(), 'renderer');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>stub build</title>');
    return dir;
  }

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
});

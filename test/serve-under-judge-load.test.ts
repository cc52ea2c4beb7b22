import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { descendants, stillRunning } from './helpers/descendants';
import { runVibe, waitForOutput, type VibeRun } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

/**
 * Web mode with hostile solutions in flight (a real `vibe serve` process):
 * judging never holds up the other API calls, and SIGTERM stops the server
 * within seconds, killing the sandboxes of the runs still going.
 */
describe('vibe serve while solutions misbehave', () => {
  const tempDir = useTempDirs();
  const running: VibeRun[] = [];
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill('SIGKILL');
  });

  async function serve() {
    const renderer = join(await tempDir(), 'renderer');
    await mkdir(renderer, { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>stub</title>');
    const token = 'judge-load-token';
    const run = runVibe(['serve', '--port', '0', '--data-dir', await tempDir(), '--companion-port', '0'], { VIBE_RENDERER_DIR: renderer, VIBE_TOKEN: token });
    running.push(run);
    const [, base] = await waitForOutput(run, /Open: (http:\/\/127\.0\.0\.1:\d+)\//);
    const call = async (method: string, input?: unknown) => {
      const response = await fetch(`${base}/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    };
    return { run, call };
  }

  async function longProblem(call: (method: string, input?: unknown) => Promise<{ value?: unknown }>) {
    const saved = await call('saveProblem', { id: 'slow', name: 'slow', timeLimit: 60_000, memoryLimit: 256, tests: [{ input: '', output: '' }], statement: '', importedAt: new Date().toISOString() });
    return (saved.value as { id: string }).id;
  }

  it('other API calls answer at once while every sandbox is busy with blocking solutions', async () => {
    const { call } = await serve();
    const problemId = await longProblem(call);
    // More blocking runs than the server has sandbox slots (one per core, two at least): the rest wait
    // their turn, off the event loop. (A FIFO where output used to be read once wedged the server too.)
    const slots = Math.max(2, availableParallelism());
    const blockers = Array.from({ length: slots + 2 }, () => call('runCustom', { code: 'import os, time\nos.mkfifo("stdout.txt")\ntime.sleep(30)', input: '', problemId }));
    await new Promise((r) => setTimeout(r, 1000));
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const info = await call('getAppInfo');
      expect(info.ok).toBe(true);
      expect(performance.now() - started).toBeLessThan(1000);
      const problems = await call('listProblems');
      expect(problems.ok).toBe(true);
    }
    void Promise.allSettled(blockers);
  });

  it('SIGTERM stops the server within seconds and kills the runs in flight', async () => {
    const { run, call } = await serve();
    const problemId = await longProblem(call);
    const inFlight = call('runCustom', { code: 'import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(100)', input: '', problemId }).catch(() => null);
    const pid = run.child.pid ?? 0;
    // vibe serve itself has no children until a sandbox starts.
    await expect.poll(() => descendants(pid).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const sandbox = descendants(pid);
    const started = performance.now();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(performance.now() - started).toBeLessThan(6000);
    // Had they outlived the server, they would now belong to another parent: look them up by pid.
    await expect.poll(() => stillRunning(sandbox), { timeout: 3000 }).toEqual([]);
    await inFlight;
  });
});

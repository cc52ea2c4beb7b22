import { mkdir, writeFile } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface VibeRun {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

/** Runs the real `vibe` binary as a user would, from `/` so nothing depends on the cwd. */
export function runVibe(args: string[], env: NodeJS.ProcessEnv = {}): VibeRun {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vibe.mjs'), ...args], { cwd: '/', env: { ...process.env, ...env } });
  const run: VibeRun = { child, stdout: '', stderr: '', exit: new Promise((r) => child.on('exit', (code) => r(code))) };
  child.stdout?.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (run.stderr += d.toString()));
  return run;
}

/** Waits until stdout matches, failing with both streams if the process ends first. */
export async function waitForOutput(run: VibeRun, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = run.stdout.match(pattern);
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no ${pattern} in:\n${run.stdout}\n${run.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A stand-in for the built UI in `<dir>/renderer` (just an index.html), for `VIBE_RENDERER_DIR`: the server tests need a page, not the app. */
export async function stubRendererBuild(dir: string): Promise<string> {
  const renderer = join(dir, 'renderer');
  await mkdir(renderer, { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>stub build</title>');
  return renderer;
}

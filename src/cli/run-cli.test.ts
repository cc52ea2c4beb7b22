import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import type { CliIo } from './command';
import { main } from './run-cli';

function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('vibe (in process)', () => {
  const tempDir = useTempDirs();

  it('prints help listing the commands', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/serve\s+serve the workbench/);
    expect(await main([], captureIo())).toBe(2);
  });

  it('rejects an unknown command with one line and exit code 2', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toEqual(['vibe: unknown command "frobnicate". Run `vibe --help` to see the commands.']);
  });

  it('reports a bad option as one line without a stack trace', async () => {
    const io = captureIo();
    expect(await main(['info', '--colour'], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^vibe info: Unknown option '--colour'/);
  });

  it('prints a stack only with --verbose', async () => {
    const io = captureIo();
    expect(await main(['info', '--colour', '--verbose'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/\n\s+at /);
  });

  it('uses --data-dir for info, and the desktop default otherwise', async () => {
    const dir = await tempDir();
    const io = captureIo();
    expect(await main(['info', '--json', '--data-dir', dir], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ dataDir: dir, modelsDir: `${dir}/models`, settings: { theme: 'system' } });
    const fallback = captureIo({ XDG_CONFIG_HOME: dir });
    expect(await main(['info', '--json'], fallback)).toBe(0);
    expect(JSON.parse(fallback.stdout.join('\n')).dataDir).toBe(`${dir}/VibeThinker Workbench`);
  });

  it('validates option values before starting anything', async () => {
    const io = captureIo();
    expect(await main(['serve', '--port', 'abc'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/--port must be a number/);
  });
});

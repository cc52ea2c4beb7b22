import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../e2e/environment';

/**
 * Starts `vibe serve` on a free port over `dataDir` (models in `<dataDir>/models`), as the benchmarks and the
 * screenshot script need it, and resolves with the address it prints (with its token) once it listens.
 */
export async function startWebMode(dataDir: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [join(repoRoot, 'bin', 'vibe.mjs'), 'serve', '--port', '0', '--data-dir', dataDir, '--models-dir', join(dataDir, 'models')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error(`vibe serve ended before it listened:\n${out}`)));
  });
  return { url, server };
}

/**
 * `npm run bench:cli`
 *
 * Start-up time of the `vibe` command as built with the app (out/main/cli.js)
 * against the sources run through tsx, and a bare `node -e 1`, measured side
 * by side in one run (median of 7 alternating runs each). Target: `vibe
 * --help` and `vibe info` under 300 ms built.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e/environment';

const dataDir = await mkdtemp(join(tmpdir(), 'vibe-bench-cli-'));
const vibe = join(repoRoot, 'bin', 'vibe.mjs');
const cases = [
  { name: 'node -e 1', args: ['-e', '1'], env: {} },
  { name: 'vibe --help (built)', args: [vibe, '--help'], env: { VIBE_CLI: 'built' } },
  { name: 'vibe --help (tsx)', args: [vibe, '--help'], env: { VIBE_CLI: 'source' } },
  { name: 'vibe info (built)', args: [vibe, 'info', '--data-dir', dataDir], env: { VIBE_CLI: 'built' } },
  { name: 'vibe info (tsx)', args: [vibe, 'info', '--data-dir', dataDir], env: { VIBE_CLI: 'source' } },
];
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let run = 0; run < 7; run++) {
  for (const c of cases) {
    const started = performance.now();
    const result = spawnSync(process.execPath, c.args, { env: { ...process.env, ...c.env }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${c.name} exited with ${result.status}: ${result.stderr}`);
    times.get(c.name)?.push(performance.now() - started);
  }
}
await rm(dataDir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const bare = median(times.get('node -e 1') ?? []);
let pass = true;
for (const c of cases) {
  const ms = median(times.get(c.name) ?? []);
  const target = c.name.endsWith('(built)') ? (ms < 300 ? ' · target < 300 ms PASS' : ' · target < 300 ms FAIL') : '';
  if (c.name.endsWith('(built)') && ms >= 300) pass = false;
  console.log(`${c.name.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms  (×${(ms / bare).toFixed(1)} a bare node)${target}`);
}
const built = median(times.get('vibe --help (built)') ?? []);
const source = median(times.get('vibe --help (tsx)') ?? []);
console.log(`\nbuilt vs tsx for --help: ×${(source / built).toFixed(1)} faster`);
process.exitCode = pass ? 0 : 1;

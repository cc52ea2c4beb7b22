/**
 * Web-mode cold start, measured as a user meets it: `vibe serve` spawned with
 * a fresh data dir, then a fresh browser context opens the printed address.
 * Prints the median of several runs. Usage: `npm run bench:startup [-- runs]`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, repoRoot } from '../e2e/environment';

const runs = Number(process.argv[2] ?? 5);

interface Sample {
  serverReady: number;
  firstPaint: number;
  editorReady: number;
  total: number;
}

async function once(browser: import('@playwright/test').Browser): Promise<Sample> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vibe-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vibe.mjs'), 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/Open: (\S+)/);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(out)));
    });
    const serverReady = performance.now() - t0;
    const context = await browser.newContext();
    const page = await context.newPage();
    const navStart = performance.now();
    await page.goto(url);
    await page.locator('.monaco-editor').waitFor();
    const editorReady = performance.now() - navStart;
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    await context.close();
    return { serverReady, firstPaint, editorReady, total: serverReady + firstPaint };
  } finally {
    child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const samples: Sample[] = [];
for (let i = 0; i < runs; i++) samples.push(await once(browser));
await browser.close();

const row = (label: string, key: keyof Sample) => console.log(`${label.padEnd(44)} ${median(samples.map((s) => s[key])).toFixed(0).padStart(6)} ms`);
console.log(`web-mode cold start, median of ${runs} runs`);
row('vibe serve spawned → address printed', 'serverReady');
row('page opened → first contentful paint', 'firstPaint');
row('page opened → Monaco editor shown', 'editorReady');
row('cold start to first paint (spawn → FCP)', 'total');

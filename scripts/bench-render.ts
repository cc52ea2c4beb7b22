/**
 * `npm run bench:render [-- --tokens 40000] [--rate-ms 25] [--batch 100]`
 *
 * Streams a long transcript with math into the real reasoning view in
 * Chromium (web mode, the tiny model loaded so the UI is live), at a fixed
 * rate, as `generationDelta` events on the app's own WebSocket. Measures the
 * main thread's task time per delta with the Chrome DevTools Protocol, and
 * prints: cost per delta over the last 1,000 tokens ÷ the first 1,000
 * (target ≤ 1.5), the longest task (target < 50 ms), and render time per
 * 1,000 tokens.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, repoRoot } from '../e2e/environment';
import { answerTranscript, reasoningTranscript, tokenPieces } from '../e2e/support/transcript';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';

const { values } = parseArgs({ options: { tokens: { type: 'string', default: '40000' }, 'rate-ms': { type: 'string', default: '25' }, batch: { type: 'string', default: '100' } } });
const targetTokens = Number(values.tokens);
const rateMs = Number(values['rate-ms']);
const batchSize = Number(values.batch);

// A transcript of about `targetTokens` token-sized pieces.
let paragraphs = 10;
while (tokenPieces(reasoningTranscript(paragraphs)).length < targetTokens - 200) paragraphs += 10;
const pieces = [...tokenPieces(reasoningTranscript(paragraphs)).map((p) => ({ reasoning: p, answer: '' })), ...tokenPieces(answerTranscript).map((p) => ({ reasoning: '', answer: p }))].slice(0, targetTokens);

const work = await mkdtemp(join(tmpdir(), 'vibe-bench-render-'));
await writeTinyModel(join(work, 'models', 'tiny.gguf'));
const server = spawn(process.execPath, [join(repoRoot, 'bin', 'vibe.mjs'), 'serve', '--port', '0', '--data-dir', work, '--models-dir', join(work, 'models')], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /Open: (\S+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  server.on('exit', () => reject(new Error(out)));
});

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const wire: { send?: (m: unknown) => void } = {};
  await page.routeWebSocket('**/api/events', (ws) => {
    ws.connectToServer();
    wire.send = (m) => ws.send(JSON.stringify(m));
  });
  let id = '';
  await page.route('**/api/call/generate', async (route) => {
    id = (route.request().postDataJSON() as { input: { id: string } }).input.id;
    await route.fulfill({ json: { ok: true, value: { id } } });
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('model-state').and(page.locator('[data-state="ready"]')).waitFor();
  await page.getByRole('button', { name: 'Workbench' }).click();
  await page.getByLabel('Problem statement').fill('Benchmark');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  while (!id) await page.waitForTimeout(10);

  await page.evaluate(() => {
    const w = window as unknown as { longest: number; longTasks: [number, number][] };
    w.longest = 0;
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.longest = Math.max(w.longest, e.duration);
        w.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }
    }).observe({ type: 'longtask' as PerformanceObserverInit['type'], buffered: false });
    performance.clearMeasures('stream-render');
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);

  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  const costs: { tokensBefore: number; ms: number }[] = [];
  let previous = await taskSeconds();
  for (let i = 0; i < pieces.length; i += batchSize) {
    const batch = pieces.slice(i, i + batchSize);
    wire.send?.({ type: 'event', name: 'generationDelta', payload: { id, reasoning: batch.map((b) => b.reasoning).join(''), answer: batch.map((b) => b.answer).join(''), completionTokens: i + batch.length } });
    await page.waitForTimeout(rateMs);
    if (process.env.BENCH_NO_FOLLOW && i === batchSize * 5) await page.getByTestId('reasoning-scroll').evaluate((el) => (el.scrollTop = 0));
    const now = await taskSeconds();
    costs.push({ tokensBefore: i, ms: (now - previous) * 1000 });
    previous = now;
  }
  if (process.env.BENCH_TRACE) {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; dur?: number; ts: number; tid: number; args?: unknown }[] };
    const long = trace.traceEvents.filter((e) => (e.dur ?? 0) > 30_000).map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}ms tid ${e.tid}`);
    console.log(long.slice(0, 60).join('\n'));
  }
  const result = await page.evaluate(() => {
    const renders = performance.getEntriesByName('stream-render').map((e) => e.duration);
    const w = window as unknown as { longest: number; longTasks: [number, number][] };
    return { renders, longest: w.longest, longTasks: w.longTasks, now: Math.round(performance.now()), katex: document.querySelectorAll('.katex').length, errors: document.querySelectorAll('.katex-error').length };
  });

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const first = mean(costs.filter((c) => c.tokensBefore < 1000).map((c) => c.ms));
  const last = mean(costs.filter((c) => c.tokensBefore >= pieces.length - 1000).map((c) => c.ms));
  const renderTotal = result.renders.reduce((a, b) => a + b, 0);
  const longestRender = Math.max(...result.renders);
  console.log(`streamed ${pieces.length} tokens in deltas of ${batchSize} every ${rateMs} ms · ${result.katex} formulas rendered · ${result.errors} KaTeX errors`);
  console.log(`main-thread time per delta: first 1,000 tokens ${first.toFixed(2)} ms · last 1,000 tokens ${last.toFixed(2)} ms`);
  console.log(`ratio last/first: ${(last / first).toFixed(2)} (target ≤ 1.5) ${last / first <= 1.5 ? 'PASS' : 'FAIL'}`);
  const longest = Math.max(result.longest, longestRender);
  console.log(`longest task: ${result.longest > 0 ? `${result.longest.toFixed(1)} ms (long task)` : 'no task over 50 ms'}; longest render frame ${longestRender.toFixed(1)} ms (target < 50 ms) ${longest < 50 ? 'PASS' : 'FAIL'}`);
  if (process.env.BENCH_DEBUG) console.log('long tasks [start, ms]:', JSON.stringify(result.longTasks), 'now', result.now);
  console.log(`render time per 1,000 tokens: ${((renderTotal / pieces.length) * 1000).toFixed(1)} ms (${result.renders.length} frames)`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}

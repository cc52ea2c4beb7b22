/**
 * `npm run bench:render [-- --tokens 40000] [--rate-ms 25] [--batch 100] [--turns 3]`
 *
 * Streams a long transcript with math into the real conversation view in
 * Chromium (web mode, the tiny model loaded so the UI is live), at a fixed
 * rate, as `generationDelta` events on the app's own WebSocket. With
 * `--turns N`, the session already holds N − 1 saved turns of the same
 * length, opened from the sidebar first (that opening is measured too), and
 * the streamed answer is turn N. Measures the main thread's task time per
 * delta with the Chrome DevTools Protocol, and prints: cost per delta over
 * the last 1,000 tokens ÷ the first 1,000 (target ≤ 1.5), the longest task
 * (target < 50 ms), and render time per 1,000 tokens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/environment';
import { answerTranscript, reasoningTranscript, tokenPieces } from '../e2e/support/transcript';
import { writeTinyModel } from '../test/fixtures/tiny-model/tiny-model';
import { sampleSession } from '../test/fixtures/sample-session';
import { SessionStore } from '../src/core/sessions/session-store';
import { startWebMode } from './web-mode';

const { values } = parseArgs({ options: { tokens: { type: 'string', default: '40000' }, 'rate-ms': { type: 'string', default: '25' }, batch: { type: 'string', default: '100' }, turns: { type: 'string', default: '1' } } });
const targetTokens = Number(values.tokens);
const turns = Math.max(1, Number(values.turns));
const rateMs = Number(values['rate-ms']);
const batchSize = Number(values.batch);

// A transcript of about `targetTokens` token-sized pieces.
let paragraphs = 10;
while (tokenPieces(reasoningTranscript(paragraphs)).length < targetTokens - 200) paragraphs += 10;
const pieces = [...tokenPieces(reasoningTranscript(paragraphs)).map((p) => ({ reasoning: p, answer: '' })), ...tokenPieces(answerTranscript).map((p) => ({ reasoning: '', answer: p }))].slice(0, targetTokens);

const work = await mkdtemp(join(tmpdir(), 'vibe-bench-render-'));
await writeTinyModel(join(work, 'models', 'tiny.gguf'));
const reasoningText = pieces.map((p) => p.reasoning).join('');
const answerText = pieces.map((p) => p.answer).join('');
if (turns > 1) await saveEarlierTurns(work, turns - 1, reasoningText, answerText);
const { url, server } = await startWebMode(work);

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const wire: { send?: (m: unknown) => void } = {};
  await page.routeWebSocket('**/api/events', (ws) => {
    ws.connectToServer();
    wire.send = (m) => ws.send(JSON.stringify(m));
  });
  // The turn is asked up to the server's door; its answer comes from here, at the set rate.
  let id = '';
  await page.route('**/api/call/askSession', async (route) => {
    id = (route.request().postDataJSON() as { input: { generationId: string } }).input.generationId;
    await route.fulfill({ json: { ok: true, value: { turnId: `bench-${id}`, generationId: id, pick: 'lastPython' } } });
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Models' }).click();
  await page.getByTestId('model-row').getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('model-state').and(page.locator('[data-state="ready"]')).waitFor();
  await page.getByRole('button', { name: 'Workbench' }).click();
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
  });
  let openMs = 0;
  if (turns > 1) {
    const started = Date.now();
    await page.getByTestId('session-item').getByRole('button', { name: /Benchmark/ }).click();
    await page.getByTestId('turn').nth(turns - 2).getByTestId('generation-stats').waitFor();
    openMs = Date.now() - started;
  } else {
    await page.getByLabel('Problem statement').fill('Benchmark');
  }
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  while (!id) await page.waitForTimeout(10);
  await page.evaluate(() => performance.clearMeasures('stream-render'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);

  // BENCH_PROFILE=<tokens>: a CPU profile from that many tokens on (0: all of it).
  const profileFrom = process.env.BENCH_PROFILE ? Number(process.env.BENCH_PROFILE) : null;
  if (profileFrom !== null) await cdp.send('Profiler.enable');
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  const costs: { tokensBefore: number; ms: number }[] = [];
  let previous = await taskSeconds();
  for (let i = 0; i < pieces.length; i += batchSize) {
    const batch = pieces.slice(i, i + batchSize);
    if (profileFrom !== null && i === Math.floor(profileFrom / batchSize) * batchSize) await cdp.send('Profiler.start');
    wire.send?.({ type: 'event', name: 'generationDelta', payload: { id, reasoning: batch.map((b) => b.reasoning).join(''), answer: batch.map((b) => b.answer).join(''), completionTokens: i + batch.length } });
    await page.waitForTimeout(rateMs);
    if (process.env.BENCH_NO_FOLLOW && i === batchSize * 5) await page.getByTestId('reasoning-scroll').evaluate((el) => (el.scrollTop = 0));
    const now = await taskSeconds();
    costs.push({ tokensBefore: i, ms: (now - previous) * 1000 });
    previous = now;
  }
  if (profileFrom !== null) printProfile((await cdp.send('Profiler.stop')).profile);
  if (process.env.BENCH_TRACE) {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; dur?: number; ts: number; tid: number; args?: unknown }[] };
    // The renderer's main thread is the one that lays out and runs script; its time by kind of work.
    const tasks = new Map<number, number>();
    for (const e of trace.traceEvents) if (e.name === 'Layout' || e.name === 'FunctionCall') tasks.set(e.tid, (tasks.get(e.tid) ?? 0) + 1);
    const main = [...tasks].sort((a, b) => b[1] - a[1])[0]?.[0];
    const byName = new Map<string, number>();
    for (const e of trace.traceEvents) if (e.tid === main && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
    console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([n, d]) => `${(d / 1000).toFixed(0).padStart(7)} ms  ${n}`).join('\n'));
    const styles = trace.traceEvents.filter((e) => e.tid === main && e.name === 'UpdateLayoutTree' && e.dur);
    const counts = styles.map((e) => (e.args as { elementCount?: number } | undefined)?.elementCount ?? 0).sort((a, b) => a - b);
    console.log(`style recalcs: ${styles.length}, elements per recalc: median ${counts[counts.length >> 1] ?? 0}, max ${counts.at(-1) ?? 0}`);
    // Each task over 50 ms, with what took its time.
    const mainEvents = trace.traceEvents.filter((e) => e.tid === main && e.dur);
    for (const task of mainEvents.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)) {
      const inside = new Map<string, number>();
      for (const e of mainEvents) if (e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && e.name !== 'RunTask') inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0));
      const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`);
      console.log(`task ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${parts.join(', ')}`);
    }
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
  if (turns > 1) console.log(`opened a session of ${turns - 1} saved turns of ${pieces.length} tokens each in ${openMs} ms; streaming turn ${turns}`);
  console.log(`streamed ${pieces.length} tokens in deltas of ${batchSize} every ${rateMs} ms · ${result.katex} formulas in the document at the end (pages far off screen are collapsed to their source) · ${result.errors} KaTeX errors`);
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

/** A session whose thread already holds `count` long turns, as core saves them. */
async function saveEarlierTurns(dataDir: string, count: number, reasoning: string, answer: string): Promise<void> {
  const base = sampleSession('bench-thread', { title: 'Benchmark thread', problem: { ...sampleSession().problem, statement: 'Benchmark' }, codeHistory: [], lastReport: null });
  const first = base.thread[0];
  if (!first) throw new Error('the sample session has no turn');
  const thread = Array.from({ length: count }, (_, i) => ({ ...first, id: `bench-t${i + 1}`, kind: i === 0 ? ('ask' as const) : ('followUp' as const), text: i === 0 ? 'Benchmark' : `Follow-up ${i}`, reasoning, answer, codeVersion: null, stats: { ...first.stats!, completionTokens: pieces.length } }));
  await new SessionStore(dataDir).save({ ...base, thread });
}

/** The functions with the most self time in a CPU profile (a developer's aid: BENCH_PROFILE). */
function printProfile(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, us] of top) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

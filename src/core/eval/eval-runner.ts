import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { EvalItem, EvalSample } from '../../shared/eval';
import { EvalSampleSchema } from '../../shared/eval';
import type { ReasoningState, Sampling } from '../../shared/generation';
import type { Template } from '../../shared/templates';
import { judge } from '../runner/judge';
import { renderTemplate } from '../templates/render-template';
import { writeFileAtomic } from '../storage/atomic-write';
import { extractFinalAnswer, answersEqual } from './math-grader';
import { summarize, type EvalSummary } from './metrics';
import { evalReportHtml } from './eval-report';
import { extractCode, sampleTestsText } from '../../shared/prompt-pieces';

/** One generation, whatever the backend (embedded model or remote server). */
export type Generate = (request: { system: string | null; user: string; sampling: Sampling; signal: AbortSignal }) => Promise<{
  reasoning: string;
  answer: string;
  /** Where the reasoning block stood at the end; without it the answer is graded as it is. */
  reasoningState?: ReasoningState;
  completionTokens: number;
  truncated: boolean;
  error: string | null;
}>;

export interface EvalProgress {
  problemsDone: number;
  problems: number;
  samplesDone: number;
  samples: number;
  /** Completion tokens per second over the last minute of this run. */
  tokensPerSecond: number;
  etaSeconds: number | null;
}

export interface EvalRunOptions {
  items: EvalItem[];
  /** The set's text, for the resume check (a different set must not continue an old run). */
  setText: string;
  template: Template;
  samples: number;
  concurrency: number;
  sampling: Sampling;
  outDir: string;
  generate: Generate;
  python?: string | null;
  onProgress?: (progress: EvalProgress) => void;
  signal?: AbortSignal;
}


/**
 * Runs every problem `samples` times with `concurrency` requests in flight,
 * grades each sample as it finishes and appends it to `samples.jsonl`
 * (flushed to disk before the next), so a crash loses nothing finished and a
 * rerun with the same `outDir` continues where it stopped. At the end:
 * `summary.json` and the self-contained `report.html`.
 */
export async function runEval(options: EvalRunOptions): Promise<EvalSummary> {
  const { items, outDir } = options;
  await mkdir(outDir, { recursive: true });
  const config = {
    set: createHash('sha256').update(options.setText).digest('hex'),
    template: options.template.id,
    samples: options.samples,
    sampling: options.sampling,
  };
  const configPath = join(outDir, 'run.json');
  const previous = await readFile(configPath, 'utf8').then((t) => JSON.parse(t) as typeof config, () => null);
  if (previous && JSON.stringify(previous) !== JSON.stringify(config)) {
    throw new WorkbenchError('ValidationError', 'different_run', `${outDir} holds a run with a different set, template, sample count or sampling; choose another --out to start a new one.`);
  }
  if (!previous) await writeFileAtomic(configPath, JSON.stringify(config, null, 2));

  const samplesPath = join(outDir, 'samples.jsonl');
  const done = await readSamples(samplesPath);
  const key = (itemId: string, sample: number) => `${itemId}\u0000${sample}`;
  const finished = new Set(done.map((s) => key(s.itemId, s.sample)));
  const tasks = items.flatMap((item) => Array.from({ length: options.samples }, (_, sample) => ({ item, sample }))).filter((t) => !finished.has(key(t.item.id, t.sample)));

  const file = await open(samplesPath, 'a');
  const results = [...done];
  // Samples finished per problem, kept as they finish (progress is reported after every sample).
  const perItem = new Map<string, number>();
  for (const s of done) perItem.set(s.itemId, (perItem.get(s.itemId) ?? 0) + 1);
  const started = performance.now();
  const recent: { at: number; tokens: number }[] = [];
  const total = items.length * options.samples;
  const report = () => {
    const now = performance.now();
    while (recent.length && now - (recent[0]?.at ?? now) > 60_000) recent.shift();
    const windowTokens = recent.reduce((sum, r) => sum + r.tokens, 0);
    const windowSeconds = recent.length ? Math.max(1, (now - (recent[0]?.at ?? now)) / 1000) : 0;
    const ranHere = results.length - done.length;
    const remaining = total - results.length;
    const perSample = ranHere > 0 ? (now - started) / 1000 / ranHere : null;
    options.onProgress?.({
      problemsDone: items.filter((item) => (perItem.get(item.id) ?? 0) >= options.samples).length,
      problems: items.length,
      samplesDone: results.length,
      samples: total,
      tokensPerSecond: windowSeconds > 0 ? windowTokens / windowSeconds : 0,
      etaSeconds: perSample === null ? null : remaining * perSample,
    });
  };
  report();
  try {
    let next = 0;
    const worker = async () => {
      while (next < tasks.length && !options.signal?.aborted) {
        const task = tasks[next++];
        if (!task) break;
        const sample = await runSample(task.item, task.sample, options);
        if (options.signal?.aborted && sample.error) break;
        await file.appendFile(`${JSON.stringify(sample)}\n`);
        await file.sync();
        results.push(sample);
        perItem.set(sample.itemId, (perItem.get(sample.itemId) ?? 0) + 1);
        recent.push({ at: performance.now(), tokens: sample.completionTokens });
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await file.close();
  }
  const summary = summarize(items, results, options.samples, (performance.now() - started) / 1000);
  await writeFileAtomic(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2));
  await writeFileAtomic(join(outDir, 'report.html'), evalReportHtml(summary, { title: `Evaluation: ${options.template.name}`, sampling: options.sampling }, results.map((s) => s.completionTokens)));
  return summary;
}

async function runSample(item: EvalItem, sample: number, options: EvalRunOptions): Promise<EvalSample> {
  const tests = item.kind === 'code' ? sampleTestsText(item.tests) : '';
  const prompt = renderTemplate(options.template, { problem: item.problem, language: 'Python 3', code: '', tests });
  const startedAt = performance.now();
  const base = { itemId: item.id, sample, prompt: prompt.user };
  let generated: Awaited<ReturnType<Generate>>;
  try {
    generated = await options.generate({ system: prompt.system, user: prompt.user, sampling: options.sampling, signal: options.signal ?? new AbortController().signal });
  } catch (err) {
    generated = { reasoning: '', answer: '', completionTokens: 0, truncated: false, error: errorMessage(err) };
  }
  const durationMs = performance.now() - startedAt;
  const common = { ...base, reasoning: generated.reasoning, answer: generated.answer, completionTokens: generated.completionTokens, truncated: generated.truncated, durationMs };
  const unclosed = unclosedReasoning(generated.reasoningState);
  if (unclosed) return { ...common, extracted: null, correct: false, verdict: null, error: generated.error ?? unclosed };
  if (item.kind === 'math') {
    const extracted = extractFinalAnswer(generated.answer);
    return { ...common, extracted, correct: extracted !== null && answersEqual(extracted, item.answer), verdict: null, error: generated.error };
  }
  const code = extractCode(generated.answer, 'lastPython');
  if (code === null) return { ...common, extracted: null, correct: false, verdict: null, error: generated.error ?? 'no Python code block in the answer' };
  const verdict = await judge(code, { name: item.id, tests: item.tests, timeLimit: item.timeLimit, memoryLimit: item.memoryLimit }, { python: options.python ?? null, signal: options.signal }).then(
    (r) => r.verdict,
    (err: unknown) => `error: ${errorMessage(err)}`,
  );
  return { ...common, extracted: null, correct: verdict === 'AC', verdict, error: generated.error };
}

/**
 * Why a sample has no answer to grade, or null. As the official scorer does, only what follows
 * `</think>` is graded, and a sample where `</think>` never appeared scores 0: reasoning cut by
 * max tokens (or the model ending inside it), and output that opened no reasoning block at all,
 * even if it holds a `\boxed{}` (the splitter calls that text the answer; the scorer does not).
 */
function unclosedReasoning(state: ReasoningState | undefined): string | null {
  if (state === 'open') return 'the reasoning never closed (no </think>), so there is no answer to grade';
  if (state === 'none') return 'no reasoning block (no </think>): scored 0, as the official scorer does';
  return null;
}

/** Finished samples of an earlier run; a line cut by a crash (the last one) is ignored. */
async function readSamples(path: string): Promise<EvalSample[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const samples: EvalSample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = EvalSampleSchema.safeParse(JSON.parse(line));
      if (parsed.success) samples.push(parsed.data);
    } catch {
      // A torn last line: that sample runs again.
    }
  }
  // A torn line must not glue onto the next appended one.
  if (text.length > 0 && !text.endsWith('\n')) await writeFile(path, `${samples.map((s) => JSON.stringify(s)).join('\n')}\n`);
  return samples;
}

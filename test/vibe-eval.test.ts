import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

/**
 * `vibe eval` end to end on the tiny model, as a real process. The scripted
 * model always answers `\boxed{4}` (or, for code, a fixed program), so the
 * counts are known: what is checked is the grading, the metrics, the files,
 * resuming, and the code judge.
 */
describe('vibe eval (real process, tiny model)', () => {
  const tempDir = useTempDirs();

  const lines = (items: object[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`;
  const readSamples = async (dir: string) =>
    (await readFile(join(dir, 'samples.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { itemId: string; sample: number; correct: boolean; extracted: string | null; verdict: string | null; answer: string });

  it('grades a math set like the official scorer, writes samples, summary and report, and resumes after a kill', async () => {
    const dir = await tempDir();
    const model = await writeTinyModel(join(dir, 'math.gguf'), { script: vibeThinkerScript(20) });
    const set = join(dir, 'math.jsonl');
    await writeFile(set, lines([
      { id: 'four', problem: 'What is 2 + 2?', answer: '4' },
      { id: 'five', problem: 'What is 2 + 3?', answer: 5 },
      { id: 'frac', problem: 'What is 8/2?', answer: '\\frac{8}{2}' },
    ]));
    const out = join(dir, 'run');
    const args = ['eval', set, '--out', out, '--samples', '4', '--concurrency', '1', '--model', model, '--data-dir', join(dir, 'data')];

    // Killed after two samples are on disk…
    const first = runVibe(args);
    for (;;) {
      const done = await readFile(join(out, 'samples.jsonl'), 'utf8').then((t) => t.split('\n').filter(Boolean).length, () => 0);
      if (done >= 2 || first.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    await first.exit;
    const kept = await readSamples(out);
    expect(kept.length).toBeGreaterThanOrEqual(2);

    // …and the same command finishes the job without redoing or losing any sample.
    const second = runVibe(args);
    expect(await second.exit, second.stderr).toBe(0);
    const samples = await readSamples(out);
    expect(samples).toHaveLength(12);
    expect(new Set(samples.map((s) => `${s.itemId}/${s.sample}`)).size).toBe(12);
    expect(samples.slice(0, kept.length)).toEqual(kept);
    for (const s of samples) expect(s.extracted).toBe('4');
    expect(samples.filter((s) => s.correct).map((s) => s.itemId).sort()).toEqual(['four', 'four', 'four', 'four', 'frac', 'frac', 'frac', 'frac']);

    expect(second.stdout).toMatch(/^pass@1 66\.7% · pass@4 66\.7% · majority 66\.7% · truncated 0\.0% · mean \d+ tokens · [\d.]+ tok\/s$/m);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { passAt1: number; perProblem: { id: string; correct: number; majorityAnswer: string }[] };
    expect(summary.passAt1).toBeCloseTo(2 / 3);
    expect(summary.perProblem.map((p) => [p.id, p.correct, p.majorityAnswer])).toEqual([['four', 4, '4'], ['five', 0, '4'], ['frac', 4, '4']]);
    const report = await readFile(join(out, 'report.html'), 'utf8');
    expect(report).toContain('aria-label="Accuracy per problem"');
    expect(report).toContain('aria-label="Answer length distribution"');
    expect(report).toContain('data-metric="pass@1">pass@1 (mean over 4)<strong>66.7%');

    // A different set in the same folder is refused instead of mixed in.
    await writeFile(set, lines([{ id: 'other', problem: 'x', answer: '1' }]));
    const mixed = runVibe(args);
    expect(await mixed.exit).toBe(1);
    expect(mixed.stderr).toMatch(/holds a run with a different set/);
  }, 120_000);

  it('judges code answers with the real runner', async () => {
    const dir = await tempDir();
    // A model whose answer is one Python program that doubles its input.
    const model = await writeTinyModel(join(dir, 'code.gguf'), { script: ['<think>', 'Ġdouble', 'Ġit', '</think>', '```python', 'Ċprint(int(input())*2)', 'Ċ```'] });
    const set = join(dir, 'code.jsonl');
    await writeFile(set, lines([
      { id: 'double', problem: 'Print twice n.', tests: [{ input: '3\n', output: '6\n' }, { input: '10\n', output: '20\n' }], timeLimit: 2000 },
      { id: 'triple', problem: 'Print three times n.', tests: [{ input: '3\n', output: '9\n' }] },
    ]));
    const out = join(dir, 'run');
    const run = runVibe(['eval', set, '--out', out, '--samples', '2', '--concurrency', '2', '--model', model, '--data-dir', join(dir, 'data')]);
    expect(await run.exit, run.stderr).toBe(0);
    const samples = await readSamples(out);
    expect(samples.map((s) => `${s.itemId}:${s.verdict}`).sort()).toEqual(['double:AC', 'double:AC', 'triple:WA', 'triple:WA']);
    expect(run.stdout).toMatch(/^pass@1 50\.0% · pass@2 50\.0% · majority 50\.0%/m);
  }, 120_000);

  it('checks the whole set first and names every bad line; nothing runs', async () => {
    const dir = await tempDir();
    const set = join(dir, 'bad.jsonl');
    await writeFile(set, ['{"id": "a", "problem": "p", "answer": "1"}', '{"id": "b", "problem": "p"', '', '{"id": "a", "problem": "q", "answer": "2"}', '{"id": "c", "problem": "p", "tests": []}', '[1, 2]'].join('\n'));
    const out = join(dir, 'run');
    const run = runVibe(['eval', set, '--out', out, '--data-dir', join(dir, 'data')]);
    expect(await run.exit).toBe(1);
    expect(run.stderr).toContain('line 2: not JSON');
    expect(run.stderr).toContain('line 4: the id "a" is used twice');
    expect(run.stderr).toContain('line 5: not a valid code item: tests');
    expect(run.stderr).toContain('line 6: expected an object');
    expect(run.stderr).not.toContain('line 1');
    await expect(stat(out)).rejects.toThrow();
  });
});

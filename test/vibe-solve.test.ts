import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkedScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

/**
 * A scripted tiny model whose answer forks: the token before the fork is
 * followed by two successors in the script, so sampling picks either, and
 * the N answers differ. Seeds make the run reproducible; the checks hold
 * whichever way each answer went.
 */

interface Candidate { index: number; verdict: string | null; final: string | null; code: string | null; report: { passed: number; total: number } | null }
interface Result { kind: string; candidates: Candidate[]; votes: { answer: string; count: number; share: number }[]; best: number | null }

describe('vibe solve (real processes, tiny scripted model)', () => {
  const tempDir = useTempDirs();

  it('code: 8 answers at once, each judged on the tests, best first; exits 0 when one passed every test', async () => {
    const dir = await tempDir();
    const model = await writeTinyModel(join(dir, 'tiny.gguf'), { script: forkedScript(['```pythonĊprint('], ['3)Ċ```', '4)Ċ```']) });
    const problem = join(dir, 'problem.json');
    await writeFile(problem, JSON.stringify({ name: 'Three', statement: 'Print 3.', timeLimit: 2000, memoryLimit: 256, tests: [{ input: '', output: '3\n' }] }));
    const run = runVibe(['solve', problem, '--samples', '8', '--seed', '7', '--json', '--model', model, '--data-dir', await tempDir()]);
    expect(await run.exit).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.kind).toBe('code');
    expect(result.candidates).toHaveLength(8);
    const verdicts = result.candidates.map((c) => c.verdict);
    expect(new Set(verdicts)).toEqual(new Set(['AC', 'WA']));
    // Sorted by verdict: every accepted answer before every wrong one; the best is accepted.
    expect(verdicts.lastIndexOf('AC')).toBeLessThan(verdicts.indexOf('WA'));
    expect(result.candidates.find((c) => c.index === result.best)?.code).toBe('print(3)\n');
  }, 120_000);

  it('math: answers written as \\frac12 and 0.5 are one vote, and the table says so', async () => {
    const dir = await tempDir();
    const model = await writeTinyModel(join(dir, 'tiny.gguf'), { script: forkedScript(['So', 'Ġthe', 'Ġanswer', 'Ġis'], ['Ġ$\\boxed{\\frac12}$.', 'Ġ$\\boxed{0.5}$.']) });
    const json = runVibe(['solve', 'What is one half?', '--math', '--samples', '8', '--seed', '3', '--json', '--model', model, '--data-dir', await tempDir()]);
    expect(await json.exit).toBe(0);
    const result = JSON.parse(json.stdout) as Result;
    // The finals, \frac12 and 0.5 alike, are one vote. Rarely (1 run in ~20 of the whole suite) one
    // of 8 batched answers ends right after "So the answer is" (the model sampled its end there,
    // which the bigram scripting makes all but impossible: batched arithmetic, not ours); so not
    // every answer must have a final, but one without must have ended by itself, not been cut.
    const finals = result.candidates.filter((c) => c.final !== null);
    expect(finals.length, JSON.stringify(result.candidates.filter((c) => c.final === null)).slice(0, 2000)).toBeGreaterThanOrEqual(7);
    for (const c of result.candidates.filter((x) => x.final === null)) expect(c).toMatchObject({ stopped: false, cut: null, error: null });
    expect(new Set(finals.map((c) => c.final))).toEqual(new Set(['\\frac12', '0.5']));
    expect(result.votes).toHaveLength(1);
    expect(result.votes[0]).toMatchObject({ count: finals.length, share: finals.length / 8 });

    const table = runVibe(['solve', 'What is one half?', '--math', '--samples', '4', '--model', model, '--data-dir', await tempDir()]);
    expect(await table.exit).toBe(0);
    // (The rare early end above may leave 3 of 4 with a final.)
    expect(table.stdout).toMatch(/^answer \| votes \| share\n(\\frac12|0\.5) \| ([34]) \| (100|75)%\n\nMajority: (\\frac12|0\.5) \([34] of 4\)/);
  }, 120_000);

  it('refuses a sample count outside 2 to 16 with the reason', async () => {
    const run = runVibe(['solve', 'x', '--samples', '40', '--data-dir', await tempDir()]);
    expect(await run.exit).toBe(2);
    expect(run.stderr).toContain('--samples must be a whole number from 2 to 16');
  });
});

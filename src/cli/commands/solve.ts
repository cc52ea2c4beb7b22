import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sampleTestsText } from '../../shared/prompt-pieces';
import { cutNote } from '../../shared/solve';
import { solveN, type SolveResult } from '../../core/solve/solve';
import { renderTemplate } from '../../core/templates/render-template';
import { commandCore } from '../command-core';
import { UsageError, type CliCommand } from '../command';
import { dataDirHelp, dataDirOption, integerOption, readStdin } from '../common-options';
import { firstUsableModel } from './ask';
import { readProblem } from './judge';
import { onInterrupt } from '../interrupt';
import { maxTokensLimit } from '../../shared/generation';

export const solveCommand: CliCommand = {
  name: 'solve',
  summary: 'generate N answers at once, judge or vote on them, and print the table',
  usage: `Usage: vibe solve [options] problem.json | "problem text" | -

Asks the model the same problem N times at once (parallel sequences of one
context) and grades every answer: code on the problem's tests, as each answer
ends (best first); math (--math) by its final \\boxed{} answer, grouped by
equivalence into a vote. Exits 0 when a candidate passed every test (code) or
gave a final answer (math), 1 otherwise.

A problem file is Competitive Companion's JSON (tests, limits) with the text in
"statement"; or give the text and the tests apart with --problem.

Options:
  --samples <n>          answers to generate, 2 to 16 (default: 4)
  --problem <file.json>  tests and limits for a problem given as text
  --math                 a math problem: the "Math (as evaluated)" template, answers voted on
  --template <id>        another template (default: cp-python, or math with --math)
  --model <file.gguf>    the model (default: the first usable one in the catalog)
  --max-tokens <n>       longest answer (default: the template's, capped by the context)
  --stop-when-accepted   stop the other answers once one passes every test
  --seed <n>             answer i samples with seed n + i (reproducible)
  --json                 print the result as JSON
${dataDirHelp}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...dataDirOption,
        samples: { type: 'string', default: '4' },
        problem: { type: 'string' },
        math: { type: 'boolean' },
        template: { type: 'string' },
        model: { type: 'string' },
        'max-tokens': { type: 'string' },
        'stop-when-accepted': { type: 'boolean' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const samples = integerOption('--samples', values.samples ?? '4', 2, 16);
    const given = positionals.join(' ');
    if (!given.trim()) throw new UsageError('Give the problem: a problem.json, its text, or - to read the text from stdin.');
    const fromFile = given.endsWith('.json') && existsSync(resolve(given)) ? await readProblem(given, { requireTests: false }) : null;
    const statement = fromFile ? fromFile.statement : given === '-' ? await readStdin() : given;
    if (!statement.trim()) throw new UsageError(`${given} has no "statement": give the problem's text, and the file with --problem.`);
    const problem = fromFile ?? (values.problem ? await readProblem(values.problem, { requireTests: false }) : null);
    const kind = values.math ? 'math' : 'code';

    const core = await commandCore(values['data-dir'], io);
    const pool = core.completionPool(samples);
    try {
      const template = await core.template(values.template ?? (kind === 'math' ? 'math' : 'cp-python'));
      const rendered = renderTemplate(template, { problem: statement, language: 'Python 3', tests: sampleTestsText(problem?.tests ?? []), code: '', feedback: '' });
      const sampling = { ...template.sampling, ...(values['max-tokens'] ? { maxTokens: integerOption('--max-tokens', values['max-tokens'], 1, maxTokensLimit) } : {}) };
      const status = await core.handlers.loadModel({ path: values.model ?? (await firstUsableModel(core)) });
      if (!values.json) io.err(`${status.model?.name} · ${status.backend} · ${samples} answers at once · ${template.name}`);
      const abort = new AbortController();
      const stopListening = onInterrupt(() => abort.abort());
      const started = performance.now();
      const result = await solveN({
        pool,
        system: rendered.system,
        user: rendered.user,
        sampling,
        samples,
        problem,
        kind,
        stopWhenAccepted: values['stop-when-accepted'] ?? false,
        ...(values.seed !== undefined ? { seed: integerOption('--seed', values.seed, 0, 2 ** 31) } : {}),
        signal: abort.signal,
        onCandidate: (c) => {
          if (!values.json) io.err(`answer ${c.index + 1} done: ${c.completionTokens} tokens · ${c.error ?? (kind === 'math' ? (c.final ?? 'no final answer') : (c.verdict ?? (c.code ? 'not judged' : 'no code')))}${cutNote(c) ? ` · ${cutNote(c)}` : ''}`);
        },
      }).finally(stopListening);
      const seconds = (performance.now() - started) / 1000;
      if (values.json) io.out(JSON.stringify({ ...result, seconds }, null, 2));
      else printTable(result, seconds, io.out);
      const solved = kind === 'math' ? result.votes.length > 0 : result.candidates.some((c) => c.verdict === 'AC');
      if (abort.signal.aborted && !solved) return 130;
      return solved ? 0 : 1;
    } finally {
      await pool.dispose();
      await core.dispose();
    }
  },
};

function printTable(result: SolveResult, seconds: number, out: (line: string) => void): void {
  if (result.kind === 'math') {
    out('answer | votes | share');
    for (const vote of result.votes) out(`${vote.answer} | ${vote.count} | ${(vote.share * 100).toFixed(0)}%`);
    const top = result.votes[0];
    out(top ? `\nMajority: ${top.answer} (${top.count} of ${result.candidates.length})` : '\nNo answer gave a final \\boxed{} answer.');
  } else {
    out('# | verdict | tests passed | tokens');
    for (const c of result.candidates) out(`${c.index + 1} | ${c.error ? 'error' : (c.verdict ?? (c.code ? 'not judged' : 'no code'))} | ${c.report ? `${c.report.passed}/${c.report.total}` : '–'} | ${c.completionTokens}${cutNote(c) ? ` (${cutNote(c)})` : ''}`);
    const best = result.candidates.find((c) => c.index === result.best);
    if (best?.code) out(`\nBest: answer ${best.index + 1}${best.verdict ? ` (${best.verdict})` : ''}:\n\n${best.code}`);
  }
  out(`${result.candidates.length} answers in ${seconds.toFixed(1)} s`);
}

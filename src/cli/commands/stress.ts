import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ProblemSchema, type Program } from '../../shared/judging';
import { maxStressRounds, maxStressSeconds, type StressReport } from '../../shared/stress';
import { stressTest } from '../../core/runner/stress';
import { UsageError, type CliCommand } from '../command';
import { integerOption } from '../common-options';
import { onInterrupt } from '../interrupt';
import { languageFor, readProblem, withJudging } from './judge';

export const stressCommand: CliCommand = {
  name: 'stress',
  summary: 'stress test a solution against a brute force on random tests until they disagree',
  usage: `Usage: vibe stress <solution> --brute <brute> --generator <gen> [options]

Runs, round after round in the sandbox: the generator (given the round's seed
as its first argument; it prints one test), the brute force and the solution on
that test, and compares their outputs. Stops at the first disagreement, crash
or limit, then looks for a smaller failing test: it calls the generator with a
size hint as its second argument (gen SEED SIZE), from large to small, and
keeps the shortest failing input. Prints the input, both outputs and the diff.
Each program is Python or C++ by its extension (.py, .cpp).

Exit code: 1 when a counterexample was found, 0 when every round agreed, 2 on
a usage error, 3 when the brute force or the generator failed or did not compile.

Options:
  --brute <file>        a slow solution you trust (required)
  --generator <file>    prints a random test for the seed in argv[1] (required)
  --rounds <n>          rounds at most (default 1000, up to ${maxStressRounds})
  --time <seconds>      seconds at most (default 60, up to ${maxStressSeconds})
  --problem <file>      time and memory limits, comparison, checker (default: 2 s, 256 MB, lines)
  --checker <file.py>   compare with a checker instead (checker.py input expected output)
  --compare <mode>      lines (default), tokens, exact, or float;  --tolerance <x>
  --no-shrink           report the first failing test as found
  --python <cmd>        the Python to use;  --compiler <cmd>  the C++ compiler
  --json                print the report as JSON`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        brute: { type: 'string' },
        generator: { type: 'string' },
        rounds: { type: 'string' },
        time: { type: 'string' },
        problem: { type: 'string' },
        checker: { type: 'string' },
        compare: { type: 'string' },
        tolerance: { type: 'string' },
        'no-shrink': { type: 'boolean' },
        python: { type: 'string' },
        compiler: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const solutionPath = positionals[0];
    if (!solutionPath) throw new UsageError('Name the solution file, e.g. `vibe stress sol.py --brute brute.py --generator gen.py`.');
    if (!values.brute || !values.generator) throw new UsageError('--brute <file> and --generator <file> are required.');
    const [solution, brute, generator] = await Promise.all([program(solutionPath), program(values.brute), program(values.generator)]);
    const base = values.problem ? await readProblem(values.problem, { requireTests: false }) : { ...ProblemSchema.parse({ name: 'stress' }), statement: '' };
    const problem = await withJudging(base, values);
    const rounds = values.rounds === undefined ? undefined : integerOption('--rounds', values.rounds, 1, maxStressRounds);
    const seconds = values.time === undefined ? undefined : integerOption('--time', values.time, 1, maxStressSeconds);
    const controller = new AbortController();
    const release = onInterrupt(() => controller.abort(), ['SIGINT', 'SIGTERM']);
    let lastLine = 0;
    try {
      const report = await stressTest({
        solution,
        brute,
        generator,
        problem,
        rounds,
        seconds,
        shrink: !values['no-shrink'],
        python: values.python ?? null,
        compiler: values.compiler ?? null,
        signal: controller.signal,
        onProgress: (p) => {
          // A line a second on stderr, so a terminal sees it move and --json output stays clean.
          if (p.elapsedMs - lastLine < 1000 && p.phase !== 'shrinking') return;
          lastLine = p.elapsedMs;
          io.err(p.phase === 'shrinking' ? `shrinking: smallest failing input so far ${p.smallestBytes ?? '?'} bytes` : `${p.phase}: ${p.rounds} rounds, ${p.roundsPerSecond}/s`);
        },
      });
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else printReport(report, io.out);
      return report.outcome === 'found' ? 1 : report.outcome === 'passed' || report.outcome === 'stopped' ? 0 : 3;
    } finally {
      release();
    }
  },
};

async function program(path: string): Promise<Program> {
  const language = languageFor(path, undefined);
  const code = await readFile(resolve(path), 'utf8').catch(() => {
    throw new UsageError(`Cannot read ${path}.`);
  });
  return { language, code };
}

function printReport(report: StressReport, out: (line: string) => void): void {
  const pace = `${report.rounds} rounds in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.roundsPerSecond}/s)`;
  if (report.outcome === 'passed') return out(`No difference found: ${pace}.`);
  if (report.outcome === 'stopped') return out(`Stopped after ${pace}${report.counterexample ? '; a counterexample was found (see --json)' : ''}.`);
  if (report.outcome === 'compile') return out(`The ${report.program} does not compile:\n${report.message ?? ''}`);
  if (report.outcome === 'brute' || report.outcome === 'generator') return out(report.message ?? `The ${report.outcome} failed.`);
  const example = report.counterexample;
  if (!example) return;
  out(`Counterexample (seed ${example.seed}${example.size !== null ? `, size ${example.size}` : ''}) after ${pace}: ${example.verdict}${example.detail ? ` — ${example.detail}` : ''}`);
  if (report.shrink) out(`Shrunk from ${report.shrink.fromBytes} to ${report.shrink.toBytes} bytes in ${report.shrink.tries} tries.`);
  out('--- input');
  out(example.input.trimEnd());
  out('--- brute force');
  out(example.expected.trimEnd());
  out('--- solution');
  out(example.got.trimEnd());
  if (example.diff) out(example.diff);
  if (example.stderr.trim()) out(`--- solution's stderr\n${example.stderr.trimEnd()}`);
}

import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import { CodeItemSchema, MathItemSchema, type EvalItem } from '../../shared/eval';
import { ProblemSchema } from '../../shared/judging';
import { firstIssue } from '../storage/file-text';

/**
 * Reads a JSONL problem set: one JSON object per line (blank lines skipped).
 * Math items have `id`, `problem`, `answer`; code items `id`, `problem`,
 * `tests` and optional limits, or are a Competitive Companion problem (its
 * `name` is the id and the problem text). Every line is checked before
 * anything runs; all problems are reported together, each with its line.
 */
export function parseProblemSet(text: string, fileName = 'the set'): EvalItem[] {
  const items: EvalItem[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push(`line ${line}: not JSON (${errorMessage(err)})`);
      return;
    }
    const item = toItem(value);
    if (typeof item === 'string') {
      problems.push(`line ${line}: ${item}`);
      return;
    }
    if (seen.has(item.id)) {
      problems.push(`line ${line}: the id "${item.id}" is used twice`);
      return;
    }
    seen.add(item.id);
    items.push(item);
  });
  if (problems.length === 0 && items.length === 0) problems.push('no problems in it');
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new WorkbenchError('ValidationError', 'bad_problem_set', `${fileName} cannot be evaluated, nothing was run:\n  ${shown.join('\n  ')}${more}`);
  }
  return items;
}

function toItem(value: unknown): EvalItem | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object';
  const record = value as Record<string, unknown>;
  if ('answer' in record) {
    const parsed = MathItemSchema.safeParse(value);
    return parsed.success ? { kind: 'math', ...parsed.data } : describe(parsed.error, 'math item');
  }
  if ('tests' in record && 'problem' in record) {
    const parsed = CodeItemSchema.safeParse(value);
    return parsed.success ? { kind: 'code', ...parsed.data, timeLimit: parsed.data.timeLimit ?? 2000, memoryLimit: parsed.data.memoryLimit ?? 256 } : describe(parsed.error, 'code item');
  }
  if ('tests' in record && 'name' in record) {
    const parsed = ProblemSchema.safeParse(value);
    if (!parsed.success) return describe(parsed.error, 'Competitive Companion problem');
    if (parsed.data.tests.length === 0) return 'a Competitive Companion problem without tests cannot be graded';
    return { kind: 'code', id: parsed.data.name, problem: parsed.data.name, tests: parsed.data.tests, timeLimit: parsed.data.timeLimit, memoryLimit: parsed.data.memoryLimit };
  }
  return 'neither a math item (id, problem, answer) nor a code item (id, problem, tests)';
}

function describe(error: Parameters<typeof firstIssue>[0], what: string): string {
  return `not a valid ${what}: ${firstIssue(error)}`;
}

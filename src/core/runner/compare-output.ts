import type { Problem } from '../../shared/judging';

/** Lines without trailing whitespace, trailing blank lines dropped: the default contest comparison. */
function normalizedLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True when the output is accepted under the problem's comparison. */
export function outputsMatch(expected: string, got: string, comparison: Problem['comparison']): boolean {
  const tolerance = comparison?.floatTolerance;
  if (tolerance === undefined) {
    const a = normalizedLines(expected);
    const b = normalizedLines(got);
    return a.length === b.length && a.every((line, i) => line === b[i]);
  }
  const a = expected.trim().split(/\s+/).filter(Boolean);
  const b = got.trim().split(/\s+/).filter(Boolean);
  if (a.length !== b.length) return false;
  const mode = comparison?.toleranceMode ?? 'either';
  return a.every((token, i) => {
    const other = b[i] ?? '';
    const x = Number(token);
    const y = Number(other);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !/^[-+.\d]/.test(token)) return token === other;
    const absolute = Math.abs(x - y) <= tolerance;
    const relative = Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x));
    return mode === 'absolute' ? absolute : mode === 'relative' ? relative : absolute || relative;
  });
}

/**
 * A readable diff for a wrong answer: the first differing line with a few
 * lines around it, expected and got side by side, long lines cut.
 */
export function describeDifference(expected: string, got: string): { summary: string; diff: string } {
  const a = normalizedLines(expected);
  const b = normalizedLines(got);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const cut = (s: string | undefined) => (s === undefined ? '(missing)' : s.length > 200 ? `${s.slice(0, 200)}…` : s);
  const from = Math.max(0, first - 2);
  const to = Math.min(Math.max(a.length, b.length), first + 3);
  const rows: string[] = [];
  for (let i = from; i < to; i++) {
    const same = a[i] === b[i];
    rows.push(`${same ? ' ' : '-'} ${String(i + 1).padStart(4)} | ${cut(a[i])}`);
    if (!same) rows.push(`+ ${String(i + 1).padStart(4)} | ${cut(b[i])}`);
  }
  const summary =
    first >= a.length ? `Extra output from line ${first + 1}` : first >= b.length ? `Output ends early: line ${first + 1} is missing` : `Line ${first + 1} differs: expected "${cut(a[first])}", got "${cut(b[first])}"`;
  return { summary, diff: `--- expected\n+++ got\n${rows.join('\n')}` };
}

import type { ComparisonMode, Problem } from '../../shared/judging';

/**
 * Output and expected output are untrusted and up to tens of megabytes, and
 * they are compared on the app's event loop: everything here is one forward
 * pass that stops at the first difference, with no splitting into arrays and
 * no regular expression that can backtrack. (A /\s+$/ per line froze the app
 * for minutes on a long run of spaces; splitting 16 MB of newlines into
 * lines cost a second and a quarter of a gigabyte per test.)
 */

/** ASCII whitespace: space, tab, newline, vertical tab, form feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The lines of a text as the default contest comparison sees them: trailing
 * spaces, tabs and carriage returns cut, trailing blank lines dropped.
 */
class LineCursor {
  #pos = 0;
  /** Lines that start after the last non-space character are the trailing blank ones. */
  readonly #lastContent: number;

  constructor(private readonly text: string) {
    let last = text.length - 1;
    while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
    this.#lastContent = last;
  }

  /** The next line, or null after the last one that counts. */
  next(): string | null {
    const text = this.text;
    if (this.#pos > this.#lastContent) return null;
    let end = text.indexOf('\n', this.#pos);
    if (end === -1) end = text.length;
    let cut = end;
    while (cut > this.#pos && isSpace(text.charCodeAt(cut - 1))) cut--;
    const line = text.slice(this.#pos, cut);
    this.#pos = end + 1;
    return line;
  }
}

/** Whitespace-separated tokens, one at a time. */
class TokenCursor {
  #pos = 0;

  constructor(private readonly text: string) {}

  next(): string | null {
    const text = this.text;
    while (this.#pos < text.length && isSpace(text.charCodeAt(this.#pos))) this.#pos++;
    if (this.#pos >= text.length) return null;
    const start = this.#pos;
    while (this.#pos < text.length && !isSpace(text.charCodeAt(this.#pos))) this.#pos++;
    return text.slice(start, this.#pos);
  }
}

/**
 * A number as contest outputs write them: decimal, optional sign, fraction and exponent (no 0x, 0b,
 * Infinity). Written so that each character has one way to match (`\d+(?:\.\d*)?`, not `\d+\.?\d*`,
 * which splits a run of digits in many ways and backtracks quadratically on 60,000 digits and an x),
 * and tried only on tokens of a sane length: longer ones are compared as text.
 */
const decimal = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const maxNumberLength = 400;
const isDecimal = (token: string) => token.length <= maxNumberLength && decimal.test(token);

/** The comparison a problem uses: its mode, or `float` when it only gives a tolerance, else `lines`. */
export function comparisonMode(comparison: Problem['comparison']): ComparisonMode {
  return comparison?.mode ?? (comparison?.floatTolerance !== undefined ? 'float' : 'lines');
}

/** The tolerance of `float` when the problem gives none: what most contests print answers to. */
export const defaultTolerance = 1e-6;

/**
 * True when the output is accepted under the problem's built-in comparison
 * (`custom` is the checker's to decide, never here: it compares as `lines`).
 */
export function outputsMatch(expected: string, got: string, comparison: Problem['comparison']): boolean {
  if (expected === got) return true;
  const mode = comparisonMode(comparison);
  if (mode === 'exact') return false;
  if (mode === 'lines' || mode === 'custom') {
    const a = new LineCursor(expected);
    const b = new LineCursor(got);
    for (;;) {
      const x = a.next();
      const y = b.next();
      if (x !== y) return false;
      if (x === null) return true;
    }
  }
  const tolerance = mode === 'float' ? (comparison?.floatTolerance ?? defaultTolerance) : null;
  const kind = comparison?.toleranceMode ?? 'either';
  const a = new TokenCursor(expected);
  const b = new TokenCursor(got);
  for (;;) {
    const token = a.next();
    const other = b.next();
    if (token === null || other === null) return token === other;
    if (token !== other && (tolerance === null || !tokenMatches(token, other, tolerance, kind))) return false;
  }
}

function tokenMatches(token: string, other: string, tolerance: number, mode: 'absolute' | 'relative' | 'either'): boolean {
  if (!isDecimal(token) || !isDecimal(other)) return token === other;
  const x = Number(token);
  const y = Number(other);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return token === other;
  const absolute = Math.abs(x - y) <= tolerance;
  const relative = Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x));
  return mode === 'absolute' ? absolute : mode === 'relative' ? relative : absolute || relative;
}

/**
 * A readable diff for a wrong answer: the first differing line with a few
 * lines around it, expected and got side by side, long lines cut. Reads
 * only as far as the lines it shows.
 */
export function describeDifference(expected: string, got: string): { summary: string; diff: string } {
  const a = new LineCursor(expected);
  const b = new LineCursor(got);
  const cut = (s: string | null) => (s === null ? '(missing)' : s.length > 200 ? `${s.slice(0, 200)}…` : s);
  const row = (mark: string, line: number, text: string | null) => `${mark} ${String(line).padStart(4)} | ${cut(text)}`;
  const before: string[] = [];
  let first = 0;
  let x = a.next();
  let y = b.next();
  while (x !== null && x === y) {
    before.push(x);
    if (before.length > 2) before.shift();
    first++;
    x = a.next();
    y = b.next();
  }
  const summary =
    x === null ? `Extra output from line ${first + 1}` : y === null ? `Output ends early: line ${first + 1} is missing` : `Line ${first + 1} differs: expected "${cut(x)}", got "${cut(y)}"`;
  const rows = before.map((line, i) => row(' ', first - before.length + i + 1, line));
  for (let line = first + 1; line <= first + 3 && (x !== null || y !== null); line++) {
    if (x === y) rows.push(row(' ', line, x));
    else rows.push(row('-', line, x), row('+', line, y));
    x = a.next();
    y = b.next();
  }
  return { summary, diff: `--- expected\n+++ got\n${rows.join('\n')}` };
}

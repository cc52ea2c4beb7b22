/** A piece of a Markdown block: plain Markdown text, or a formula with its delimiters. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean; source: string }
  /** An opened formula whose closing delimiter has not streamed in yet: shown as its source. */
  | { kind: 'open'; source: string };

const mathEnvironments = ['aligned', 'align', 'align*', 'equation', 'equation*', 'gather', 'gather*', 'cases', 'pmatrix', 'bmatrix', 'vmatrix', 'matrix', 'array', 'split', 'multline'];

/**
 * Finds the formulas in one Markdown block so the Markdown parser never sees
 * them (it would eat `*`, `_` and `|`). Understands `$$…$$`, `\[…\]`, `\(…\)`,
 * `$…$` and bare `\begin{aligned}…\end{aligned}`-style environments; leaves
 * code spans and fences alone; keeps prices as text: a `$` opens math only
 * when a non-space follows it, and closes it only after a non-space and when
 * no digit follows (so "$5 and $10" and "costs $3" stay text). `\$` is a dollar.
 */
export function scanMath(text: string, options: { streaming?: boolean } = {}): Segment[] {
  const segments: Segment[] = [];
  let plainStart = 0;
  let i = 0;
  const pushText = (end: number) => {
    if (end > plainStart) segments.push({ kind: 'text', text: text.slice(plainStart, end) });
  };
  const lineStart = (at: number) => at === 0 || text[at - 1] === '\n';

  while (i < text.length) {
    const c = text[i];
    // Fenced code: from ``` or ~~~ at a line start to the matching fence line.
    if ((c === '`' || c === '~') && lineStart(skipIndent(text, i))) {
      const fence = /^(`{3,}|~{3,})/.exec(text.slice(i));
      if (fence?.[1]) {
        const close = findFenceEnd(text, i + fence[1].length, fence[1]);
        i = close;
        continue;
      }
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const end = text.indexOf(run, i + run.length);
      i = end === -1 ? i + run.length : end + run.length;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '$') {
        i += 2;
        continue;
      }
      if (next === '[' || next === '(') {
        const closer = next === '[' ? '\\]' : '\\)';
        const end = text.indexOf(closer, i + 2);
        if (end === -1) {
          if (options.streaming) return finishOpen(segments, text, plainStart, i, pushText);
          i += 2;
          continue;
        }
        pushText(i);
        segments.push({ kind: 'math', tex: text.slice(i + 2, end), display: next === '[', source: text.slice(i, end + 2) });
        i = plainStart = end + 2;
        continue;
      }
      const env = /^\\begin\{([a-z]+\*?)\}/.exec(text.slice(i));
      if (env?.[1] && mathEnvironments.includes(env[1])) {
        const endTag = `\\end{${env[1]}}`;
        const end = text.indexOf(endTag, i);
        if (end === -1) {
          if (options.streaming) return finishOpen(segments, text, plainStart, i, pushText);
          i += env[0].length;
          continue;
        }
        const source = text.slice(i, end + endTag.length);
        pushText(i);
        segments.push({ kind: 'math', tex: source, display: true, source });
        i = plainStart = end + endTag.length;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === '$') {
        const end = text.indexOf('$$', i + 2);
        if (end === -1) {
          if (options.streaming) return finishOpen(segments, text, plainStart, i, pushText);
          i += 2;
          continue;
        }
        pushText(i);
        segments.push({ kind: 'math', tex: text.slice(i + 2, end), display: true, source: text.slice(i, end + 2) });
        i = plainStart = end + 2;
        continue;
      }
      const after = text[i + 1];
      if (after !== undefined && !/\s/.test(after)) {
        const end = findInlineDollarEnd(text, i + 1);
        if (end !== -1) {
          pushText(i);
          segments.push({ kind: 'math', tex: text.slice(i + 1, end), display: false, source: text.slice(i, end + 1) });
          i = plainStart = end + 1;
          continue;
        }
        // No closer on this line yet: while streaming, the rest may still close it.
        if (options.streaming && !text.slice(i).includes('\n') && !/^\d/.test(after)) {
          return finishOpen(segments, text, plainStart, i, pushText);
        }
      }
      i += 1;
      continue;
    }
    i += 1;
  }
  pushText(text.length);
  return segments;
}

/** Closing `$` for an inline formula on the same line, by the rules above; -1 if none. */
function findInlineDollarEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '$') {
      const before = text[j - 1] ?? ' ';
      const next = text[j + 1] ?? '';
      if (!/\s/.test(before) && !/\d/.test(next)) return j;
      // "$5, then $y$": a second dollar that could open a formula means the first was a price.
      if (/\s/.test(before) && next !== '' && !/\s/.test(next)) return -1;
    }
  }
  return -1;
}

function finishOpen(segments: Segment[], text: string, _plainStart: number, at: number, pushText: (end: number) => void): Segment[] {
  pushText(at);
  segments.push({ kind: 'open', source: text.slice(at) });
  return segments;
}

function skipIndent(text: string, i: number): number {
  let j = i;
  while (j > 0 && text[j - 1] === ' ') j--;
  return j;
}

function findFenceEnd(text: string, from: number, fence: string): number {
  const pattern = new RegExp(`\\n[ ]{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*(?=\\n|$)`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : text.length;
}

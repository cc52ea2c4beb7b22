import type { TestCase, TestResult } from './judging';

/**
 * The pieces of prompts and answers that every front door must agree on:
 * the workbench, `vibe eval` and the API use these, never copies of them.
 */

/** The problem's first sample tests as the `{{tests}}` template variable shows them. */
export function sampleTestsText(tests: readonly TestCase[], count = 3): string {
  return tests
    .slice(0, count)
    .map((t, i) => `Sample ${i + 1} input:\n${t.input.trimEnd()}\nSample ${i + 1} output:\n${t.output.trimEnd()}`)
    .join('\n\n');
}

export type CodePick = 'lastPython' | 'lastCpp' | 'lastCode' | 'none';

const fenceTags: Record<'lastPython' | 'lastCpp', string[]> = { lastPython: ['python', 'python3', 'py'], lastCpp: ['cpp', 'c++', 'cc', 'cxx', 'c'] };

interface Fence {
  char: '`' | '~';
  length: number;
  info: string;
  lines: string[];
}

/**
 * The code a template sends to the editor from an answer: the last Python
 * block (tagged python/python3/py, or untagged when the answer has no tagged
 * Python block: small models often leave the tag off), the same for C++
 * (cpp, c++, cc, cxx), the last block of any language, or nothing. Read line by line (CommonMark fences: three or more
 * backticks or tildes, indented at most three spaces, closed by a run at
 * least as long), in one pass: the answer is model output of any size.
 */
export function extractCode(answer: string, pick: CodePick): string | null {
  if (pick === 'none') return null;
  const blocks: Fence[] = [];
  let open: Fence | null = null;
  for (const line of answer.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      const closes = fence && fence[1]?.[0] === open.char && (fence[1]?.length ?? 0) >= open.length && (fence[2] ?? '').trim() === '';
      if (closes) {
        blocks.push(open);
        open = null;
      } else open.lines.push(line);
    } else if (fence) {
      const marks = fence[1] ?? '';
      const info = (fence[2] ?? '').trim();
      // A backtick fence's info string cannot hold a backtick (that is inline code).
      if (marks[0] === '`' && info.includes('`')) continue;
      open = { char: marks[0] as '`' | '~', length: marks.length, info, lines: [] };
    }
  }
  const language = (b: Fence) => b.info.split(/\s+/)[0]?.toLowerCase() ?? '';
  const chosen = pick === 'lastCode' ? blocks.at(-1) : (blocks.filter((b) => fenceTags[pick].includes(language(b))).at(-1) ?? blocks.filter((b) => language(b) === '').at(-1));
  return chosen ? `${chosen.lines.join('\n')}\n` : null;
}

/** What the model is told after a failed test: the input, the expected output, and what happened. */
export function failureFeedback(test: TestCase | undefined, result: Pick<TestResult, 'index' | 'verdict' | 'detail' | 'stdout' | 'stderr'>, language = 'Python'): string {
  const got =
    result.verdict === 'WA'
      ? `Your output:\n\`\`\`\n${result.stdout.slice(0, 2000)}\n\`\`\``
      : `Result: ${result.verdict}${result.detail ? ` — ${result.detail}` : ''}${result.stderr ? `\n\`\`\`\n${result.stderr.slice(-1500)}\n\`\`\`` : ''}`;
  return `Your code failed test ${result.index + 1} (${result.verdict}).\n\nInput:\n\`\`\`\n${test?.input.slice(0, 2000) ?? ''}\n\`\`\`\n\nExpected output:\n\`\`\`\n${test?.output.slice(0, 2000) ?? ''}\n\`\`\`\n\n${got}\n\nFind the bug and give the complete corrected ${language} solution in one code block.`;
}

import { isCpp } from '../../shared/judging';
import type { Session, Turn } from '../../shared/sessions';

export interface ExportOptions {
  /** Include the model's reasoning (long; a handout for students often leaves it out). */
  includeReasoning: boolean;
}

/** A fence longer than any run of backticks in the text, so code cannot close it early. */
export function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * The session as Markdown. Statement, reasoning and answers are written as
 * they are, so their LaTeX ($…$, $$…$$, \( \), \[ \]) stays intact for any
 * Markdown + math viewer.
 */
export function sessionToMarkdown(session: Session, options: ExportOptions): string {
  const out: string[] = [`# ${session.title}`, ''];
  const meta = [session.model ? `Model: ${session.model}` : null, `Updated: ${session.updatedAt.slice(0, 16).replace('T', ' ')} UTC`].filter(Boolean);
  out.push(`_${meta.join(' · ')}_`, '', '## Problem', '', session.problem.statement.trim() || '_(no statement)_', '');
  session.thread.forEach((turn, i) => {
    const heading = session.thread.length > 1 ? `## Answer ${i + 1}` : '## Answer';
    out.push(heading, '');
    const asked = askedLabel(turn);
    if (asked) out.push(`**${asked}**`, '', turn.text.trim(), '');
    if (options.includeReasoning && turn.reasoning.trim()) out.push('### Reasoning', '', turn.reasoning.trim(), '', '### Final answer', '');
    out.push(turn.answer.trim() || '_(no answer)_', '');
  });
  if (session.code.trim()) {
    const fence = fenceFor(session.code);
    out.push('## Code', '', `${fence}${isCpp(session.language) ? 'cpp' : 'python'}`, session.code.replace(/\n$/, ''), fence, '');
  }
  if (session.problem.tests.length > 0) {
    out.push('## Tests', '');
    if (session.lastReport) out.push(`Last run: **${session.lastReport.verdict}**, ${session.lastReport.passed} of ${session.lastReport.total} passed.`, '');
    session.problem.tests.forEach((test, i) => {
      const result = session.lastReport?.tests.find((t) => t.index === i);
      out.push(`### Test ${i + 1}${result ? ` — ${result.verdict}` : ''}`, '');
      for (const [label, text] of [['Input', test.input], ['Expected output', test.output]] as const) {
        const fence = fenceFor(text);
        out.push(`${label}:`, '', `${fence}text`, text.replace(/\n$/, ''), fence, '');
      }
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** What precedes a turn's text in an export: nothing for the question on the problem (the statement is above). */
export function askedLabel(turn: Turn): string | null {
  return turn.kind === 'followUp' ? 'Asked:' : turn.kind === 'fix' ? 'Feedback sent:' : null;
}

import { cutNote, type SolveCandidate, type SolveRecord } from '../../../../shared/solve';
import { StaticMarkdown } from '../../markdown/StaticMarkdown';
import { useWorkspace, useWorkspaceStore } from '../../workspace/use-workspace';

interface SolvePanelProps {
  onOpenCode: (code: string) => void;
}

/** How a candidate did, in a word or two. */
function outcome(c: SolveCandidate, kind: SolveRecord['kind']): string {
  if (c.error) return 'error';
  if (c.stopped) return 'stopped';
  if (kind === 'math') return c.final ?? 'no final answer';
  if (c.verdict) return `${c.verdict}${c.report ? ` ${c.report.passed}/${c.report.total}` : ''}`;
  return c.code ? 'not judged (no tests)' : 'no code';
}

/**
 * Solve ×N in the conversation pane: while it runs, one line per answer with
 * its live token count; when it ends, the answers as folded cards, best first
 * (verdict-sorted for code), with a vote table for math. The latest run of
 * the session stays here, saved with it.
 */
export function SolvePanel({ onOpenCode }: SolvePanelProps) {
  const store = useWorkspaceStore();
  const session = useWorkspace('session');
  const solving = useWorkspace('solving');
  const live = solving && solving.sessionId === session?.id ? solving : null;
  const record = live ? live.record : (session?.solves.at(-1) ?? null);
  if (!live && !record) return null;
  const running = live !== null && live.record === null && live.error === null;
  const kind = record?.kind ?? 'code';
  const samples = live?.samples ?? record?.samples ?? 0;
  // Without a record (the run failed to be saved): the answers graded so far are still shown.
  const cards = record?.candidates ?? (live && !running ? live.candidates : []);
  return (
    <section className="solve-panel" aria-label={`Solve ×${samples}`} data-testid="solve-panel">
      <header className="solve-header">
        <h3>Solve ×{samples}</h3>
        {running && (
          <>
            <span className="hint">
              {live.candidates.length} of {samples} done
            </span>
            <button type="button" className="link-button" onClick={() => store.stopSolve()}>
              Stop
            </button>
          </>
        )}
      </header>
      {live?.error && (
        <p className="notice error" role="alert">
          {live.error}
        </p>
      )}
      {running && (
        <ol className="solve-progress" data-testid="solve-progress">
          {live.tokens.map((tokens, i) => {
            const done = live.candidates.find((c) => c.index === i);
            return (
              <li key={i}>
                Answer {i + 1}: {done ? outcome(done, kind) : `${tokens.toLocaleString()} tokens…`}
              </li>
            );
          })}
        </ol>
      )}
      {record && record.kind === 'math' && (
        <table className="solve-votes" data-testid="solve-votes">
          <thead>
            <tr>
              <th>Answer</th>
              <th>Votes</th>
              <th>Share</th>
            </tr>
          </thead>
          <tbody>
            {record.votes.map((v) => (
              <tr key={v.answer}>
                <td>
                  <StaticMarkdown text={`$${v.answer}$`} />
                </td>
                <td>{v.count}</td>
                <td>{Math.round(v.share * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {record && record.kind === 'math' && (
        <p className="solve-headline" data-testid="solve-headline">
          {record.votes[0] ? `Majority: ${record.votes[0].count} of ${record.samples} answers agree.` : 'No answer gave a final \\boxed{} answer.'}
        </p>
      )}
      {cards.map((c) => (
        <details key={c.index} className="solve-card" data-testid="solve-card" data-verdict={c.verdict ?? ''} open={false}>
          <summary>
            <span className={c.verdict ? `verdict verdict-${c.verdict}` : 'solve-outcome'}>{outcome(c, kind)}</span> Answer {c.index + 1}
            {c.index === record?.best ? ' · best' : ''} · {c.completionTokens.toLocaleString()} tokens
            {cutNote(c) && <span className="solve-cut"> · {cutNote(c)}</span>}
            {c.code && (
              <button
                type="button"
                className="link-button"
                onClick={(e) => {
                  e.preventDefault();
                  onOpenCode(c.code ?? '');
                }}
              >
                Open this code
              </button>
            )}
          </summary>
          <StaticMarkdown text={c.answer || '(no answer)'} className="markdown" />
        </details>
      ))}
    </section>
  );
}

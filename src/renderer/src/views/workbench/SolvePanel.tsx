import { cutNote, type SolveCandidate, type SolveRecord } from '../../../../shared/solve';
import { StaticMarkdown } from '../../markdown/StaticMarkdown';
import { useWorkspace, useWorkspaceStore } from '../../workspace/use-workspace';
import { useT, type Translator } from '../../i18n/use-t';
import { Notice } from '../../ui/Notice';
import { Button } from '../../ui/Button';

interface SolvePanelProps {
  onOpenCode: (code: string) => void;
}

/** How a candidate did, in a word or two. */
function outcome(c: SolveCandidate, kind: SolveRecord['kind'], t: Translator): string {
  if (c.error) return t('solve.outcome.error');
  if (c.stopped) return t('solve.outcome.stopped');
  if (kind === 'math') return c.final ?? t('solve.outcome.noFinal');
  if (c.verdict) return `${c.verdict}${c.report ? ` ${c.report.passed}/${c.report.total}` : ''}`;
  return t(c.code ? 'solve.outcome.notJudged' : 'solve.outcome.noCode');
}

/** Why a candidate was cut short, as `cutNote` (shared/solve.ts, for the CLI) says it, in the interface language. */
function cutWords(c: SolveCandidate, t: Translator): string | null {
  if (!cutNote(c)) return null;
  return c.cut === 'maxTokens' ? t('solve.cut.maxTokens') : t('solve.cut.context');
}

/**
 * Solve ×N in the conversation pane: while it runs, one line per answer with
 * its live token count; when it ends, the answers as folded cards, best first
 * (verdict-sorted for code), with a vote table for math. The latest run of
 * the session stays here, saved with it.
 */
export function SolvePanel({ onOpenCode }: SolvePanelProps) {
  const store = useWorkspaceStore();
  const t = useT();
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
    <section className="solve-panel" aria-label={t('solve.title', { count: samples })} data-testid="solve-panel">
      <header className="solve-header">
        <h3>{t('solve.title', { count: samples })}</h3>
        {running && (
          <>
            <span className="hint">{t('solve.doneOf', { done: live.candidates.length, count: samples })}</span>
            <Button variant="link" onClick={() => store.stopSolve()}>
              {t('common.stop')}
            </Button>
          </>
        )}
      </header>
      {live?.error && (
        <Notice tone="error">{live.error}</Notice>
      )}
      {running && (
        <ol className="solve-progress" data-testid="solve-progress">
          {live.tokens.map((tokens, i) => {
            const done = live.candidates.find((c) => c.index === i);
            return (
              <li key={i}>
                {t('solve.progressLine', { number: i + 1, status: done ? outcome(done, kind, t) : t('solve.tokensSoFar', { tokens: tokens.toLocaleString() }) })}
              </li>
            );
          })}
        </ol>
      )}
      {record && record.kind === 'math' && (
        <table className="solve-votes" data-testid="solve-votes">
          <thead>
            <tr>
              <th>{t('common.answer')}</th>
              <th>{t('solve.votes')}</th>
              <th>{t('solve.share')}</th>
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
          {record.votes[0] ? t('solve.majority', { count: record.votes[0].count, samples: record.samples }) : t('solve.noFinal', { boxed: '\\boxed{}' })}
        </p>
      )}
      {cards.map((c) => (
        <details key={c.index} className="solve-card" data-testid="solve-card" data-verdict={c.verdict ?? ''} open={false}>
          <summary>
            <span className={c.verdict ? `verdict verdict-${c.verdict}` : 'solve-outcome'}>{outcome(c, kind, t)}</span> {t('solve.card', { number: c.index + 1 })}
            {c.index === record?.best ? ` · ${t('solve.best')}` : ''} · {t('common.tokens', { count: c.completionTokens.toLocaleString() })}
            {cutWords(c, t) && <span className="solve-cut"> · {cutWords(c, t)}</span>}
            {c.code && (
              <Button
                variant="link"
                onClick={(e) => {
                  e.preventDefault();
                  onOpenCode(c.code ?? '');
                }}
              >
                {t('common.openThisCode')}
              </Button>
            )}
          </summary>
          <StaticMarkdown text={c.answer || t('solve.noAnswer')} className="markdown" />
        </details>
      ))}
    </section>
  );
}

import { useMemo, type ReactNode } from 'react';
import type { Turn, TurnKind } from '../../../../shared/sessions';
import { AnswerProgress } from '../../components/AnswerProgress';
import { useAnswerHooks } from '../../components/use-answer-hooks';
import { savedView, type AnswerView } from '../../workspace/live-answer';
import { useWorkspace, useWorkspaceStore } from '../../workspace/use-workspace';
import { ReplyBox } from './ReplyBox';
import { SolvePanel } from './SolvePanel';
import { TurnView } from './TurnView';
import { useFollowEnd } from '../../components/use-follow-end';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';

// A saved turn never changes, so its view is made once; each refresh of the session brings new
// objects, hence a cache by turn id (ids are unique across sessions), bounded so a long day of
// sessions does not grow it without end.
const viewCache = new Map<string, AnswerView>();
const VIEW_CACHE_MAX = 500;
function turnView(turn: Turn): AnswerView {
  return viewCache.get(turn.id) ?? keepView(turn.id, savedView(turn));
}
function keepView(turnId: string, view: AnswerView): AnswerView {
  viewCache.set(turnId, view);
  if (viewCache.size > VIEW_CACHE_MAX) {
    const oldest = viewCache.keys().next().value;
    if (oldest !== undefined) viewCache.delete(oldest);
  }
  return view;
}

interface ThreadPaneProps {
  fontSize: number;
  reasoningOpen: boolean;
  onReasoningToggle: (open: boolean) => void;
  /** Why asking is not possible right now (no model loaded), or null. */
  blockedReason: string | null;
  /** Shown when the session has no turn yet (first run: get the model; models on disk: load one). */
  empty: ReactNode;
  /** Shown above the reply box when the conversation can only go on once a model is loaded (null otherwise). */
  loadBar: ReactNode;
  /** Puts code in the editor (an explicit click: replaces, undoably). */
  onOpenCode: (code: string) => void;
  /** Why Answer now cannot be used (a remote server answers), or null. */
  answerNowBlocked: string | null;
}

/**
 * The conversation of the open session: every turn in order (earlier turns'
 * reasoning folded), the answer streaming now, and a reply box for
 * follow-ups. The end stays in view while an answer streams, until the
 * reader scrolls up.
 */
export function ThreadPane({ fontSize, reasoningOpen, onReasoningToggle, blockedReason, empty, loadBar, onOpenCode, answerNowBlocked }: ThreadPaneProps) {
  const store = useWorkspaceStore();
  const session = useWorkspace('session');
  const live = useWorkspace('live');
  const solving = useWorkspace('solving');
  const { hooks, copy, toast } = useAnswerHooks(onOpenCode);
  const t = useT();
  const thread = session?.thread;
  // Before the saved turns' views are made: the finished live view stands for its turn.
  // Only a view with its result: one cut short without it (a crash) must not stand for the saved turn.
  if (live?.turnId && !live.view.running && live.view.result) keepView(live.turnId, live.view);
  const views = useMemo(() => (thread ?? []).map(turnView), [thread]);
  const { ref, contentRef } = useFollowEnd<HTMLDivElement>(live?.generationId);
  const codeOf = (versionId: string | null) => (versionId ? (session?.codeHistory.find((v) => v.id === versionId)?.code ?? null) : null);
  const running = live?.view.running === true;
  // The same question again, as a new turn (a failed one stays in the thread, and out of the model's context).
  const retry = (kind: TurnKind, text: string) => () => void (kind === 'followUp' ? store.ask('followUp', { text }) : store.ask(kind));
  // The answer streaming now, until core's saved turn is in the thread. Its finished view is kept for
  // that turn, and one list with one key per turn keeps the same component: the text rendered while
  // streaming stays, instead of a 40k-token answer being rendered again from scratch.
  const liveShown = live && !(live.turnId && thread?.some((t) => t.id === live.turnId)) ? live : null;
  const items = [
    ...(thread ?? []).flatMap((turn, i) => {
      const view = views[i];
      return view ? [{ key: turn.id, kind: turn.kind, text: turn.text, view, codeVersion: turn.codeVersion, model: turn.model }] : [];
    }),
    ...(liveShown ? [{ key: liveShown.turnId ?? liveShown.generationId, kind: liveShown.kind, text: liveShown.text, view: liveShown.view, codeVersion: null, model: null }] : []),
  ];
  const hasTurns = items.length > 0;
  const hasSolve = (solving !== null && solving.sessionId === session?.id) || (session?.solves.length ?? 0) > 0;
  return (
    <section className="pane reasoning-pane thread-pane" aria-label={t('common.reasoning')}>
      <header className="pane-header">
        <h2>{t('thread.title')}</h2>
        {live && <AnswerProgress view={live.view} />}
        {live?.view.running && live.view.answer.length === 0 && live.view.completionTokens > 0 && !live.answerNowAsked && (
          <Button variant="link" disabled={answerNowBlocked !== null} title={answerNowBlocked ?? t('common.answerNowTitle')} onClick={() => void store.answerNow()}>
            {t('common.answerNow')}
          </Button>
        )}
        {!liveShown && views.length > 0 && <span className="hint">{t.plural('thread.turns', views.length)}</span>}
        {toast && (
          <span className="toast" role="status">
            {toast}
          </span>
        )}
      </header>
      <div className="pane-body reasoning-body" style={{ fontSize }} data-testid="reasoning-scroll" ref={ref}>
        <div className="thread-content" ref={contentRef}>
          {!hasTurns && !hasSolve && empty}
          {items.map((item, i) => (
            <TurnView
              key={item.key}
              index={i}
              kind={item.kind}
              text={item.text}
              view={item.view}
              latest={i === items.length - 1}
              onRetry={i === items.length - 1 && item.view.error && !item.view.running ? retry(item.kind, item.text) : undefined}
              reasoningOpen={reasoningOpen}
              onReasoningToggle={onReasoningToggle}
              hooks={hooks}
              onStop={() => store.stop()}
              {...(answerNowBlocked === null && !live?.answerNowAsked ? { onAnswerNow: () => void store.answerNow() } : {})}
              onCopyAnswer={(text) => copy(text, 'answer')}
              code={codeOf(item.codeVersion)}
              onOpenCode={onOpenCode}
              model={item.model}
            />
          ))}
          {liveShown && !liveShown.view.running && liveShown.view.error && (
            <Button onClick={() => store.dismissLive()}>
              {t('common.dismiss')}
            </Button>
          )}
          <SolvePanel onOpenCode={onOpenCode} />
        </div>
      </div>
      {hasTurns && loadBar}
      {hasTurns && <ReplyBox running={running} blockedReason={blockedReason} onSend={(text) => store.ask('followUp', { text })} />}
    </section>
  );
}

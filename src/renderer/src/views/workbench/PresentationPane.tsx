import { useMemo, type ReactNode } from 'react';
import { PresentationView } from '../../components/PresentationView';
import { ReasoningPane } from '../../components/ReasoningPane';
import type { Layout } from '../../state/use-layout';
import { useReplay } from '../../state/use-replay';
import { savedView } from '../../workspace/live-answer';
import { useWorkspace, useWorkspaceStore } from '../../workspace/use-workspace';
import { shown } from '../../workspace/workspace-store';

interface PresentationPaneProps {
  layout: Layout;
  onLayout: (change: Partial<Layout>) => void;
  fontSize: number;
  empty: ReactNode;
  onOpenCode: (code: string) => void;
}

/** Presentation mode over the open session: its statement and its latest answer (live, saved, or replayed). */
export function PresentationPane({ layout, onLayout, fontSize, empty, onOpenCode }: PresentationPaneProps) {
  const store = useWorkspaceStore();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const live = useWorkspace('live');
  const replay = useReplay();
  const last = session?.thread.at(-1);
  const lastView = useMemo(() => (last ? savedView(last) : null), [last]);
  const view = replay.view ?? live?.view ?? lastView;
  return (
    <PresentationView
      statement={shown({ session, pending }).statement}
      generation={view}
      layout={layout}
      onLayout={onLayout}
      answerPane={
        <ReasoningPane
          fontSize={fontSize}
          view={view}
          empty={empty}
          onStop={() => (replay.view ? replay.stop() : store.stop())}
          reasoningOpen={layout.presentReasoning}
          onReasoningToggle={(open) => onLayout({ presentReasoning: open })}
          onOpenCode={onOpenCode}
        />
      }
      drawingKey={(replay.view ? lastView?.id : view?.id) ?? ''}
      replay={{
        state: replay.state,
        canReplay: lastView !== null && !live?.view.running,
        play: (tokensPerSecond) => lastView && replay.play(lastView, { tokensPerSecond, skipReasoning: !layout.presentReasoning }),
        pause: replay.pause,
        resume: replay.resume,
        stop: replay.stop,
        setSpeed: replay.setSpeed,
      }}
    />
  );
}

import { useState, type ReactNode } from 'react';
import { defaultPaneSizes, paneColumns, resizePanes, type PaneSizes } from './pane-sizes';
import { SplitHandle } from './SplitHandle';
import type { LayoutMode } from './use-media-query';
import { Tabs } from '../ui/Tabs';

export type PhonePane = 'problem' | 'thread' | 'editor';

interface WorkbenchPanesProps {
  mode: LayoutMode;
  sizes: PaneSizes;
  onSizes: (sizes: PaneSizes) => void;
  problem: ReactNode;
  /** Absent while presenting (the presentation shows the conversation itself). */
  thread: ReactNode | null;
  editor: ReactNode;
  /** An answer is being written: a phone shows the conversation when one starts. */
  generating: boolean;
  labels: { resizeProblem: string; resizeEditor: string; panes: string; problem: string; thread: string; editor: string };
}

/** Width of a handle's grid column; it is also the gap between panes. */
const handlePx = 10;

/**
 * The workbench's three panes in one row, with drag handles between them (sizes kept by the caller, in the
 * layout). On a phone there is room for one pane: a switcher above shows one at a time, and every pane stays
 * mounted (the editor keeps its text and undo history, a stream keeps streaming).
 */
export function WorkbenchPanes({ mode, sizes, onSizes, problem, thread, editor, generating, labels }: WorkbenchPanesProps) {
  // The problem first: that is where a question is written.
  const [phonePane, setPhonePane] = useState<PhonePane>('problem');
  // An answer starting shows the conversation (state adjusted while rendering, as React advises over an effect).
  const [wasGenerating, setWasGenerating] = useState(generating);
  if (generating !== wasGenerating) {
    setWasGenerating(generating);
    if (generating) setPhonePane('thread');
  }
  // The panes' row is the handle's parent: measured when a handle moves.
  const rowPx = (handleEl: HTMLElement) => {
    const el = handleEl.parentElement;
    if (!el) return 0;
    const style = getComputedStyle(el);
    return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2 * handlePx;
  };
  // A drag is measured from the sizes when it began; a keyboard step from the sizes now.
  const handleProps = (handle: 0 | 1) => ({
    onDragStart: (handleEl: HTMLElement) => {
      const from = sizes;
      const width = rowPx(handleEl);
      return (totalPx: number) => onSizes(resizePanes(from, handle, totalPx, width));
    },
    onStep: (deltaPx: number, handleEl: HTMLElement) => onSizes(resizePanes(sizes, handle, deltaPx, rowPx(handleEl))),
  });
  const reset = () => onSizes(defaultPaneSizes);
  const phone = mode === 'phone';
  const tabs: { id: PhonePane; label: string }[] = [
    { id: 'problem', label: labels.problem },
    { id: 'thread', label: labels.thread },
    { id: 'editor', label: labels.editor },
  ];
  return (
    <div className="workbench-column">
      {phone && (
        <Tabs className="pane-switch" label={labels.panes} tabs={tabs} selected={phonePane} onSelect={setPhonePane} />
      )}
      <div className="workbench" data-mode={mode} data-phone-pane={phone ? phonePane : undefined} style={phone ? undefined : { gridTemplateColumns: paneColumns(sizes, handlePx) }}>
        {problem}
        {!phone && <SplitHandle label={labels.resizeProblem} valuePercent={sizes[0] * 100} {...handleProps(0)} onReset={reset} />}
        {thread}
        {!phone && <SplitHandle label={labels.resizeEditor} valuePercent={(sizes[0] + sizes[1]) * 100} {...handleProps(1)} onReset={reset} />}
        {editor}
      </div>
    </div>
  );
}

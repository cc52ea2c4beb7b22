import { useCallback, useEffect, useRef, useState } from 'react';
import { runningView, type AnswerView } from '../workspace/live-answer';

/**
 * Plays a finished answer back as if it were streaming, reasoning first, at
 * `charsPerSecond`, without the model (tutoring). `stop` shows it whole.
 */
export function useReplay() {
  const [view, setView] = useState<AnswerView | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const end = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => end, [end]);

  const play = useCallback(
    (saved: AnswerView, charsPerSecond: number) => {
      end();
      const result = saved.result;
      if (!result) return;
      const next = runningView(`replay-${saved.id}`);
      let shown = 0;
      const total = result.reasoning.length + result.answer.length;
      const tickMs = 50;
      setView(next);
      timer.current = setInterval(() => {
        const upTo = Math.min(total, shown + Math.max(1, Math.round((charsPerSecond * tickMs) / 1000)));
        const split = result.reasoning.length;
        if (shown < split) next.reasoning.append(result.reasoning.slice(shown, Math.min(upTo, split)));
        if (upTo > split) next.answer.append(result.answer.slice(Math.max(shown, split) - split, upTo - split));
        shown = upTo;
        const done = shown >= total;
        if (done) end();
        setView((v) => (v && v.id === next.id ? { ...v, version: v.version + 1, ...(done ? { running: false, result } : {}) } : v));
      }, tickMs);
    },
    [end],
  );

  const stop = useCallback(() => {
    end();
    setView(null);
  }, [end]);

  return { view, play, stop };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerView } from '../workspace/live-answer';
import { Replay, type ReplayOptions, type ReplayState } from '../tutoring/replay';

/** The presentation's replay of a saved answer (tutoring/replay.ts), as React state. */
export function useReplay() {
  const [shown, setShown] = useState<{ view: AnswerView; state: ReplayState } | null>(null);
  const replay = useRef<Replay | null>(null);
  useEffect(() => () => replay.current?.stop(), []);

  const play = useCallback((saved: AnswerView, options: ReplayOptions) => {
    replay.current?.stop();
    const next = new Replay(saved, options, (view, state) => {
      if (replay.current === next) setShown({ view, state });
    });
    replay.current = next;
    next.start();
  }, []);
  const stop = useCallback(() => {
    replay.current?.stop();
    replay.current = null;
    setShown(null);
  }, []);
  const pause = useCallback(() => replay.current?.pause(), []);
  const resume = useCallback(() => replay.current?.resume(), []);
  const setSpeed = useCallback((tokensPerSecond: number) => replay.current?.setSpeed(tokensPerSecond), []);

  return { view: shown?.view ?? null, state: shown?.state ?? null, play, stop, pause, resume, setSpeed };
}

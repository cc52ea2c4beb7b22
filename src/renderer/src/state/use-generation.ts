import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerationResult, GenerationStats, Sampling } from '../../../shared/generation';
import { lastBoxed } from '../../../shared/boxed-answer';
import type { WorkbenchClient } from '../api/workbench-client';
import { TextStream } from '../markdown/text-stream';

export interface GenerationView {
  id: string;
  prompt: string;
  /** Appended to in place as deltas arrive; `version` changes on every delta. */
  reasoning: TextStream;
  answer: TextStream;
  version: number;
  completionTokens: number;
  startedAt: number;
  running: boolean;
  result: GenerationResult | null;
  /** Set when the model was caught repeating itself. */
  repetition: { period: number; stopped: boolean } | null;
  error: string | null;
  /** A saved answer being played back (no model involved). */
  replaying?: boolean;
}

/** What a saved session keeps of an answer. */
export interface SavedAnswer {
  prompt: string;
  reasoning: string;
  answer: string;
  stats: GenerationStats | null;
}

function finishedView(saved: SavedAnswer): GenerationView {
  const reasoning = new TextStream();
  reasoning.append(saved.reasoning);
  const answer = new TextStream();
  answer.append(saved.answer);
  const stats: GenerationStats = saved.stats ?? { promptTokens: 0, completionTokens: 0, timeToFirstTokenMs: null, tokensPerSecond: 0, durationMs: 0, stopReason: 'end' };
  const id = newId();
  return {
    id,
    prompt: saved.prompt,
    reasoning,
    answer,
    version: 1,
    completionTokens: stats.completionTokens,
    startedAt: performance.now(),
    running: false,
    result: { id, reasoning: saved.reasoning, answer: saved.answer, boxed: lastBoxed(saved.answer), droppedTurns: 0, error: null, stats },
    repetition: null,
    error: null,
  };
}

let counter = 0;
const newId = () => `gen-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * The current answer, assembled from batched deltas. Text is appended to
 * chunk lists in place (never re-copied), so a 40k-token answer costs the
 * same per delta at the end as at the start.
 */
export function useGeneration(client: WorkbenchClient, onFinished?: (result: GenerationResult) => void) {
  const [view, setView] = useState<GenerationView | null>(null);
  const current = useRef<string | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    const mine = (id: string) => id === current.current;
    const offDelta = client.on('generationDelta', (d) => {
      if (!mine(d.id)) return;
      setView((v) => {
        if (!v) return v;
        v.reasoning.append(d.reasoning);
        v.answer.append(d.answer);
        return { ...v, version: v.version + 1, completionTokens: d.completionTokens };
      });
    });
    const offDone = client.on('generationFinished', (r) => {
      if (!mine(r.id)) return;
      setView((v) => v && { ...v, version: v.version + 1, completionTokens: r.stats.completionTokens, running: false, result: r, error: r.error });
      finished.current?.(r);
    });
    const offRepeat = client.on('repetitionDetected', (e) => {
      if (mine(e.id)) setView((v) => v && { ...v, repetition: { period: e.period, stopped: e.stopped } });
    });
    return () => {
      offDelta();
      offDone();
      offRepeat();
    };
  }, [client]);

  const lastAsk = useRef<{ prompt: string; sampling: Partial<Sampling>; newConversation: boolean; system?: string } | null>(null);
  const ask = useCallback(
    (prompt: string, sampling: Partial<Sampling>, newConversation: boolean, system?: string) => {
      lastAsk.current = { prompt, sampling, newConversation, ...(system !== undefined ? { system } : {}) };
      const id = newId();
      current.current = id;
      setView({
        id,
        prompt,
        reasoning: new TextStream(),
        answer: new TextStream(),
        version: 0,
        completionTokens: 0,
        startedAt: performance.now(),
        running: true,
        result: null,
        repetition: null,
        error: null,
      });
      client.generate({ id, prompt, sampling, newConversation, ...(system !== undefined ? { system } : {}) }).catch((err: unknown) => {
        setView((v) => (v && v.id === id ? { ...v, running: false, error: err instanceof Error ? err.message : String(err) } : v));
      });
    },
    [client],
  );

  const replayTimer = useRef<ReturnType<typeof setInterval> | null>(null);
  const endReplay = useCallback(() => {
    if (replayTimer.current) clearInterval(replayTimer.current);
    replayTimer.current = null;
  }, []);
  useEffect(() => endReplay, [endReplay]);

  /** Shows a saved answer as it ended (a reopened session); no model involved. */
  const show = useCallback(
    (saved: SavedAnswer | null) => {
      endReplay();
      current.current = null;
      setView(saved ? finishedView(saved) : null);
    },
    [endReplay],
  );

  /**
   * Plays a saved answer back as if it were streaming, reasoning first, at
   * `charsPerSecond`, without the model. Stop (or another replay) shows it whole.
   */
  const replay = useCallback(
    (saved: SavedAnswer, charsPerSecond: number) => {
      endReplay();
      current.current = null;
      const id = newId();
      const full = finishedView(saved);
      const reasoning = new TextStream();
      const answer = new TextStream();
      let shown = 0;
      const total = saved.reasoning.length + saved.answer.length;
      const tickMs = 50;
      setView({ ...full, id, reasoning, answer, version: 0, running: true, result: null, replaying: true, completionTokens: 0, startedAt: performance.now() });
      replayTimer.current = setInterval(() => {
        const next = Math.min(total, shown + Math.max(1, Math.round((charsPerSecond * tickMs) / 1000)));
        const split = saved.reasoning.length;
        if (shown < split) reasoning.append(saved.reasoning.slice(shown, Math.min(next, split)));
        if (next > split) answer.append(saved.answer.slice(Math.max(shown, split) - split, next - split));
        shown = next;
        const done = shown >= total;
        if (done) endReplay();
        setView((v) => (v && v.id === id ? { ...v, version: v.version + 1, ...(done ? { running: false, replaying: false, result: full.result } : {}) } : v));
      }, tickMs);
    },
    [endReplay],
  );

  const stop = useCallback(() => {
    if (replayTimer.current) {
      endReplay();
      setView((v) => (v?.replaying ? { ...v, running: false, replaying: false, result: finishedView({ reasoning: v.reasoning.toString(), answer: v.answer.toString(), stats: null, prompt: v.prompt }).result } : v));
      return;
    }
    if (current.current) void client.stopGeneration({ id: current.current });
  }, [client, endReplay]);

  /** Asks the last question again, the same way (after a retryable failure). */
  const retry = useCallback(() => {
    const last = lastAsk.current;
    if (last) ask(last.prompt, last.sampling, last.newConversation, last.system);
  }, [ask]);

  return { view, ask, stop, show, replay, retry };
}

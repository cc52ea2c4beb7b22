import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerationResult, Sampling } from '../../../shared/generation';
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

  const ask = useCallback(
    (prompt: string, sampling: Partial<Sampling>, newConversation: boolean, system?: string) => {
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

  const stop = useCallback(() => {
    if (current.current) void client.stopGeneration({ id: current.current });
  }, [client]);

  return { view, ask, stop };
}

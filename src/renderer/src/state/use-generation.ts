import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerationResult, Sampling } from '../../../shared/generation';
import type { WorkbenchClient } from '../api/workbench-client';

export interface GenerationView {
  id: string;
  prompt: string;
  reasoning: string;
  answer: string;
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
 * The current answer, assembled from batched deltas (text is appended, never
 * resent) and replaced by the final result when it arrives.
 */
export function useGeneration(client: WorkbenchClient) {
  const [view, setView] = useState<GenerationView | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const mine = (id: string) => id === current.current;
    const offDelta = client.on('generationDelta', (d) => {
      if (!mine(d.id)) return;
      setView((v) => v && { ...v, reasoning: v.reasoning + d.reasoning, answer: v.answer + d.answer, completionTokens: d.completionTokens });
    });
    const offDone = client.on('generationFinished', (r) => {
      if (!mine(r.id)) return;
      setView((v) => v && { ...v, reasoning: r.reasoning, answer: r.answer, completionTokens: r.stats.completionTokens, running: false, result: r, error: r.error });
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
    (prompt: string, sampling: Partial<Sampling>, newConversation: boolean) => {
      const id = newId();
      current.current = id;
      setView({ id, prompt, reasoning: '', answer: '', completionTokens: 0, startedAt: performance.now(), running: true, result: null, repetition: null, error: null });
      client.generate({ id, prompt, sampling, newConversation }).catch((err: unknown) => {
        setView((v) => v && v.id === id ? { ...v, running: false, error: err instanceof Error ? err.message : String(err) } : v);
      });
    },
    [client],
  );

  const stop = useCallback(() => {
    if (current.current) void client.stopGeneration({ id: current.current });
  }, [client]);

  return { view, ask, stop };
}

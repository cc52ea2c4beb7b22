import { useEffect, useRef } from 'react';
import type { RenderHooks } from './render-block';
import { StreamRenderer } from './stream-renderer';
import type { TextStream } from './text-stream';

interface MarkdownStreamProps {
  stream: TextStream;
  /** Changes whenever `stream` grew. */
  version: number;
  /** The authoritative final text once the answer is done (null while streaming). */
  finalText: string | null;
  hooks: RenderHooks;
  className?: string;
  testId?: string;
}

/**
 * Hosts a StreamRenderer: React owns only the container; the renderer adds
 * finished blocks and redraws the tail itself, once per animation frame.
 */
export function MarkdownStream({ stream, version, finalText, hooks, className, testId }: MarkdownStreamProps) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<StreamRenderer | null>(null);
  const consumed = useRef({ stream: null as TextStream | null, chunks: 0, finished: false });
  const hooksRef = useRef(hooks);
  useEffect(() => {
    hooksRef.current = hooks;
  }, [hooks]);

  useEffect(() => {
    if (!container.current) return;
    renderer.current = new StreamRenderer(container.current, {
      onOpenCode: (code, lang) => hooksRef.current.onOpenCode?.(code, lang),
      onCopyTex: (tex) => hooksRef.current.onCopyTex?.(tex),
    });
    return () => {
      // Unmounted (a turn folded away): a slicing in progress stops instead of rendering into nothing.
      renderer.current?.reset();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    const r = renderer.current;
    if (!r) return;
    const seen = consumed.current;
    if (seen.stream !== stream) {
      r.reset();
      consumed.current = { stream, chunks: 0, finished: false };
    }
    const state = consumed.current;
    for (let i = state.chunks; i < stream.chunks.length; i++) r.append(stream.chunks[i] ?? '');
    state.chunks = stream.chunks.length;
    if (finalText !== null && !state.finished) {
      // The result is authoritative (e.g. output that turned out to have no reasoning block).
      if (r.text !== finalText) {
        r.reset();
        r.append(finalText);
      }
      // A saved answer opened at once is rendered over several frames, never in one long freeze.
      r.finishInSlices();
      state.finished = true;
    }
  }, [stream, version, finalText]);

  return <div ref={container} className={className} data-testid={testId} />;
}

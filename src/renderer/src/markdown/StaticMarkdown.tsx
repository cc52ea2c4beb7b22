import { useMemo } from 'react';
import { MarkdownStream } from './MarkdownStream';
import type { RenderHooks } from './render-block';
import { TextStream } from './text-stream';

const noHooks: RenderHooks = {};

/** Finished Markdown with math (a statement, revealed steps): the streaming renderer, fed once. */
export function StaticMarkdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const stream = useMemo(() => {
    const s = new TextStream();
    s.append(text);
    return s;
  }, [text]);
  return <MarkdownStream stream={stream} version={0} finalText={text} hooks={noHooks} className={className ?? 'markdown'} testId={testId} />;
}

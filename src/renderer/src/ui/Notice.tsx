import type { ReactNode } from 'react';

interface NoticeProps {
  /** warn: something to know or fix (announced politely); error: something failed (announced at once). */
  tone: 'warn' | 'error';
  children: ReactNode;
  testId?: string;
  /** Inline (a span, inside a line of controls) rather than a block. */
  inline?: boolean;
  /** A warning that asks for action now (the model repeating itself): announced at once, like an error. */
  urgent?: boolean;
}

/**
 * A message in the flow of a pane: a warning or an error, with its actions after the words. One look (the
 * notice styles) and one rule for screen readers: an error is an alert, a warning a status.
 */
export function Notice({ tone, children, testId, inline = false, urgent = false }: NoticeProps) {
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={`notice ${tone}`} role={tone === 'error' || urgent ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </Tag>
  );
}

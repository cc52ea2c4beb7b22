import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

interface DraftOptions<T> {
  /** The typed text as a value, or null while it is not one (shown as invalid, never saved). */
  parse: (text: string) => T | null;
  format: (value: T) => string;
  onCommit: (value: T) => void;
  /** Save each valid value as it is typed (leaving the field shows the saved one); else on Enter or leaving. */
  live?: boolean;
}

/**
 * The text of a settings field while the user edits it, and when it is saved:
 * the user may type freely ("1" on the way to "18"), only a valid value that
 * differs from the saved one is committed, and an invalid draft says so.
 */
export function useDraftField<T>(value: T, { parse, format, onCommit, live = false }: DraftOptions<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const commitDraft = (text: string | null, keepInvalid: boolean) => {
    if (text === null) return;
    const parsed = parse(text);
    if (parsed !== null && parsed !== value) onCommit(parsed);
    if (parsed !== null || !keepInvalid) setDraft(null);
  };
  return {
    value: draft ?? format(value),
    'aria-invalid': draft !== null && parse(draft) === null,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setDraft(e.target.value);
      if (live && e.target.value !== '') {
        const parsed = parse(e.target.value);
        if (parsed !== null && parsed !== value) onCommit(parsed);
      }
    },
    onBlur: () => (live ? setDraft(null) : commitDraft(draft, true)),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (!live && e.key === 'Enter') commitDraft(draft, true);
    },
  };
}

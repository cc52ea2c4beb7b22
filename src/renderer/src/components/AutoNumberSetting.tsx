import { useState } from 'react';

interface AutoNumberSettingProps {
  label: string;
  hint: string;
  value: 'auto' | number;
  min: number;
  max: number;
  onCommit: (value: 'auto' | number) => void;
}

/** A setting that is either `auto` or a whole number; committed on Enter or when leaving the field. */
export function AutoNumberSetting({ label, hint, value, min, max, onCommit }: AutoNumberSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (text: string): 'auto' | number | null => {
    const t = text.trim().toLowerCase();
    if (t === '' || t === 'auto') return 'auto';
    const n = Number(t);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  const commit = () => {
    if (draft === null) return;
    const parsed = parse(draft);
    if (parsed !== null && parsed !== value) onCommit(parsed);
    if (parsed !== null) setDraft(null);
  };
  return (
    <label className="field">
      <span>
        <span className="field-label">{label}</span>
        <span className="field-hint">{hint}</span>
      </span>
      <input
        className="auto-number"
        value={draft ?? String(value)}
        aria-label={label}
        aria-invalid={draft !== null && parse(draft) === null}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

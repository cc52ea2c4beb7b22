import { useState } from 'react';

interface TextSettingProps {
  label: string;
  hint: string;
  value: string;
  onCommit: (value: string) => void;
}

/** A free-text setting, saved on Enter or when leaving the field. */
export function TextSetting({ label, hint, value, onCommit }: TextSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <label className="field">
      <span>
        <span className="field-label">{label}</span>
        <span className="field-hint">{hint}</span>
      </span>
      <input
        className="auto-number text-setting"
        value={draft ?? value}
        aria-label={label}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
